using System.Threading;

namespace SymDiff.Generator.Differentiation;

/// <summary>
/// The backward sweep of a loop body: its vector–Jacobian product, seeded with the adjoints of the
/// carried values at the end of an iteration, giving the adjoints at its start, of the captured values
/// (summed over iterations) and of each element read (added into the gradient buffers).
/// </summary>
internal static class LoopDifferentiation
{
    /// <param name="VanishingSeeds">For each carried value, whether its adjoint may be zero at run time, so that its seed's products with partials that may be infinite or NaN are guarded (see <see cref="GraphAlgebra.Scale"/>).</param>
    public sealed record BodyReverse(int[] Outputs, int[] Elements, bool[] IsZero, bool NeedsTape, IReadOnlyList<int> Effects, bool[] VanishingSeeds);

    /// <param name="loop">The loop.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <param name="writes">The weights of the output writes, when the loop makes some and is swept for a vector–Jacobian product.</param>
    /// <param name="vanishing">For each carried value, whether the adjoint of its final value may be zero at run time.</param>
    public static BodyReverse Reverse(LoopGraph loop, CancellationToken cancellationToken, OutputWeights? writes = null, IReadOnlyList<bool>? vanishing = null)
    {
        var m = loop.StateNames.Count;
        var seedsVanish = new bool[m];
        for (var k = 0; k < m; k++)
        {
            seedsVanish[k] = vanishing?[k] == true || loop.Reverse?.VanishingSeeds[k] == true;
        }

        if (loop.Reverse is { } cached && cached.VanishingSeeds.SequenceEqual(seedsVanish))
        {
            return cached;
        }

        var g = loop.Body;
        var inputs = m + loop.CapturedCount;
        var seeds = loop.NewStates.Select((state, k) => (state, g.Parameter(inputs + k))).ToList();
        var targets = Enumerable.Range(0, inputs).Select(g.Parameter).ToArray();
        loop.Writes = writes?.Inside(loop.Effects);

        // A seed may be zero at run time when the final value's adjoint may be, or when the adjoint an iteration passes
        // back to the one before it may be (a carried value the body overwrites, or reads under a condition only).
        while (true)
        {
            for (var k = 0; k < m; k++)
            {
                if (seedsVanish[k])
                {
                    g.MarkMayVanish(seeds[k].Item2);
                }
            }

            var sweep = ReverseMode.Sweep(g, seeds, targets, cancellationToken, loop.Writes);
            var passedBack = Enumerable.Range(0, m).Where(k => !seedsVanish[k] && (g.IsZero(sweep.Targets[k]) || g.MayVanish(sweep.Targets[k]))).ToList();
            if (passedBack.Count > 0)
            {
                foreach (var k in passedBack)
                {
                    seedsVanish[k] = true;
                }

                continue;
            }

            var outputs = sweep.Targets.Concat(sweep.Elements.Select(e => e.Adjoint)).ToArray();
            var needsTape = Reaches(g.Graph, outputs.Concat(sweep.Effects), new HashSet<int>(Enumerable.Range(0, m).Select(g.Parameter)));
            loop.Reverse = new BodyReverse(outputs, sweep.Elements.Select(e => e.Element).ToArray(), sweep.Targets.Select(g.IsZero).ToArray(), needsTape, sweep.Effects, seedsVanish);
            return loop.Reverse;
        }
    }

    /// <summary>Additive: each carried value's adjoint at the start of an iteration is the seed itself, and the sweep reads no carried value.</summary>
    public static bool IsAdditive(LoopGraph loop, BodyReverse reverse)
    {
        var m = loop.StateNames.Count;
        var inputs = m + loop.CapturedCount;
        return !reverse.NeedsTape && Enumerable.Range(0, m).All(k => reverse.Outputs[k] == loop.Body.Parameter(inputs + k));
    }

