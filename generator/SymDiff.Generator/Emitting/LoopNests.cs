namespace SymDiff.Generator.Emitting;

/// <summary>Facts about a loop nested in another that tables built across the outer loop rest on.</summary>
internal static class LoopNests
{
    /// <summary>
    /// The inner loop's range over every iteration of the outer one, [start, end on the last iteration), when the
    /// start does not read the outer index and the end reads it at most as <c>j + c</c>: then the last iteration's
    /// range holds every other's. Null otherwise.
    /// </summary>
    public static (IntExpr Start, IntExpr End)? InnerRange(LoopModel outer, LoopModel inner)
    {
        if (inner.Start.Reads(outer.Index))
        {
            return null;
        }

        if (!inner.End.Reads(outer.Index))
        {
            return (inner.Start, inner.End);
        }

        var end = IntPolynomial.Of(inner.End, outer.Index);
        var last = IntPolynomial.Of(IntExpr.Grouped(outer.End) - 1, outer.Index);
        return end?.DegreeIn(outer.Index) == 1 && end.LinearCoefficient(outer.Index) is { } c && c.Numerator.Sign > 0 && last is not null
            && end.Substitute(outer.Index, last) is { IsWritable: true } lastEnd
            ? (inner.Start, lastEnd.ToExpr())
            : null;
    }

    /// <summary>
    /// Which nodes are evaluated whenever the DAG runs: read by a result, an effect or a loop other than through a
    /// conditional's branch or the right side of <c>&amp;&amp;</c> and <c>||</c> (as <see cref="EmissionPlan"/>'s root region).
    /// </summary>
    public static bool[] Unconditional(DerivativeGraphModel model)
    {
        var nodes = model.Nodes;
        var always = new bool[nodes.Count];
        var stack = new Stack<int>(model.Values.Concat(model.Outputs).Concat(model.ElementOutputs).Concat(model.Effects)
            .Concat(Enumerable.Range(0, nodes.Count).Where(id => nodes[id].Operation is Operation.Loop or Operation.LoopAdjoint or Operation.Store)));
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (always[id])
            {
                continue;
            }

            always[id] = true;
            var node = nodes[id];
            var evaluated = node.Operation is Operation.Select or Operation.And or Operation.Or ? 1 : node.Arity;
            for (var i = 0; i < evaluated; i++)
            {
                stack.Push(node.Operand(i));
            }
        }

        return always;
    }

    /// <summary>The elements (vector, index) the inner loop's forward body reads on every iteration.</summary>
    public static HashSet<(string Vector, IntExpr Index)> ElementsReadOnEveryIteration(LoopModel inner)
    {
        var body = inner.Body;
        var always = Unconditional(body);
        return new HashSet<(string Vector, IntExpr Index)>(Enumerable.Range(0, body.Nodes.Count)
            .Where(id => always[id] && body.Nodes[id].Operation == Operation.Element)
            .Select(id => body.ElementParts(id)));
    }

    /// <summary>Start offset of an index in a table over [start, …): <c>i</c> or <c>i - (start)</c>.</summary>
    public static IntExpr Offset(string index, IntExpr start) => Offset(IntExpr.Named(index), start);

    public static IntExpr Offset(IntExpr index, IntExpr start) => start.IsZero ? index : index - IntExpr.Grouped(start);

    /// <summary>Count of [start, end): <c>end</c> or <c>(end) - (start)</c>.</summary>
    public static IntExpr Size(IntExpr start, IntExpr end) => start.IsZero ? end : IntExpr.Grouped(end) - IntExpr.Grouped(start);
}
