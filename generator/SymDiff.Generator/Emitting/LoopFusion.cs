namespace SymDiff.Generator.Emitting;

/// <summary>Which forward loops run their backward sweep inside themselves, as one loop.</summary>
internal static class LoopFusion
{
    /// <summary>
    /// The backward loop node of forward loop <paramref name="forward"/> when the two run as one loop: the
    /// loop is additive, and the adjoints that seed its backward sweep are known before it starts.
    /// </summary>
    public static int? Backward(DerivativeGraphModel model, int forward)
    {
        var loop = model.Loops[(int)model.Nodes[forward].Payload];
        if (!loop.IsAdditive || loop.Fused is null)
        {
            return null;
        }

        for (var id = forward + 1; id < model.Nodes.Count; id++)
        {
            var node = model.Nodes[id];
            if (node.Operation == Operation.LoopAdjoint && node.Operand0 == forward)
            {
                var seedsReady = Enumerable.Range(1, node.Arity - 1).All(i => node.Operand(i) < forward || model.Nodes[node.Operand(i)].IsConstant);
                return seedsReady && HasSeeds(loop, model, node) ? id : null;
            }
        }

        return null;
    }

    /// <summary>Whether the fused body was built for the seeds of <paramref name="backward"/>: as parameters, or as these very constants.</summary>
    private static bool HasSeeds(LoopModel loop, DerivativeGraphModel model, GraphNode backward)
        => loop.FusedSeeds.Count == 0
            || Enumerable.Range(0, loop.FusedSeeds.Count).All(k => model.Nodes[backward.Operand(k + 1)] is { IsConstant: true } seed && seed.Constant.Equals(loop.FusedSeeds[k]));
}
