using System.Globalization;

namespace SymDiff.Generator.Lowering;

/// <summary>
/// A piece of the lowered program's C#: its text, and the names it reads, known from how it was built (a local, a loop
/// variable, an index in the integer IR), never found by scanning the text. Pieces join with <c>+</c>; a string joined
/// to a piece reads nothing when it has no letter (punctuation, an operator, a number), and is opaque when it has one.
/// </summary>
internal sealed class Code
{
    private readonly string? _name;
    private readonly IntExpr? _integer;
    private readonly Code? _left;
    private readonly Code? _right;
    private readonly Code[]? _parts;

    private Code(string text, string? name = null, IntExpr? integer = null, Code? left = null, Code? right = null, Code[]? parts = null, bool opaque = false)
    {
        (Text, _name, _integer, _left, _right, _parts) = (text, name, integer, left, right, parts);
        ReadsAreKnown = !opaque && (left?.ReadsAreKnown ?? true) && (right?.ReadsAreKnown ?? true) && (parts?.All(part => part.ReadsAreKnown) ?? true);
    }

    public string Text { get; }

    /// <summary>Whether this code is one name and nothing else.</summary>
    public bool IsName => _name is not null && _left is null;

    /// <summary>Text that reads no name: an operator, a keyword, a literal, a member of <c>global::System</c>.</summary>
    public static Code Verbatim(string text) => new(text);

    /// <summary>Text built elsewhere whose reads are not known: a query about its reads must assume it reads anything.</summary>
    public static Code Opaque(string text) => new(text, opaque: true);

    /// <summary>
    /// Text built as a string: a name when it is one identifier, reading nothing when it holds no letter (<c>0.0</c>,
    /// <c> += </c>), else <see cref="Opaque"/>.
    /// </summary>
    public static Code Plain(string text) => IsIdentifier(text) ? Name(text) : Piece(text) ?? Verbatim(text);

    /// <summary>
    /// Whether <paramref name="text"/> is one C# identifier (<c>@</c>-escaped or not): a letter, letter number or
    /// <c>_</c>, then those, digits, combining marks, connectors and formatting characters (<c>x̄</c>, <c>θ̂</c>); not a
    /// keyword the generated code writes as such.
    /// </summary>
    private static bool IsIdentifier(string text)
    {
        var name = text.StartsWith("@", StringComparison.Ordinal) ? text.Substring(1) : text;
        if (name.Length == 0 || !StartsIdentifier(name[0]) || (name.Length == text.Length && Keywords.Contains(name)))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!StartsIdentifier(c) && char.GetUnicodeCategory(c) is not (UnicodeCategory.DecimalDigitNumber or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.Format))
            {
                return false;
            }
        }

        return true;
    }

    private static bool StartsIdentifier(char c) => c == '_' || char.IsLetter(c) || char.GetUnicodeCategory(c) == UnicodeCategory.LetterNumber;

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal) { "true", "false", "null", "default", "checked", "unchecked", "else", "return", "break", "continue" };

    /// <summary>A local or parameter, read by its name.</summary>
    public static Code Name(string name)
        => IsIdentifier(name)
            ? new(name, name: name)
            : throw new InvalidOperationException("Not a name: " + name);

    /// <summary>An int value: it reads its names and the vectors whose lengths it takes.</summary>
    public static Code Of(IntExpr value) => new(value.ToString(), integer: value);

    /// <summary>Several pieces with <paramref name="separator"/> (which reads nothing) between them.</summary>
    public static Code Join(string separator, IEnumerable<Code> pieces)
    {
        var parts = pieces.ToList();
        return new Code(string.Join(separator, parts.Select(p => p.Text)), parts: parts.ToArray());
    }

    /// <summary><paramref name="template"/>'s <c>{0}</c>, <c>{1}</c>… filled with <paramref name="pieces"/>.</summary>
    public static Code Format(string template, IReadOnlyList<Code> pieces)
        => new(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, pieces.Select(p => (object)p.Text).ToArray()), parts: pieces.ToArray());

    public static Code operator +(Code left, Code right) => new(left.Text + right.Text, left: left, right: right);

    public static Code operator +(Code left, string right) => new(left.Text + right, left: left, right: Piece(right));

    public static Code operator +(string left, Code right) => new(left + right.Text, left: Piece(left), right: right);

    /// <summary>
    /// A string joined to code: punctuation, operators and numbers read nothing; a string with a letter in it may be a
    /// name, and its reads are not known (join it as <see cref="Name"/> or <see cref="Verbatim"/> to say which).
    /// </summary>
    private static Code? Piece(string text)
    {
        foreach (var c in text)
        {
            if (StartsIdentifier(c) || c == '@')
            {
                return Opaque(text);
            }
        }

        return null;
    }

    /// <summary><paramref name="before"/>, <paramref name="inner"/>, <paramref name="after"/>: the two strings read nothing (<c>(</c>, <c>-</c>, <c>(double)</c>).</summary>
    public static Code Around(string before, Code inner, string after) => new(before + inner.Text + after, left: inner);

    /// <summary><paramref name="left"/>, <paramref name="middle"/>, <paramref name="right"/>: the middle reads nothing (<c> + </c>, <c> ? </c>).</summary>
    public static Code Between(Code left, string middle, Code right) => new(left.Text + middle + right.Text, left: left, right: right);

    /// <summary><c>array[index]</c>.</summary>
    public static Code Element(string array, Code index)
        => IsIdentifier(array) ? new(array + "[" + index.Text + "]", name: array, left: index) : throw new InvalidOperationException("Not a name: " + array);

    /// <summary>This code without its first <paramref name="count"/> characters, which read nothing (a minus sign).</summary>
    public Code Skip(int count) => new(Text.Substring(count), left: this);

    public bool StartsWith(string prefix) => Text.StartsWith(prefix, StringComparison.Ordinal);

    /// <summary>Whether <see cref="Reads"/> is complete: no part is <see cref="Opaque"/>.</summary>
    public bool ReadsAreKnown { get; }

    /// <summary>Whether this code may read <paramref name="name"/>: it does, or some part's reads are unknown.</summary>
    public bool MayRead(string name)
    {
        var target = name.TrimStart('@');
        return !ReadsAreKnown || AnyRead(read => read == target);
    }

    /// <summary>Every name read, without <c>@</c>; a name may come more than once.</summary>
    public IReadOnlyList<string> Reads()
    {
        var reads = new List<string>();
        AnyRead(read =>
        {
            reads.Add(read);
            return false;
        });
        return reads;
    }

    /// <summary>Whether some name read (without <c>@</c>) satisfies <paramref name="predicate"/>.</summary>
    public bool AnyRead(Func<string, bool> predicate)
    {
        if (_name is { } name && predicate(name.TrimStart('@')))
        {
            return true;
        }

        if (_integer is { } integer && ReadsOf(integer, predicate))
        {
            return true;
        }

        if ((_left?.AnyRead(predicate) ?? false) || (_right?.AnyRead(predicate) ?? false))
        {
            return true;
        }

        foreach (var part in _parts ?? Array.Empty<Code>())
        {
            if (part.AnyRead(predicate))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReadsOf(IntExpr e, Func<string, bool> predicate)
        => (e.Op is IntOp.Name or IntOp.Length && predicate(e.Name.TrimStart('@')))
            || (e.Left is { } left && ReadsOf(left, predicate))
            || (e.Right is { } right && ReadsOf(right, predicate));

    public override string ToString() => Text;
}
