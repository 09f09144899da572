namespace SymDiff.Generator.Emitting;

/// <summary>
/// Which inner loops' results a loop's forward pass records, once per iteration, so that its backward
/// pass reads them instead of running those loops again (the main terms of a log-sum-exp).
/// </summary>
internal static class InnerLoopRecording
{
    /// <summary>The inner loops of <paramref name="loop"/> whose results are recorded, in body order.</summary>
    public static IReadOnlyList<InnerLoopModel> Recorded(LoopModel loop)
        => loop.InnerLoops.Where(inner => CanBeRead(loop.Reverse, inner.InReverse)).ToList();

    /// <summary>How many values one iteration records.</summary>
    public static int Width(LoopModel loop, IReadOnlyList<InnerLoopModel> recorded)
        => recorded.Sum(inner => InnerLoop(loop.Body, inner.InBody).StateNames.Count);

    /// <summary>
    /// Whether the backward body needs only the results of inner loop <paramref name="forward"/>, not its
    /// run: its own backward sweep, if any, reads no tape of carried values and is not fused with it.
    /// </summary>
    private static bool CanBeRead(DerivativeGraphModel reverse, int forward)
    {
        var loop = InnerLoop(reverse, forward);
        var swept = reverse.Nodes.Any(n => n.Operation == Operation.LoopAdjoint && n.Operand0 == forward);
        return !swept || (!loop.NeedsTape && LoopFusion.Backward(reverse, forward) is null);
    }

    private static LoopModel InnerLoop(DerivativeGraphModel model, int node) => model.Loops[(int)model.Nodes[node].Payload];
}
