namespace SymDiff.Generator.Lowering;

/// <summary>
/// A statement of the lowered program: what a generated method body does, decided in full before any text is
/// written (<see cref="Printing.ProgramPrinter"/> only walks it).
/// </summary>
internal abstract class Statement
{
    /// <summary>The braced blocks this statement holds (a branch, a loop's body), each a scope of its own.</summary>
    public virtual IEnumerable<Block> Bodies => Array.Empty<Block>();
}

/// <summary>
/// Statements in order. A block inside a block adds no braces: it is a place that a later step fills, such as a
/// loop's preheader (the declarations and rentals before it, known only once its body is lowered).
/// </summary>
internal sealed class Block : Statement
{
    public List<Statement> Statements { get; } = new();

    public void Add(Statement statement) => Statements.Add(statement);

    /// <summary>Puts <paramref name="statements"/> before everything this block holds so far.</summary>
    public void Prepend(IEnumerable<Statement> statements) => Statements.InsertRange(0, statements);
}

/// <summary>One C# statement still carried as text; the lowering moves these into the structured kinds below.</summary>
internal sealed class CodeLine : Statement
{
    /// <param name="declares">The locals the statement declares, when it declares some (<c>out double g</c> in a call).</param>
    public CodeLine(Code code, IReadOnlyList<string>? declares = null)
        => (Code, Declares) = (code, declares ?? Array.Empty<string>());

    /// <summary>A statement built as plain text, whose reads are not known.</summary>
    public CodeLine(string text)
        : this(Lowering.Code.Plain(text))
    {
    }

    public Code Code { get; }

    public IReadOnlyList<string> Declares { get; }
}

/// <summary>A blank line between groups of statements; the printer drops one that would end a block.</summary>
internal sealed class Separator : Statement
{
    public static Separator Instance { get; } = new();

    private Separator()
    {
    }
}

/// <summary>A header (<c>unchecked</c>) and its braced body.</summary>
internal sealed class Braced : Statement
{
    public Braced(Code header) => Header = header;

    /// <summary>A header built as plain text, whose reads are not known.</summary>
    public Braced(string header)
        : this(Code.Opaque(header))
    {
    }

    public Code Header { get; }

    public Block Body { get; } = new();

    public override IEnumerable<Block> Bodies => new[] { Body };
}
