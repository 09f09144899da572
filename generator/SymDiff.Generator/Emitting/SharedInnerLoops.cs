namespace SymDiff.Generator.Emitting;

/// <summary>
/// Inner loops that a later loop runs again with the same results: a log-sum-exp written as a max loop
/// then a shifted-sum loop computes each main term in both. The later loop reads what the earlier
/// one recorded instead.
/// </summary>
internal static class SharedInnerLoops
{
    /// <summary>Where a later loop's inner loop finds its results: the earlier loop node, its first slot in that loop's record, and the inner loop it records (in its body).</summary>
    public readonly record struct Source(int Loop, int Slot, int Inner);

    /// <summary>
    /// For each forward loop node of <paramref name="model"/>, its inner loops (numbered in its body) that
    /// an earlier loop over the same range records with the same inputs. An earlier loop that is swept
    /// keeps its record until its sweep, so the later loop must come before that sweep. One that is not
    /// swept (a max marked <c>WithoutDerivative</c>) records only for the first later loop that is, and
    /// gives its record back after that loop's sweep. With <paramref name="runsWhenever"/>, a later loop reads only the
    /// records of an earlier one that runs whenever it does (not one that runs only after an early return it may take).
    /// </summary>
    public static Dictionary<int, Dictionary<int, Source>> Find(DerivativeGraphModel model, Func<int, int, bool>? runsWhenever = null)
    {
        var result = new Dictionary<int, Dictionary<int, Source>>();
        var loops = Enumerable.Range(0, model.Nodes.Count).Where(id => model.Nodes[id].Operation == Operation.Loop).ToList();
        foreach (var earlier in loops)
        {
            if (LoopFusion.Backward(model, earlier) is not null)
            {
                continue;
            }

            var sweep = Backward(model, earlier);
            var first = Loop(model, earlier);
            var recorded = InnerLoopRecording.Recorded(first);
            var readers = loops.Where(id => id > earlier && LoopFusion.Backward(model, id) is null && (sweep is int end ? id < end : Backward(model, id) is not null));
            foreach (var later in sweep is null ? readers.Take(1) : readers)
            {
                var second = Loop(model, later);
                if (runsWhenever?.Invoke(earlier, later) == false || second.Index != first.Index || second.Start != first.Start || second.End != first.End)
                {
                    continue;
                }

                foreach (var inner in second.InnerLoops)
                {
                    var slot = 0;
                    foreach (var candidate in recorded)
                    {
                        if (!Owned(result, later).ContainsKey(inner.InBody) && new Comparison(model, earlier, later).Same(candidate.InBody, inner.InBody))
                        {
                            Owned(result, later)[inner.InBody] = new Source(earlier, slot, candidate.InBody);
                        }

                        slot += InnerLoopRecording.Width(first, new[] { candidate });
                    }
                }
            }
        }

        return result;
    }

    private static Dictionary<int, Source> Owned(Dictionary<int, Dictionary<int, Source>> result, int loop)
    {
        if (!result.TryGetValue(loop, out var sources))
        {
            result[loop] = sources = new Dictionary<int, Source>();
        }

        return sources;
    }

    /// <summary>
    /// The earlier loops that record only for <paramref name="later"/> and are not swept: their records go after its sweep.
    /// <paramref name="found"/> is what <see cref="Find"/> returned for <paramref name="model"/>.
    /// </summary>
    public static IEnumerable<int> RecordsEndingWith(DerivativeGraphModel model, Dictionary<int, Dictionary<int, Source>> found, int later)
        => found.TryGetValue(later, out var sources)
            ? sources.Values.Select(s => s.Loop).Distinct().Where(loop => Backward(model, loop) is null)
            : Enumerable.Empty<int>();

    /// <summary>
    /// Whether the records of <paramref name="source"/> are still there for every backward sweep of <paramref name="reader"/>:
    /// a swept source gives them back after its own last sweep, which a Jacobian's later rows may follow.
    /// </summary>
    public static bool OutlivesSweepsOf(DerivativeGraphModel model, int source, int reader)
    {
        var sweeps = Enumerable.Range(0, model.Nodes.Count).Where(id => model.Nodes[id].Operation == Operation.LoopAdjoint).ToList();
        var own = sweeps.Where(id => model.Nodes[id].Operand0 == source).ToList();
        return own.Count == 0 || sweeps.Where(id => model.Nodes[id].Operand0 == reader).All(id => id < own[own.Count - 1]);
    }

    /// <summary>Whether a later loop reads inner-loop results that forward loop <paramref name="loop"/> records, as <see cref="Find"/> <paramref name="found"/>.</summary>
    public static bool IsSource(Dictionary<int, Dictionary<int, Source>> found, int loop)
        => found.Values.Any(sources => sources.Values.Any(s => s.Loop == loop));

    private static int? Backward(DerivativeGraphModel model, int forward)
    {
        for (var id = forward + 1; id < model.Nodes.Count; id++)
        {
            if (model.Nodes[id].Operation == Operation.LoopAdjoint && model.Nodes[id].Operand0 == forward)
            {
                return id;
            }
        }

        return null;
    }

    private static LoopModel Loop(DerivativeGraphModel model, int node) => model.Loops[(int)model.Nodes[node].Payload];

    /// <summary>
    /// Compares nodes of two loop bodies: the same operations on the same symbols, constants and values
    /// captured from the enclosing DAG; a carried value is never the same.
    /// </summary>
    private sealed class Comparison
    {
        private readonly GraphNode _firstLoop;
        private readonly GraphNode _secondLoop;
        private readonly LoopModel _first;
        private readonly LoopModel _second;

        public Comparison(DerivativeGraphModel outer, int first, int second)
        {
            _firstLoop = outer.Nodes[first];
            _secondLoop = outer.Nodes[second];
            _first = Loop(outer, first);
            _second = Loop(outer, second);
        }

        public bool Same(int a, int b)
        {
            var (x, y) = (_first.Body.Nodes[a], _second.Body.Nodes[b]);
            if (x.Operation != y.Operation || x.Arity != y.Arity)
            {
                return false;
            }

            switch (x.Operation)
            {
                case Operation.Parameter:
                    return Captured(_first, _firstLoop, x.ParameterIndex) is int p && p == Captured(_second, _secondLoop, y.ParameterIndex);
                case Operation.Integer or Operation.Element:
                    return _first.Body.Symbols[(int)x.Payload] == _second.Body.Symbols[(int)y.Payload];
                case Operation.Loop:
                    // The same forward computation: their backward bodies may differ (seeded differently), which is no matter here.
                    var (one, other) = (_first.Body.Loops[(int)x.Payload], _second.Body.Loops[(int)y.Payload]);
                    if (one.Index != other.Index || one.Start != other.Start || one.End != other.End || !one.StateNames.Equals(other.StateNames) || !one.Body.Equals(other.Body))
                    {
                        return false;
                    }

                    break;
                case Operation.CallGradient or Operation.LoopAdjoint:
                    return false;
                default:
                    if (x.Payload != y.Payload)
                    {
                        return false;
                    }

                    break;
            }

            return Enumerable.Range(0, x.Arity).All(i => Same(x.Operand(i), y.Operand(i)));
        }

        /// <summary>The node of the enclosing DAG that body parameter <paramref name="index"/> captures; null for a carried value.</summary>
        private static int? Captured(LoopModel loop, GraphNode node, int index)
            => index < loop.StateNames.Count ? null : node.Operand(index);
    }
}
