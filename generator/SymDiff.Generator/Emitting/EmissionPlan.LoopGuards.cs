namespace SymDiff.Generator.Emitting;

// Where each top-level loop runs: the conditions its results are read under, and which loops run whenever an earlier one does.
internal sealed partial class EmissionPlan
{
    /// <summary>
    /// The branch a forward loop of the method's top level would be computed in if it were a value (where its
    /// results are read: after an early <c>return</c>, the other branch's), as the conditions leading there,
    /// outermost first; empty when its results are read unconditionally.
    /// </summary>
    public IReadOnlyList<(int Condition, bool Holds)> LoopGuard(int loop)
        => _loopGuards.TryGetValue(loop, out var guard) ? guard : System.Array.Empty<(int, bool)>();

    private readonly Dictionary<int, List<(int Condition, bool Holds)>> _loopGuards = new();

    /// <summary>
    /// For each forward loop node of this DAG, its inner loops whose results an earlier loop that runs whenever it does
    /// records (see <see cref="SharedInnerLoops.Find"/>); found on first use.
    /// </summary>
    public Dictionary<int, Dictionary<int, SharedInnerLoops.Source>> SharedLoops => _sharedLoops ??= SharedInnerLoops.Find(Model, RunsWhenever);

    private Dictionary<int, Dictionary<int, SharedInnerLoops.Source>>? _sharedLoops;

    /// <summary>Whether loop <paramref name="earlier"/> runs whenever loop <paramref name="later"/> does: its guard holds wherever the later one's does.</summary>
    public bool RunsWhenever(int earlier, int later)
    {
        var (first, second) = (LoopGuard(earlier), LoopGuard(later));
        return first.Count <= second.Count && first.SequenceEqual(second.Take(first.Count));
    }

    /// <summary>
    /// A loop is a statement at the top, placed there whoever reads it; but a loop whose results are read only
    /// in one branch (the rest of the method after <c>if (stop) return 0;</c>) runs only when that branch is
    /// taken, as in the source: it may read elements the other branch's inputs do not have. Its backward sweep
    /// reads its records, and runs wherever a seed is not zero (a sweep with zero seeds is skipped), so it counts
    /// as a read where its seeds can be nonzero: usually in that branch too, but in a Hessian a sweep also carries
    /// the derivative of the gradient's sweep, whose seed is not zero outside it.
    /// </summary>
    private void PlaceLoopGuards(DerivativeGraphModel model)
    {
        if (IsNested)
        {
            return;
        }

        var nodes = model.Nodes;

        // Where each loop's results are read, as the conditions leading there; two conditionals on one condition
        // (the value's c ? ... and the derivative's) are one branch.
        var reads = new Dictionary<int, List<(int Condition, bool Holds)>>();
        void Read(int result, Region where)
        {
            var path = new List<(int, bool)>();
            for (var r = where; r.Parent is not null; r = r.Parent)
            {
                path.Insert(0, (nodes[r.Select].Operand0, r.Branch));
            }

            ReadOn(nodes[result].Operand0, path);
        }

        void ReadOn(int loop, List<(int Condition, bool Holds)> path)
            => reads[loop] = reads.TryGetValue(loop, out var current) ? CommonPrefix(current, path) : path;

        bool IsLoopResult(int id) => nodes[id].Operation == Operation.LoopResult && nodes[nodes[id].Operand0].Operation == Operation.Loop;
        var nonZero = new Dictionary<int, List<(int Condition, bool Holds)>?>();
        foreach (var root in model.Values.Concat(model.Outputs).Concat(AdjointsOfElements(model)).Where(IsLoopResult))
        {
            Read(root, Region.Root);
        }

        for (var id = 0; id < nodes.Count; id++)
        {
            var node = nodes[id];
            if (Regions[id] is not { } region)
            {
                continue;
            }

            for (var i = 0; i < node.Arity; i++)
            {
                if (IsLoopResult(node.Operand(i)))
                {
                    Read(node.Operand(i), node.Operation == Operation.Select && i > 0 ? BranchOf(region, id, i == 1) : region);
                }
            }

            if (node.Operation == Operation.LoopAdjoint
                && Enumerable.Range(1, node.Arity - 1).Select(k => NonZeroWhere(model, node.Operand(k), nonZero)).Where(p => p is not null).Aggregate((List<(int, bool)>?)null, (all, p) => all is null ? p : CommonPrefix(all, p!)) is { } seeded)
            {
                ReadOn(node.Operand0, seeded);
            }
        }

        foreach (var pair in reads.Where(p => p.Value.Count > 0))
        {
            // The conditions must be computed before the loop: at the top, or written from scratch where the source
            // reaches them (computed inside another conditional's branch, such as an element read after an early return
            // that checks the length). The guard's && then evaluates each only where the conditions before it hold.
            var path = pair.Value;
            if (path.Select((g, k) => g.Condition < pair.Key && (Regions[g.Condition] is { Parent: null } || WrittenFromScratch(g.Condition, path.Take(k)))).All(ok => ok))
            {
                _loopGuards[pair.Key] = path;
                _guardsFromScratch.UnionWith(path.Select(g => g.Condition).Where(c => Regions[c] is not { Parent: null }));
            }
        }
    }

