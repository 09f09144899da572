using System.Collections.Immutable;
using SymDiff.Generator.Parsing;

namespace SymDiff.Generator.Differentiation;

/// <summary>Finds the [Differentiable] methods that call themselves through others (strongly connected components of the call graph).</summary>
internal static class Recursion
{
    /// <summary>The methods on a call cycle, in ordinal order.</summary>
    public static EquatableArray<string> Cyclic(ImmutableArray<CallEdge> edges)
    {
        var graph = edges.GroupBy(e => e.Caller).ToDictionary(g => g.Key, g => g.Select(e => e.Callee).Distinct().ToList());
        var cyclic = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var start in graph.Keys)
        {
            // start is on a cycle when it can reach itself.
            var seen = new HashSet<string>();
            var stack = new Stack<string>(graph[start]);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                if (node == start)
                {
                    cyclic.Add(start);
                    break;
                }

                if (seen.Add(node) && graph.TryGetValue(node, out var next))
                {
                    foreach (var callee in next)
                    {
                        stack.Push(callee);
                    }
                }
            }
        }

        return cyclic.ToEquatableArray();
    }

    /// <summary>The methods that call, directly or not, a method on a cycle: they cannot get code either.</summary>
    public static EquatableArray<string> Affected(ImmutableArray<CallEdge> edges, EquatableArray<string> cyclic)
    {
        var affected = new SortedSet<string>(cyclic, System.StringComparer.Ordinal);
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var edge in edges)
            {
                if (affected.Contains(edge.Callee) && affected.Add(edge.Caller))
                {
                    changed = true;
                }
            }
        }

        return affected.ToEquatableArray();
    }
}
