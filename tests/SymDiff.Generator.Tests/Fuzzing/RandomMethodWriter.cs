using System.Text;

namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>What the random method writers share: their random stream, and the indented text of the method being written.</summary>
internal abstract class RandomMethodWriter
{
    protected RandomMethodWriter(Random random) => Random = random;

    protected Random Random { get; }

    protected StringBuilder Text { get; } = new();

    protected int Indent { get; set; }

    /// <summary>Starts a method, one level in.</summary>
    protected void Begin()
    {
        Text.Clear();
        Indent = 1;
    }

    protected bool Chance(double p) => Random.NextDouble() < p;

    protected string Pick(IReadOnlyList<string> items) => items[Random.Next(items.Count)];

    protected void Open()
    {
        Line("{");
        Indent++;
    }

    protected void Close()
    {
        Indent--;
        Line("}");
    }

    protected void Line(string text) => Text.Append(' ', 4 * Indent).Append(text).Append('\n');
}
