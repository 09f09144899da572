using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using SymDiff.Generator.Model;

namespace SymDiff.Generator.Differentiation;

/// <summary>
/// Reverse mode: accumulates adjoints in reverse topological order as nodes of the same DAG, so the
/// gradient shares every subexpression with the value.
/// </summary>
internal static class ReverseMode
{
    /// <summary>∂value/∂parameter for each parameter, as nodes.</summary>
    public static int[] Adjoints(GraphAlgebra g, int value, int parameterCount, CancellationToken cancellationToken)
        => Adjoints(g, value, Enumerable.Range(0, parameterCount).Select(g.Parameter).ToArray(), cancellationToken);

    /// <summary>∂value/∂target for each target node, as nodes.</summary>
    public static int[] Adjoints(GraphAlgebra g, int value, int[] targets, CancellationToken cancellationToken)
        => Adjoints(g, new[] { (value, g.One) }, targets, cancellationToken);

    /// <summary>
    /// Σₖ seedₖ·∂valueₖ/∂target for each target node, in one reverse pass: a vector–Jacobian product
    /// (the gradient is the case of one value seeded with 1).
    /// </summary>
    public static int[] Adjoints(GraphAlgebra g, IReadOnlyList<(int Value, int Seed)> seeds, int[] targets, CancellationToken cancellationToken)
    {
        var graph = g.Graph;
        var adjoint = new Dictionary<int, int>();
        foreach (var (value, seed) in seeds)
        {
            adjoint[value] = adjoint.TryGetValue(value, out var sum) ? g.Accumulate(sum, seed) : seed;
        }

        for (var id = seeds.Max(s => s.Value); id >= 0; id--)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!adjoint.TryGetValue(id, out var seed) || g.IsZero(seed))
            {
                continue;
            }

            foreach (var (target, partial) in DerivativeRules.Partials(g, id))
            {
                var term = g.Scale(seed, partial);
                adjoint[target] = adjoint.TryGetValue(target, out var sum) ? g.Accumulate(sum, term) : term;
            }
        }

        return targets.Select(t => adjoint.TryGetValue(t, out var d) ? d : g.Zero).ToArray();
    }
}
