using System.Text;

namespace SymDiff.Generator.Emitting;

/// <summary>Writes indented C# (four spaces, <c>\n</c> line ends) into a string.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public void Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4).Append(line);
        }

        _text.Append('\n');
    }

    public void Open(string header)
    {
        Line(header);
        Line("{");
        _indent++;
    }

    public void Close(string suffix = "")
    {
        // A blank line that ends a block (after a loop, say) would only separate it from its brace.
        if (_text.Length >= 2 && _text[_text.Length - 1] == '\n' && _text[_text.Length - 2] == '\n')
        {
            _text.Length--;
        }

        _indent--;
        Line("}" + suffix);
    }

    /// <summary>Writes text made by another writer, indented to this writer's level.</summary>
    public void Block(string text)
    {
        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            Line(line);
        }
    }

    public override string ToString() => _text.ToString();
}
