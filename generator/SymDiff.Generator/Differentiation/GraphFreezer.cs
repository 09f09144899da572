namespace SymDiff.Generator.Differentiation;

/// <summary>Turns the working graph into an equatable model for one generated method: only what its outputs reach, renumbered.</summary>
internal static class GraphFreezer
{
    public static (DerivativeGraphModel Model, Dictionary<int, int> Map) Freeze(
        ExprGraph graph,
        IReadOnlyList<string> parameters,
        IReadOnlyDictionary<int, string> nameHints,
        IReadOnlyDictionary<int, string> literals,
        IReadOnlyList<int> values,
        IReadOnlyList<int> outputs,
        ReverseSweep? sweep = null,
        System.Threading.CancellationToken cancellationToken = default)
    {
        var effects = sweep?.Effects ?? System.Array.Empty<int>();
        var elements = sweep?.Elements ?? System.Array.Empty<(int, int)>();
        var reached = graph.Reachable(outputs.Concat(values).Concat(effects).Concat(elements.SelectMany(e => new[] { e.Item1, e.Item2 })));
        var map = new Dictionary<int, int>();
        var nodes = new List<GraphNode>();
        for (var id = 0; id < graph.Count; id++)
        {
            if (!reached[id])
            {
                continue;
            }

            var node = graph[id];
            map[id] = nodes.Count;
            nodes.Add(node.Renumber(operand => map[operand]));
        }

        var model = new DerivativeGraphModel(
            parameters.ToEquatableArray(),
            nodes.ToEquatableArray(),
            PerNode(nameHints, map, nodes.Count),
            PerNode(literals, map, nodes.Count),
            values.Select(v => map[v]).ToEquatableArray(),
            outputs.Select(o => map[o]).ToEquatableArray(),
            graph.Callees.ToEquatableArray(),
            graph.Symbols.ToEquatableArray(),
            graph.Loops.Select((l, i) => LoopDifferentiation.Freeze(l, ConstantSeeds(graph, reached, i), cancellationToken)).ToEquatableArray())
        {
            Effects = effects.Select(e => map[e]).ToEquatableArray(),
            ElementOutputs = elements.SelectMany(e => new[] { map[e.Item1], map[e.Item2] }).ToEquatableArray(),
        };
        return (model, map);
    }

    /// <summary>
    /// The seeds of loop <paramref name="loop"/>'s first backward node that is kept (the one a fused loop
    /// runs with), when they are all constants; otherwise null.
    /// </summary>
    private static double[]? ConstantSeeds(ExprGraph graph, bool[] reached, int loop)
    {
        for (var id = 0; id < graph.Count; id++)
        {
            var node = graph[id];
            if (reached[id] && node.Operation == Operation.LoopAdjoint && node.Payload == loop)
            {
                var seeds = Enumerable.Range(1, node.Arity - 1).Select(i => graph[node.Operand(i)]).ToList();
                return seeds.All(s => s.IsConstant) ? seeds.Select(s => s.Constant).ToArray() : null;
            }
        }

        return null;
    }

    /// <summary>Carries a per-node annotation over to the pruned numbering; "" where there is none.</summary>
    private static EquatableArray<string> PerNode(IReadOnlyDictionary<int, string> annotations, Dictionary<int, int> map, int count)
    {
        var result = Enumerable.Repeat("", count).ToArray();
        foreach (var pair in annotations)
        {
            if (map.TryGetValue(pair.Key, out var id))
            {
                result[id] = pair.Value;
            }
        }

        return result.ToEquatableArray();
    }
}
