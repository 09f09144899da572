namespace SymDiff.Generator.Lowering;

/// <summary>Which way a loop's variable runs.</summary>
internal enum LoopDirection
{
    /// <summary>From <see cref="Loop.Start"/> up to <see cref="Loop.End"/>, exclusive.</summary>
    Ascending,

    /// <summary>From <see cref="Loop.End"/> − 1 down to <see cref="Loop.Start"/>: a backward sweep.</summary>
    Descending,
}

/// <summary>When a loop's number of iterations is known.</summary>
internal enum TripCount
{
    /// <summary>On entry, from its bounds: a counted loop, whose tapes are sized before it runs.</summary>
    KnownOnEntry,

    /// <summary>Only when it ends (a <c>while</c> loop, a <c>break</c>): its tapes grow, and it counts its iterations for the sweep.</summary>
    KnownAtEnd,
}

/// <summary>A loop over an int variable, step one, between bounds in the integer IR.</summary>
internal sealed class Loop(string index, IntExpr start, IntExpr end, LoopDirection direction = LoopDirection.Ascending) : Statement
{
    /// <summary>The loop variable, declared by the loop.</summary>
    public string Index { get; } = index;

    /// <summary>The first value of an ascending loop, the last of a descending one.</summary>
    public IntExpr Start { get; } = start;

    /// <summary>One past the last value of an ascending loop, one past the first of a descending one.</summary>
    public IntExpr End { get; } = end;

    public LoopDirection Direction { get; } = direction;

    public TripCount TripCount => TripCount.KnownOnEntry;

    public Block Body { get; } = new();

    public override IEnumerable<Block> Bodies => new[] { Body };
}
