namespace SymDiff.Generator.Lowering;

/// <summary>How a <see cref="Store"/> writes its place.</summary>
internal enum StoreKind
{
    /// <summary><c>target = value;</c></summary>
    Set,

    /// <summary><c>target += value;</c>: an accumulate, as adjoints are summed.</summary>
    Add,

    /// <summary><c>target -= value;</c></summary>
    Subtract,
}

/// <summary>A value written to a place, a local or an element (<c>dx[i]</c>, <c>tape[k]</c>), or added into it.</summary>
internal sealed class Store(Code target, StoreKind kind, Code value) : Statement
{
    public Code Target { get; } = target;

    public StoreKind Kind { get; } = kind;

    public Code Value { get; } = value;
}

/// <summary>The method's result.</summary>
internal sealed class Return(Code value) : Statement
{
    public Code Value { get; } = value;
}
