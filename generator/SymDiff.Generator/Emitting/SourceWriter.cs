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

    /// <summary>Where the next line will go, to insert lines there later (<see cref="Insert"/>).</summary>
    public (int Position, int Indent) Mark() => (_text.Length, _indent);

    /// <summary>Inserts lines at <paramref name="mark"/>, indented as they would have been written there.</summary>
    public void Insert((int Position, int Indent) mark, IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(' ', line.Length > 0 ? mark.Indent * 4 : 0).Append(line).Append('\n');
        }

        _text.Insert(mark.Position, text.ToString());
    }

    public override string ToString() => _text.ToString();
}
