namespace SymDiff.Generator.Lowering;

/// <summary>What a buffer the generated code rents holds.</summary>
internal enum BufferRole
{
    /// <summary>Values a forward loop records on each iteration for its backward sweep (carried values, inner loops' results).</summary>
    Tape,

    /// <summary>Costly values a forward loop records so that its backward sweep reads them instead of computing them again.</summary>
    Cache,

    /// <summary>Values that do not change with an enclosing loop, computed once before it and read inside (loop-invariant code motion).</summary>
    Table,

    /// <summary>Adjoints summed per index across iterations, added to the gradient once.</summary>
    AdjointAccumulator,

    /// <summary>Working storage the source's own code asks for.</summary>
    Scratch,
}

/// <summary>
/// An array rented from <c>ArrayPool&lt;T&gt;.Shared</c> and given back: its array's name, its length's local (none when the
/// length is computed in the rental), and its role.
/// </summary>
internal sealed class PooledBuffer(string array, string? count, BufferRole role, string elementType = "double")
{
    public string Array { get; } = array;

    public string? Count { get; } = count;

    public BufferRole Role { get; } = role;

    public string ElementType { get; } = elementType;

    public string Pool => "global::System.Buffers.ArrayPool<" + ElementType + ">.Shared";
}

/// <summary>A buffer rented, at least one element long (a pool may not hand out an empty array to return).</summary>
/// <param name="length">The number of elements wanted, as code (it may be guarded by the condition its loop runs under).</param>
internal sealed class Rent(PooledBuffer buffer, string length) : Statement
{
    public PooledBuffer Buffer { get; } = buffer;

    public string Length { get; } = length;

    /// <summary>For the tape of a loop, what allocation hoisting reads to decide whether it may be rented once, earlier.</summary>
    public TapeExtent? Tape { get; init; }
}

/// <summary>
/// How long the tape <paramref name="Name"/> of the loop over <paramref name="Loop"/> is: <paramref name="Size"/> values,
/// for the loop's bounds <paramref name="Start"/> and <paramref name="End"/>, inside loops over <paramref name="Around"/>
/// (outermost first; the method's top-level loop is the first).
/// </summary>
internal sealed record TapeExtent(string Name, string Loop, IntExpr Start, IntExpr End, IntExpr Size, IReadOnlyList<(IntExpr Start, IntExpr End)> Around);

/// <summary>A rented buffer given back, after the last statement that reads it.</summary>
internal sealed class Release(PooledBuffer buffer) : Statement
{
    public PooledBuffer Buffer { get; } = buffer;
}
