namespace SymDiff.Generator.Differentiation;

/// <summary>
/// A <c>for</c> loop while it is being differentiated: its bounds, and its body as a DAG of its own
/// whose parameters are the loop-carried values (0..m-1) then the values it reads from outside.
/// </summary>
internal sealed class LoopGraph
{
    public LoopGraph(string index, Ir.IntExpr start, Ir.IntExpr end, IReadOnlyList<string> stateNames, GraphAlgebra body)
    {
        Index = index;
        Start = start;
        End = end;
        StateNames = stateNames;
        Body = body;
    }

    public string Index { get; }

    public Ir.IntExpr Start { get; }

    public Ir.IntExpr End { get; }

    /// <summary>The source names of the loop-carried variables.</summary>
    public IReadOnlyList<string> StateNames { get; }

    public GraphAlgebra Body { get; }

    /// <summary>Body nodes holding each loop-carried value at the end of an iteration.</summary>
    public int[] NewStates { get; set; } = System.Array.Empty<int>();

    /// <summary>Body nodes run for their effect: output writes, and inner loops that make some.</summary>
    public int[] Effects { get; set; } = System.Array.Empty<int>();

    /// <summary>How many values the body reads from outside (body parameters after the states).</summary>
    public int CapturedCount { get; set; }

    public Dictionary<int, string> NameHints { get; } = new();

    public Dictionary<int, string> Literals { get; } = new();

    /// <summary>The weights its output writes were seeded with by its backward sweep, if any.</summary>
    public OutputWeights? Writes { get; set; }

    /// <summary>The body's backward sweep, once computed.</summary>
    public LoopDifferentiation.BodyReverse? Reverse { get; set; }
}