    /// <summary>Whether loop-guard condition <paramref name="id"/> is written from scratch, not read from its local.</summary>
    public bool IsGuardWrittenFromScratch(int id) => _guardsFromScratch.Contains(id);

    private readonly HashSet<int> _guardsFromScratch = new();

    /// <summary>
    /// Whether condition <paramref name="id"/>, computed inside other conditionals' branches, can be written from scratch
    /// in a loop guard after <paramref name="before"/>: it reads no loop, call or result, and every branch it is computed
    /// in is one the conditions before it select, so that it is evaluated only where the source evaluates it.
    /// </summary>
    private bool WrittenFromScratch(int id, IEnumerable<(int Condition, bool Holds)> before)
    {
        var taken = new HashSet<(int, bool)>(before);
        for (var region = Regions[id]; region is { Parent: not null }; region = region.Parent)
        {
            if (!taken.Contains((Model.Nodes[region.Select].Operand0, region.Branch)))
            {
                return false;
            }
        }

        var stack = new Stack<int>(new[] { id });
        var seen = new HashSet<int>();
        while (stack.Count > 0)
        {
            var node = Model.Nodes[stack.Pop()];
            if (node.Operation is Operation.Loop or Operation.LoopAdjoint or Operation.LoopResult or Operation.CallGradient or Operation.Result or Operation.Store)
            {
                return false;
            }

            for (var k = 0; k < node.Arity; k++)
            {
                if (seen.Add(node.Operand(k)))
                {
                    stack.Push(node.Operand(k));
                }
            }
        }

        return true;
    }

    private static List<(int Condition, bool Holds)> CommonPrefix(List<(int Condition, bool Holds)> a, List<(int Condition, bool Holds)> b)
        => a.Zip(b, (x, y) => (x, y)).TakeWhile(p => p.x == p.y).Select(p => p.x).ToList();

    /// <summary>
    /// Where value <paramref name="id"/> can be nonzero, as the conditions leading there (empty: anywhere), or null where
    /// it is zero everywhere: the branch of a <c>?:</c> whose other branch is 0, through products, sums and negations.
    /// Shared subgraphs are answered once (<paramref name="known"/>).
    /// </summary>
    private static List<(int Condition, bool Holds)>? NonZeroWhere(DerivativeGraphModel model, int id, Dictionary<int, List<(int Condition, bool Holds)>?> known)
    {
        if (known.TryGetValue(id, out var path))
        {
            return path;
        }

        var node = model.Nodes[id];
        List<(int Condition, bool Holds)>? Of(int operand) => NonZeroWhere(model, operand, known);
        switch (node.Operation)
        {
            case Operation.Constant:
                path = model.IsZero(id) ? null : new List<(int, bool)>();
                break;
            case Operation.Select:
                var (whenTrue, whenFalse) = (Of(node.Operand1), Of(node.Operand2));
                path = whenFalse is null ? whenTrue?.Prepend((node.Operand0, true)).ToList()
                    : whenTrue is null ? whenFalse.Prepend((node.Operand0, false)).ToList()
                    : new List<(int, bool)>();
                break;
            case Operation.Multiply:
                var (left, right) = (Of(node.Operand0), Of(node.Operand1));
                path = left is null || right is null ? null : left.Count >= right.Count ? left : right;
                break;
            case Operation.Divide or Operation.Negate:
                path = Of(node.Operand0);
                break;
            case Operation.Add or Operation.Subtract:
                var (first, second) = (Of(node.Operand0), Of(node.Operand1));
                path = first is null ? second : second is null ? first : CommonPrefix(first, second);
                break;
            default:
                path = new List<(int, bool)>();
                break;
        }

        known[id] = path;
        return path;
    }

    /// <summary>
    /// The adjoints in <see cref="DerivativeGraphModel.ElementOutputs"/>, without the elements they are paired with:
    /// an element names the slot its adjoint is added into, which does not read it.
    /// </summary>
    private static IEnumerable<int> AdjointsOfElements(DerivativeGraphModel model)
        => model.ElementOutputs.Where((_, i) => i % 2 == 1);
}
