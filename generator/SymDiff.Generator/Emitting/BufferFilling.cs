namespace SymDiff.Generator.Emitting;

/// <summary>
/// Which gradient buffers a fused loop fills before anything else writes them: such a loop assigns each
/// slot once and clears only the slots it does not reach, so the buffer needs no clearing beforehand.
/// </summary>
internal static class BufferFilling
{
    /// <summary>For each vector whose buffer is filled that way, the forward loop node that fills it.</summary>
    public static Dictionary<string, int> Fillers(EmissionPlan plan)
    {
        var model = plan.Model;
        var fillers = new Dictionary<string, int>();
        var touched = new HashSet<string>();
        foreach (var id in plan.LocalsIn(Region.Root))
        {
            var node = model.Nodes[id];
            var loop = node.Operation is Operation.Loop or Operation.LoopAdjoint ? model.Loops[(int)node.Payload] : null;
            if (loop is null || node.Operation == Operation.LoopAdjoint && LoopFusion.Backward(model, node.Operand0) == id)
            {
                continue;
            }

            if (node.Operation == Operation.LoopAdjoint)
            {
                touched.UnionWith(VectorsRead(loop.Reverse));
                continue;
            }

            if (LoopFusion.Backward(model, id) is null)
            {
                continue;
            }

            var fused = loop.Fused!;
            var nested = new HashSet<string>(fused.Loops.SelectMany(VectorsRead));
            foreach (var element in loop.FusedElements)
            {
                var vector = fused.ElementParts(element).Vector;
                if (touched.Add(vector) && !nested.Contains(vector) && SlidingWrite.Of(fused, loop.FusedElements, vector, loop.Index) is not null)
                {
                    fillers[vector] = id;
                }
            }

            touched.UnionWith(nested);
        }

        return fillers;
    }

    /// <summary>Every vector a DAG or its loops read elements of: a superset of the buffers it writes.</summary>
    private static IEnumerable<string> VectorsRead(DerivativeGraphModel model)
        => model.Nodes.Select((n, id) => (n, id)).Where(p => p.n.Operation == Operation.Element).Select(p => model.ElementParts(p.id).Vector)
            .Concat(model.Loops.SelectMany(VectorsRead));

    private static IEnumerable<string> VectorsRead(LoopModel loop)
        => VectorsRead(loop.Body).Concat(VectorsRead(loop.Reverse)).Concat(loop.Fused is { } fused ? VectorsRead(fused) : Enumerable.Empty<string>());
}
