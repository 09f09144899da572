namespace SymDiff.Generator.Lowering;

/// <summary>Appends statements to a <see cref="Block"/>, opening and closing the braced ones in order.</summary>
internal sealed class BlockBuilder
{
    private readonly Stack<(Block Body, Statement? Owner)> _open = new();

    public BlockBuilder() => _open.Push((Root, null));

    public Block Root { get; } = new();

    /// <summary>The block statements go to now.</summary>
    public Block Current => _open.Peek().Body;

    public void Add(Statement statement) => Current.Add(statement);

    /// <summary>A statement, or a <see cref="Separator"/> for an empty line.</summary>
    public void Line(string line = "") => Current.Add(line.Length == 0 ? Separator.Instance : new CodeLine(line));

    /// <summary>A statement whose reads are known.</summary>
    public void Line(Code line) => Current.Add(new CodeLine(line));

    public void Open(string header) => Open(new Braced(header));

    /// <summary>Opens <c>if (condition)</c>: what follows is its branch until <see cref="Close"/>.</summary>
    public void OpenIf(Code condition)
    {
        var branch = new If(condition);
        Current.Add(branch);
        _open.Push((branch.Then, branch));
    }

    /// <summary>Opens the else branch of the <see cref="If"/> just closed.</summary>
    public void OpenElse()
    {
        var branch = Current.Statements.Count > 0 && Current.Statements[Current.Statements.Count - 1] is If { Else: null } last
            ? last
            : throw new InvalidOperationException("An else branch must follow an if.");
        branch.Else = new Block();
        _open.Push((branch.Else, branch));
    }

    /// <summary><c>target = value;</c></summary>
    public void Store(Code target, Code value) => Current.Add(new Store(target, StoreKind.Set, value));

    /// <summary><c>target += value;</c>, or <c>-=</c> when <paramref name="subtract"/>.</summary>
    public void Accumulate(Code target, Code value, bool subtract = false) => Current.Add(new Store(target, subtract ? StoreKind.Subtract : StoreKind.Add, value));

    /// <summary>Opens a braced statement whose header's reads are known.</summary>
    public void Open(Code header) => Open(new Braced(header));

    private void Open(Braced braced)
    {
        Current.Add(braced);
        _open.Push((braced.Body, braced));
    }

    /// <summary>Adds <paramref name="loop"/>; what follows goes into its body until <see cref="Close"/>.</summary>
    public void Open(Loop loop)
    {
        Current.Add(loop);
        _open.Push((loop.Body, loop));
    }

    /// <summary>Ends the innermost open if, else, loop or braced statement.</summary>
    public void Close() => _open.Pop();

    /// <summary>Declares <paramref name="name"/> (<c>double x = value;</c>, or <c>double x;</c> without a value).</summary>
    public void Let(string type, string name, string? value) => Current.Add(new Let(type, name, value));

    /// <summary>Declares <paramref name="name"/> with a first value whose reads are known.</summary>
    public void Let(string type, string name, Code value) => Current.Add(new Let(type, name, value));

    /// <summary>An empty block here, for statements known only later (a loop's preheader).</summary>
    public Block Placeholder()
    {
        var block = new Block();
        Current.Add(block);
        return block;
    }
}
