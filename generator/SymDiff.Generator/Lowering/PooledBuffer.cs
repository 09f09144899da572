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
internal sealed class PooledBuffer
{
    public PooledBuffer(string array, string? count, BufferRole role, string elementType = "double")
    {
        Array = array;
        Count = count;
        Role = role;
        ElementType = elementType;
    }

    public string Array { get; }

    public string? Count { get; }

    public BufferRole Role { get; }

    public string ElementType { get; }

    public string Pool => "global::System.Buffers.ArrayPool<" + ElementType + ">.Shared";
}

/// <summary>A buffer rented, at least one element long (a pool may not hand out an empty array to return).</summary>
internal sealed class Rent : Statement
{
    public Rent(PooledBuffer buffer, string length)
    {
        Buffer = buffer;
        Length = length;
    }

    public PooledBuffer Buffer { get; }

    /// <summary>The number of elements wanted, as code (it may be guarded by the condition its loop runs under).</summary>
    public string Length { get; }
}

/// <summary>A rented buffer given back, after the last statement that reads it.</summary>
internal sealed class Release : Statement
{
    public Release(PooledBuffer buffer) => Buffer = buffer;

    public PooledBuffer Buffer { get; }
}
