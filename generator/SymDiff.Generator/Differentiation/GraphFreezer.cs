using System.Collections.Generic;
using System.Linq;
using SymDiff.Generator.Model;

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
        IReadOnlyList<int> outputs)
    {
        var reached = new bool[graph.Count];
        var stack = new Stack<int>(outputs.Concat(values));
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (reached[id])
            {
                continue;
            }

            reached[id] = true;
            var node = graph[id];
            for (var i = 0; i < node.Arity; i++)
            {
                stack.Push(node.Operand(i));
            }
        }

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
            graph.Callees.ToEquatableArray());
        return (model, map);
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