    /// <summary>The frozen loop: body and backward body with their own node numbering.</summary>
    /// <param name="loop">The loop.</param>
    /// <param name="seeds">The adjoints its backward sweep starts from, when they are constants: a fused body is then specialised to them.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public static LoopModel Freeze(LoopGraph loop, IReadOnlyList<double>? seeds, CancellationToken cancellationToken)
    {
        var reverse = Reverse(loop, cancellationToken);
        var m = loop.StateNames.Count;
        var inputs = m + loop.CapturedCount;
        var names = Enumerable.Range(0, inputs + m).Select(i => "p" + i).ToList();
        var writes = new ReverseSweep(System.Array.Empty<int>(), loop.Effects, System.Array.Empty<(int, int)>());
        var (body, bodyMap) = GraphFreezer.Freeze(loop.Body.Graph, names.Take(inputs).ToList(), loop.NameHints, loop.Literals, loop.NewStates, System.Array.Empty<int>(), writes, cancellationToken);
        // The element nodes are kept (as values) so that each output can name the slot it adds into.
        var inner = new ReverseSweep(System.Array.Empty<int>(), reverse.Effects, System.Array.Empty<(int, int)>());
        var (backward, map) = GraphFreezer.Freeze(loop.Body.Graph, names, loop.NameHints, loop.Literals, reverse.Elements, reverse.Outputs, inner, cancellationToken);
        var additive = IsAdditive(loop, reverse);
        var model = new LoopModel(
            loop.Index,
            loop.Start,
            loop.End,
            loop.StateNames.ToEquatableArray(),
            body,
            backward with { Values = EquatableArray<int>.Empty, Effects = backward.Effects },
            reverse.Elements.Select(e => map[e]).ToEquatableArray(),
            reverse.NeedsTape)
        {
            IsAdditive = additive,
            InnerLoops = InnerLoops(loop.Body.Graph, bodyMap, map),
            KeptValues = KeptValues(loop.Body.Graph, bodyMap, map),
        };
        return additive ? WithFusedBody(model, loop, names, seeds, cancellationToken) : model;
    }

    /// <summary>
    /// Adds the body and backward body of an additive loop as one DAG. Constant seeds are folded in
    /// (a sum returned as it is has adjoint 1), so each iteration's contributions simplify as if written by hand.
    /// </summary>
    private static LoopModel WithFusedBody(LoopModel model, LoopGraph loop, IReadOnlyList<string> names, IReadOnlyList<double>? seeds, CancellationToken cancellationToken)
    {
        var reverse = Reverse(loop, cancellationToken);
        var g = loop.Body;
        var m = loop.StateNames.Count;
        var (outputs, elements, effects) = (reverse.Outputs, reverse.Elements, reverse.Effects);
        if (seeds is not null)
        {
            var constants = loop.NewStates.Select((state, k) => (state, g.Constant(seeds[k]))).ToList();
            var sweep = ReverseMode.Sweep(g, constants, Enumerable.Range(0, m + loop.CapturedCount).Select(g.Parameter).ToArray(), cancellationToken, loop.Writes);
            outputs = sweep.Targets.Concat(sweep.Elements.Select(e => e.Adjoint)).ToArray();
            elements = sweep.Elements.Select(e => e.Element).ToArray();
            effects = sweep.Effects;
        }

        // The fused body runs the forward body too, with its output writes.
        var inner = new ReverseSweep(System.Array.Empty<int>(), loop.Effects.Concat(effects).ToList(), System.Array.Empty<(int, int)>());
        var (fused, map) = GraphFreezer.Freeze(g.Graph, names, loop.NameHints, loop.Literals, loop.NewStates.Concat(elements).ToList(), outputs, inner, cancellationToken);
        return model with
        {
            Fused = fused with { Values = fused.Values.Take(m).ToEquatableArray() },
            FusedElements = elements.Select(e => map[e]).ToEquatableArray(),
            FusedSeeds = (seeds ?? System.Array.Empty<double>()).ToEquatableArray(),
        };
    }

    /// <summary>The loops of the body that its backward body runs too, and that write no outputs.</summary>
    private static EquatableArray<InnerLoopModel> InnerLoops(ExprGraph graph, Dictionary<int, int> body, Dictionary<int, int> reverse)
        => body.Keys
            .Where(id => graph[id].Operation == Operation.Loop && reverse.ContainsKey(id) && graph.Loops[(int)graph[id].Payload].Effects.Length == 0)
            .OrderBy(id => id)
            .Select(id => new InnerLoopModel(body[id], reverse[id]))
            .ToEquatableArray();

    /// <summary>The costly calls of the body that its backward body computes again (an exponential and its own derivative).</summary>
    private static EquatableArray<KeptValueModel> KeptValues(ExprGraph graph, Dictionary<int, int> body, Dictionary<int, int> reverse)
        => body.Keys
            .Where(id => OperationTable.IsCostly(graph[id].Operation) && reverse.ContainsKey(id))
            .OrderBy(id => id)
            .Select(id => new KeptValueModel(body[id], reverse[id]))
            .ToEquatableArray();

    private static bool Reaches(ExprGraph graph, IEnumerable<int> from, HashSet<int> targets)
    {
        var reached = graph.Reachable(from);
        return targets.Any(t => reached[t]);
    }
}
