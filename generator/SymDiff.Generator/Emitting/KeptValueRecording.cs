namespace SymDiff.Generator.Emitting;

/// <summary>
/// Which costly values a loop's forward pass records, once per iteration, so that its backward sweep reads
/// them instead of calling the function again (the <c>Math.Exp(term - shift)</c> of a log-sum-exp, whose
/// derivative is itself).
/// </summary>
internal static class KeptValueRecording
{
    /// <summary>
    /// The kept values of <paramref name="loop"/> that its forward body may record: computed on every iteration
    /// (not in a branch, where the slot would hold an earlier iteration's value), and not a power written as products.
    /// </summary>
    public static IReadOnlyList<KeptValueModel> Candidates(LoopModel loop)
    {
        if (loop.KeptValues.Count == 0 || loop.Body.Scalar != "double")
        {
            return System.Array.Empty<KeptValueModel>();
        }

        var always = LoopNests.Unconditional(loop.Body);
        var candidates = loop.KeptValues
            .Where(value => always[value.InBody] && CSharpExpressionWriter.IntegerExponent(loop.Body.Nodes[value.InBody], loop.Body.Nodes) is null)
            .ToList();
        var read = ReadBySweep(loop.Reverse, new HashSet<int>(candidates.Select(value => value.InReverse)));
        return candidates.Where(value => read[value.InReverse]).ToList();
    }

    /// <summary>
    /// The nodes the backward body reads once the <paramref name="kept"/> ones come from the tape: a value only another
    /// kept value reads (the sine inside a recorded exponential) is not recorded.
    /// </summary>
    private static bool[] ReadBySweep(DerivativeGraphModel reverse, HashSet<int> kept)
    {
        var nodes = reverse.Nodes;
        var read = new bool[nodes.Count];
        var stack = new Stack<int>(reverse.Outputs.Concat(reverse.ElementOutputs).Concat(reverse.Effects)
            .Concat(Enumerable.Range(0, nodes.Count).Where(id => nodes[id].Operation is Operation.Loop or Operation.LoopAdjoint or Operation.Store)));
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (read[id])
            {
                continue;
            }

            read[id] = true;
            if (kept.Contains(id))
            {
                continue;
            }

            for (var i = 0; i < nodes[id].Arity; i++)
            {
                stack.Push(nodes[id].Operand(i));
            }
        }

        return read;
    }

    /// <summary>
    /// Of the <paramref name="candidates"/>, those the forward body's <paramref name="plan"/> computes into a local of
    /// its own: not those it reads from a table, which the backward body reads from the same table.
    /// </summary>
    public static IReadOnlyList<KeptValueModel> Recorded(IReadOnlyList<KeptValueModel> candidates, EmissionPlan plan)
        => candidates.Where(value => !plan.ReadInstead.Contains(value.InBody) && plan.Names[value.InBody] is not null).ToList();
}
