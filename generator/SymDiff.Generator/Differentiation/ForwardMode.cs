using System.Collections.Generic;
using System.Threading;
using SymDiff.Generator.Model;

namespace SymDiff.Generator.Differentiation;

/// <summary>
/// Forward mode: the tangent of every node is Σ ∂node/∂operand · tangent(operand), in topological
/// order, from the same <see cref="DerivativeRules"/> that reverse mode uses.
/// </summary>
internal static class ForwardMode
{
    /// <summary>The directional derivative of <paramref name="value"/> along the given parameter tangents.</summary>
    /// <param name="g">The graph's algebra.</param>
    /// <param name="value">The node to differentiate.</param>
    /// <param name="seeds">Per parameter index, the node holding its tangent.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public static int Tangent(GraphAlgebra g, int value, IReadOnlyList<int> seeds, CancellationToken cancellationToken)
        => Tangents(g, new[] { value }, seeds, cancellationToken)[0];

    /// <summary>The directional derivative of each of <paramref name="values"/> along the parameter tangents, in one forward pass.</summary>
    public static int[] Tangents(GraphAlgebra g, IReadOnlyList<int> values, IReadOnlyList<int> seeds, CancellationToken cancellationToken)
    {
        var value = System.Linq.Enumerable.Max(values);
        var graph = g.Graph;
        var tangent = new Dictionary<int, int>();
        for (var i = 0; i < seeds.Count; i++)
        {
            tangent[g.Parameter(i)] = seeds[i];
        }

        for (var id = 0; id <= value; id++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var node = graph[id];
            if (node.Operation is Operation.Parameter or Operation.CallGradient || node.IsConstant || OperationTable.Get(node.Operation).IsBoolean)
            {
                continue;
            }

            var sum = g.Zero;
            foreach (var (target, partial) in DerivativeRules.Partials(g, id))
            {
                if (tangent.TryGetValue(target, out var seed) && !g.IsZero(seed))
                {
                    sum = g.Accumulate(sum, g.Scale(seed, partial));
                }
            }

            if (!g.IsZero(sum))
            {
                tangent[id] = sum;
            }
        }

        return System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(values, v => tangent.TryGetValue(v, out var result) ? result : g.Zero));
    }
}
