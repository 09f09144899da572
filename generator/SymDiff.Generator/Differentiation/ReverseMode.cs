using System.Threading;

namespace SymDiff.Generator.Differentiation;

/// <summary>
/// Reverse mode: accumulates adjoints in reverse topological order as nodes of the same DAG, so the
/// gradient shares every subexpression with the value. A loop is crossed by a backward loop node
/// whose results are the adjoints of the loop's inputs.
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
        => Sweep(g, seeds, targets, cancellationToken).Targets;

    /// <summary>The full backward sweep: adjoints of the targets, plus what is written to gradient buffers.</summary>
    /// <param name="g">The graph's algebra.</param>
    /// <param name="seeds">Each value to differentiate, with its adjoint.</param>
    /// <param name="targets">Nodes whose adjoints are wanted.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <param name="writes">
    /// For a method writing output vectors: its effect nodes, and per output vector the vector of weights u
    /// that seeds each write <c>y[i] = e</c> with u[i] (the sweep is then a vector–Jacobian product).
    /// </param>
    public static ReverseSweep Sweep(GraphAlgebra g, IReadOnlyList<(int Value, int Seed)> seeds, int[] targets, CancellationToken cancellationToken, OutputWeights? writes = null)
    {
        var graph = g.Graph;
        var adjoint = new Dictionary<int, int>();
        var effects = new List<int>();
        foreach (var (value, seed) in seeds)
        {
            adjoint[value] = adjoint.TryGetValue(value, out var sum) ? g.Accumulate(sum, seed) : seed;
        }

        void Add(int target, int term) => adjoint[target] = adjoint.TryGetValue(target, out var sum) ? g.Accumulate(sum, term) : term;

        var effectful = new HashSet<int>(writes?.Effects ?? System.Array.Empty<int>());
        foreach (var store in effectful.Where(e => graph[e].Operation == Operation.Store))
        {
            Add(graph[store].Operand0, writes!.Weight(g, store));
        }

        var start = seeds.Select(s => s.Value).Concat(effectful).DefaultIfEmpty(-1).Max();
        for (var id = start; id >= 0; id--)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (graph[id].Operation == Operation.Loop)
            {
                BackwardLoop(g, id, adjoint, effects, Add, effectful.Contains(id) ? writes : null, cancellationToken);
                continue;
            }

            if (!adjoint.TryGetValue(id, out var seed) || g.IsZero(seed))
            {
                continue;
            }

            foreach (var (target, partial) in DerivativeRules.Partials(g, id))
            {
                Add(target, g.Scale(seed, partial));
            }
        }

        var elements = new List<(int Element, int Adjoint)>();
        for (var id = 0; id < graph.Count; id++)
        {
            if (graph[id].Operation == Operation.Element && adjoint.TryGetValue(id, out var d) && !g.IsZero(d))
            {
                elements.Add((id, d));
            }
        }

        return new ReverseSweep(targets.Select(t => adjoint.TryGetValue(t, out var d) ? d : g.Zero).ToArray(), effects, elements);
    }

    /// <summary>
    /// Crosses a loop backward: the adjoints of its final carried values seed a backward loop node,
    /// whose results are added to the adjoints of the loop's initial values and captured values.
    /// </summary>
    private static void BackwardLoop(GraphAlgebra g, int id, Dictionary<int, int> adjoint, List<int> effects, System.Action<int, int> add, OutputWeights? writes, CancellationToken cancellationToken)
    {
        var graph = g.Graph;
        var node = graph[id];
        var loop = graph.Loops[(int)node.Payload];
        var seeds = new List<int> { id };
        for (var k = 0; k < loop.StateNames.Count; k++)
        {
            var seed = graph.TryFind(new GraphNode(Operation.LoopResult, id, Payload: k), out var result) && adjoint.TryGetValue(result, out var a) ? a : g.Zero;
            seeds.Add(seed);
        }

        if (seeds.Skip(1).All(g.IsZero) && writes is null)
        {
            return;
        }

        var backward = graph.Intern(GraphNode.WithOperands(Operation.LoopAdjoint, seeds, node.Payload));
        effects.Add(backward);
        // A seed that is zero while another is not leaves its products with the body's partials. When only one seed is
        // not a symbolic zero, the sweep is skipped where it is zero at run time (see MethodBodyWriter.WriteBackwardLoop),
        // unless the loop writes outputs (their cotangents are added whatever the seeds) or its sweep runs inside its
        // forward loop (an additive loop, fused: nothing skips it).
        var live = seeds.Skip(1).Count(seed => !g.IsZero(seed));
        var skipped = live == 1 && writes is null;
        var vanishing = seeds.Skip(1).Select(seed => g.IsZero(seed) || (!skipped && g.MayVanish(seed))).ToList();
        var reverse = LoopDifferentiation.Reverse(loop, cancellationToken, writes, vanishing);
        if (skipped && LoopDifferentiation.IsAdditive(loop, reverse) && seeds.Skip(1).Any(g.MayVanish))
        {
            reverse = LoopDifferentiation.Reverse(loop, cancellationToken, writes, seeds.Skip(1).Select(seed => g.IsZero(seed) || g.MayVanish(seed)).ToList());
        }

        for (var j = 0; j < node.Arity; j++)
        {
            // A carried value the body's adjoint drops (s = 0.0 * s, s = x[i]) still has its seed's adjoint when the loop
            // runs no iteration: only a captured value's adjoint, a sum over the iterations, is zero with the body's.
            if (!reverse.IsZero[j] || (j < loop.StateNames.Count && !g.IsZero(seeds[j + 1])))
            {
                add(node.Operand(j), graph.Intern(new GraphNode(Operation.LoopResult, backward, Payload: j)));
            }
        }
    }
}
