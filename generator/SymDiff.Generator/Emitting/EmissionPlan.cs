namespace SymDiff.Generator.Emitting;

/// <summary>
/// Decides, for one gradient DAG, where each node is evaluated (<see cref="Region"/>), which nodes
/// get a local (shared nodes, source locals, conditionals that need statements) and their names.
/// Every other node is written inline into its single user.
/// </summary>
internal sealed partial class EmissionPlan
{
    private readonly Dictionary<(int Select, bool Branch), Region> _branches = new();
    private readonly Dictionary<Region, List<int>> _localsByRegion = new();

    /// <param name="model">The DAG.</param>
    /// <param name="reservedNames">Names already in scope that locals must not take.</param>
    /// <param name="temporaryPrefix">Prefix of generated temporaries (a loop body uses its own, to not clash with the method's).</param>
    /// <param name="notRun">Forward loops whose results are read from a record: what only their run would read is not computed.</param>
    /// <param name="readInstead">Whether a node is read from elsewhere (see <see cref="InvariantTables"/>), given where it would be computed: then what only it reads is not computed.</param>
    /// <param name="kept">Nodes that get a local even when read once, because a tape records them too (see <see cref="KeptValueRecording"/>).</param>
    /// <param name="readFromTape">Nodes that <paramref name="readInstead"/> reads from a tape wherever they are: their operands are placed as if they did not read them.</param>
    public EmissionPlan(DerivativeGraphModel model, IEnumerable<string> reservedNames, string temporaryPrefix = "__t", ICollection<int>? notRun = null, Func<EmissionPlan, int, bool>? readInstead = null, ICollection<int>? kept = null, ICollection<int>? readFromTape = null)
    {
        Model = model;
        IsNested = temporaryPrefix != "__t";
        _loopPrefix = IsNested ? temporaryPrefix : "__";
        var nodes = model.Nodes;
        var count = nodes.Count;
        Regions = new Region[count];
        Names = new string?[count];
        IsStructured = new bool[count];

        // Nodes only a loop that is not run reads are placed nowhere: a value shared by two conditionals on the
        // same condition must not be computed inside one of them that is never written.
        var fromTape = new HashSet<int>(readFromTape ?? System.Array.Empty<int>());
        PlaceNodes(model, notRun is { Count: > 0 } || fromTape.Count > 0 ? Live(model, notRun ?? System.Array.Empty<int>(), fromTape) : null, fromTape);
        PlaceLoopGuards(model);
        ReadInstead = readInstead is null ? new HashSet<int>() : new HashSet<int>(Enumerable.Range(0, count).Where(id => readInstead(this, id)));
        var live = notRun is { Count: > 0 } || ReadInstead.Count > 0 ? Live(model, notRun ?? System.Array.Empty<int>(), ReadInstead) : null;
        var uses = CountUses(model, ReadInstead, live);

        var taken = new HashSet<string>(model.Parameters);
        taken.UnionWith(reservedNames);
        var temporaries = 0;
        for (var id = 0; id < count; id++)
        {
            var node = nodes[id];
            if (live is not null && !live[id])
            {
                continue;
            }

            if (node.Operation == Operation.Parameter)
            {
                Names[id] = Identifier.Escape(model.Parameters[node.ParameterIndex]);
                continue;
            }

            if (node.IsConstant || node.Operation is Operation.True or Operation.False)
            {
                continue;
            }

            // A loop's results are the locals its statements assign.
            if (node.Operation == Operation.LoopResult)
            {
                var owner = nodes[node.Operand0];
                var k = (int)node.Payload;
                var m = model.Loops[(int)owner.Payload].StateNames.Count;
                Names[id] = owner.Operation == Operation.Loop
                    ? LoopStates(node.Operand0)[k]
                    : SweepName(k < m ? "a" : "c", node.Operand0, k < m ? k : k - m);
                continue;
            }

            if (node.Operation is Operation.Loop or Operation.LoopAdjoint or Operation.Store)
            {
                Regions[id] = Region.Root;
                Locals(Region.Root).Add(id);
                if (node.Operation == Operation.Loop)
                {
                    var loop = model.Loops[(int)node.Payload];
                    var states = new List<string>();
                    foreach (var state in loop.StateNames)
                    {
                        states.Add(taken.Add(state) ? Identifier.Escape(state) : temporaryPrefix + temporaries++);
                    }

                    _loopStates[id] = states;
                }

                continue;
            }

            // A call's results are its own local (the value) and its out variables (the partials).
            if (node.Operation == Operation.Result)
            {
                var call = Names[node.Operand0]!;
                Names[id] = node.Payload < 0 ? call : call + "_d" + node.Payload;
                if (node.Payload >= 0)
                {
                    UsedPartials(node.Operand0).Add((int)node.Payload);
                }

                continue;
            }

            // A source local keeps its name at the top level; inside a branch it is only named if shared.
            var hint = node.Operation == Operation.CallGradient ? ValueHint(model, id) : model.NameHints[id];
            var keepsSourceName = hint.Length > 0 && ReferenceEquals(Regions[id], Region.Root) && !taken.Contains(hint);
            var isKept = kept?.Contains(id) == true && !ReadInstead.Contains(id);
            if ((uses[id] < 2 && !keepsSourceName && !IsStructured[id] && node.Operation != Operation.CallGradient && !isKept) || _readWhereUsed.Contains(id))
            {
                continue;
            }

            Names[id] = hint.Length > 0 && taken.Add(hint) ? Identifier.Escape(hint) : temporaryPrefix + temporaries++;
            Locals(Regions[id]).Add(id);

            // Statements inside a branch make its conditional a statement too.
            for (var region = Regions[id]; region.Parent is not null; region = region.Parent)
            {
                IsStructured[region.Select] = true;
            }
        }
    }

    public DerivativeGraphModel Model { get; }

    /// <summary>
    /// For each forward loop node of this DAG whose pass recorded costly values (see <see cref="KeptValueRecording"/>):
    /// for each recorded node of its backward body, the tape slot its sweeps read. Filled as the forward loop is written.
    /// </summary>
    public Dictionary<int, IReadOnlyDictionary<int, Code>> KeptSlots { get; } = new();

    /// <summary>
    /// For each forward loop node of this DAG that kept its body's tables for every iteration (see <see cref="IterationTables"/>):
    /// the tables, by what they hold. Filled as the forward loop is written.
    /// </summary>
    public Dictionary<int, IReadOnlyDictionary<string, IterationTables.Table>> KeptTables { get; } = new();

    /// <summary>Nodes that are read from elsewhere rather than computed; their operands are not computed for them.</summary>
    public HashSet<int> ReadInstead { get; }

    private readonly Dictionary<int, SortedSet<int>> _usedPartials = new();
    private readonly Dictionary<int, List<string>> _loopStates = new();
    private readonly string _loopPrefix;

    /// <summary>Whether this DAG is a loop body (its own loops then rent their tapes instead of using the stack).</summary>
    public bool IsNested { get; }

    /// <summary>A generated name for loop <paramref name="loop"/> of this DAG: <c>__tape0</c>, <c>__a0_1</c>; inside a loop body, prefixed by it.</summary>
    public string LoopName(string kind, int loop, int? index = null)
        => _loopPrefix + kind + loop + (index is int i ? "_" + i : "");

    /// <summary>
    /// A generated name for backward loop node <paramref name="sweep"/>: as <see cref="LoopName"/>, and when its loop
    /// is swept more than once (a Jacobian's rows), the later sweeps' names say which one they are (<c>__a0r1_0</c>).
    /// </summary>
    public string SweepName(string kind, int sweep, int? index = null)
    {
        var ordinal = Sweeps(sweep).IndexOf(sweep);
        return _loopPrefix + kind + Model.Nodes[sweep].Payload + (ordinal > 0 ? "r" + ordinal : "") + (index is int i ? "_" + i : "");
    }

    /// <summary>Whether <paramref name="sweep"/> is its loop's last backward sweep, after which the loop's tape can go.</summary>
    public bool IsLastSweep(int sweep) => Sweeps(sweep)[Sweeps(sweep).Count - 1] == sweep;

    /// <summary>Whether this DAG runs forward loop node <paramref name="forward"/> backward too.</summary>
    public bool IsSwept(int forward) => SweepsByLoop.ContainsKey(forward);

    /// <summary>The backward loop nodes over the same forward loop as <paramref name="sweep"/>, in order.</summary>
    private List<int> Sweeps(int sweep) => SweepsByLoop[Model.Nodes[sweep].Operand0];

    private Dictionary<int, List<int>> SweepsByLoop
        => _sweeps ??= Enumerable.Range(0, Model.Nodes.Count)
            .Where(id => Model.Nodes[id].Operation == Operation.LoopAdjoint)
            .GroupBy(id => Model.Nodes[id].Operand0)
            .ToDictionary(group => group.Key, group => group.ToList());

    /// <summary>Per forward loop node, its backward loop nodes in order; built on first use.</summary>
    private Dictionary<int, List<int>>? _sweeps;

    /// <summary>Whether node <paramref name="id"/> is a <c>bool</c>: a comparison or logic, or a conditional choosing between bools.</summary>
    public bool IsBoolean(int id)
    {
        var node = Model.Nodes[id];
        return OperationTable.Get(node.Operation).IsBoolean || node.Operation == Operation.Select && IsBoolean(node.Operand1);
    }

    /// <summary>For a forward loop node: the locals holding its carried values.</summary>
    public IReadOnlyList<string> LoopStates(int loop) => _loopStates[loop];

    /// <summary>The locals of every forward loop's carried values, declared whether or not a node reads them.</summary>
    public IEnumerable<string> AllLoopStates => _loopStates.Values.SelectMany(states => states);

    /// <summary>For a call: the arguments whose partial derivative is read (the others become <c>out _</c>).</summary>
    public SortedSet<int> UsedPartials(int call)
    {
        if (!_usedPartials.TryGetValue(call, out var used))
        {
            _usedPartials[call] = used = new SortedSet<int>();
        }

        return used;
    }

    /// <summary>The source local a call's value was assigned to, to name the call after it.</summary>
    private static string ValueHint(DerivativeGraphModel model, int call)
    {
        for (var id = call + 1; id < model.Nodes.Count; id++)
        {
            var node = model.Nodes[id];
            if (node.Operation == Operation.Result && node.Operand0 == call && node.Payload < 0)
            {
                return model.NameHints[id];
            }
        }

        return "";
    }

    /// <summary>Where each node is evaluated.</summary>
    public Region[] Regions { get; }

    /// <summary>The local (or parameter) holding each node; null when it is written inline.</summary>
    public string?[] Names { get; }

    /// <summary>For conditionals: true when written as an if/else statement rather than <c>?:</c>.</summary>
    public bool[] IsStructured { get; }

    /// <summary>Nodes that get a local in <paramref name="region"/>, in topological order.</summary>
    public IReadOnlyList<int> LocalsIn(Region region)
        => _localsByRegion.TryGetValue(region, out var ids) ? ids : (IReadOnlyList<int>)System.Array.Empty<int>();

    public Region Branch(int select, bool branch) => _branches[(select, branch)];

    private List<int> Locals(Region region)
    {
        if (!_localsByRegion.TryGetValue(region, out var ids))
        {
            _localsByRegion[region] = ids = new List<int>();
        }

        return ids;
    }

    /// <summary>
    /// The nodes the DAG's results and effects read, not counting the initial values of loops that are not run
    /// nor the operands of nodes read from elsewhere.
    /// </summary>
    private static bool[] Live(DerivativeGraphModel model, ICollection<int> notRun, HashSet<int> readInstead)
    {
        var live = new bool[model.Nodes.Count];
        var stack = new Stack<int>(model.Values.Concat(model.Outputs).Concat(model.ElementOutputs).Concat(model.Effects));
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (live[id])
            {
                continue;
            }

            live[id] = true;
            var node = model.Nodes[id];
            var first = readInstead.Contains(id) ? node.Arity : notRun.Contains(id) ? model.Loops[(int)node.Payload].StateNames.Count : 0;
            for (var i = first; i < node.Arity; i++)
            {
                stack.Push(node.Operand(i));
            }
        }

        return live;
    }

    /// <summary>How many times each node is read, by the nodes that are computed (<paramref name="live"/>, when given).</summary>
    private static int[] CountUses(DerivativeGraphModel model, HashSet<int> readInstead, bool[]? live)
    {
        var uses = new int[model.Nodes.Count];
        foreach (var value in model.Values)
        {
            uses[value]++;
        }

        foreach (var output in model.Outputs.Concat(AdjointsOfElements(model)))
        {
            uses[output]++;
        }

        for (var id = 0; id < model.Nodes.Count; id++)
        {
            var node = model.Nodes[id];
            if (readInstead.Contains(id) || (live is not null && !live[id]))
            {
                continue;
            }

            // Values a loop body reads from outside are read by name, on every iteration.
            if (node.Operation == Operation.Loop)
            {
                for (var i = 0; i < node.Arity; i++)
                {
                    uses[node.Operand(i)] += i < model.Loops[(int)node.Payload].StateNames.Count ? 1 : 2;
                }

                continue;
            }

            // SignOf's C# form reads its operand twice, and so does a call written as value + derivative;
            // x^n written as x * x * ... reads it n times.
            var weight = node.Operation is Operation.SignOf or Operation.Sign
                || (node.Operation == Operation.CallGradient && model.Callees[(int)node.Payload].Form != CallForm.Gradient) ? 2 : 1;
            if (CSharpExpressionWriter.IntegerExponent(node, model.Nodes) is int n)
            {
                uses[node.Operand0] += Math.Abs(n);
                continue;
            }

            for (var i = 0; i < node.Arity; i++)
            {
                uses[node.Operand(i)] += weight;
            }
        }

        return uses;
    }

    /// <summary>
    /// A node's region is the innermost one enclosing all its uses; a use through a conditional's
    /// branch counts as inside that branch. Users come after operands, so one backward sweep suffices.
    /// </summary>
    /// <param name="fromTape">Nodes read from a tape instead of computed: their operands are not read through them.</param>
    private void PlaceNodes(DerivativeGraphModel model, bool[]? live, HashSet<int> fromTape)
    {
        var nodes = model.Nodes;
        _readsElement = new bool[nodes.Count];
        for (var id = 0; id < nodes.Count; id++)
        {
            var node = nodes[id];
            _readsElement[id] = node.Operation == Operation.Element
                || (node.Operation == Operation.Integer && !model.IntegerValue(id).CannotThrow)
                || Enumerable.Range(0, node.Arity).Any(i => _readsElement[node.Operand(i)]);
        }

        var conditional = new bool[nodes.Count];
        foreach (var value in model.Values)
        {
            Regions[value] = Region.Root;
        }

        foreach (var output in model.Outputs.Concat(AdjointsOfElements(model)).Concat(model.Effects))
        {
            Regions[output] = Region.Root;
        }

        for (var id = nodes.Count - 1; id >= 0; id--)
        {
            if (live is not null && !live[id])
            {
                continue;
            }

            var node = nodes[id];

            // Read only conditionally and by nothing up here: read where used, too.
            if (conditional[id] && Regions[id] is not { Parent: null })
            {
                _readWhereUsed.Add(id);
                Regions[id] ??= Region.Root;
            }

            // A loop is a statement of the method's top level, whoever reads its results.
            var region = node.Operation is Operation.Loop or Operation.LoopAdjoint or Operation.Store ? Regions[id] = Region.Root : Regions[id];
            for (var i = fromTape.Contains(id) ? node.Arity : 0; i < node.Arity; i++)
            {
                var operand = node.Operand(i);

                // What an expression read where it is used reads is read there too, and the right side of && and || only
                // when the left one does not decide: for an element, such a use does not count as one up here.
                if (_readsElement[operand] && (_readWhereUsed.Contains(id) || (node.Operation is Operation.And or Operation.Or && i == 1)))
                {
                    conditional[operand] = true;
                    continue;
                }

                var edge = node.Operation == Operation.Select && i > 0 ? BranchOf(region, id, i == 1) : region;
                Regions[operand] = Regions[operand] is { } current ? Merge(current, edge, operand) : edge;
            }
        }
    }

    /// <summary>
    /// The region where a node used in both <paramref name="a"/> and <paramref name="b"/> is evaluated: the
    /// innermost one enclosing both, except that the same branch of two conditionals on the same condition
    /// (the value's <c>c ? ...</c> and the derivative's) counts as one: the node is computed in the first
    /// conditional's branch and declared just before it, so the second one reads it.
    /// </summary>
    private Region Merge(Region a, Region b, int node)
    {
        var merged = MergeRegions(a, b, node);

        // An element read in a branch is only known to be in range there: read anywhere above (or anything computed
        // from one), it is read in every branch's place, unless one of its uses is up there already (read anyway)
        // or its uses are the two branches of one conditional (the source reads it either way).
        if (_readsElement[node] && !ReferenceEquals(merged, a) && !ReferenceEquals(merged, b)
            && !_sharedAcrossConditionals.Contains(node)
            && !(a.Parent is { } parent && ReferenceEquals(parent, b.Parent) && ReferenceEquals(parent, merged) && a.Select == b.Select))
        {
            _readWhereUsed.Add(node);
        }

        return merged;
    }

    private Region MergeRegions(Region a, Region b, int node)
    {
        while (a.Depth > b.Depth)
        {
            a = a.Parent!;
        }

        while (b.Depth > a.Depth)
        {
            b = b.Parent!;
        }

        while (!ReferenceEquals(a, b) && !ReferenceEquals(a.Parent, b.Parent))
        {
            a = a.Parent!;
            b = b.Parent!;
        }

        if (ReferenceEquals(a, b))
        {
            return a;
        }

        var nodes = Model.Nodes;
        // Only worth it for a function call or a division (cheap arithmetic is just computed ahead), and needed for
        // what reads an element, which may be out of range outside the branch.
        var operation = nodes[node].Operation;
        if (a.Branch == b.Branch && nodes[a.Select].Operand0 == nodes[b.Select].Operand0
            && (OperationTable.Get(operation).MathName is not null || operation == Operation.Divide || _readsElement[node]))
        {
            _sharedAcrossConditionals.Add(node);
            return a.Select < b.Select ? a : b;
        }

        return a.Parent!;
    }

    private readonly HashSet<int> _sharedAcrossConditionals = new();

    /// <summary>
    /// Elements (and what is computed from them) read in a conditional's branch and elsewhere: never kept in a
    /// local, so each use reads them where it is evaluated.
    /// </summary>
    private readonly HashSet<int> _readWhereUsed = new();

    /// <summary>
    /// Per node, whether it reads a vector element, or divides ints by a variable (<c>n % m</c>), itself or through its
    /// operands: either may throw outside the branch that guards it (out of range, by zero).
    /// </summary>
    private bool[] _readsElement = System.Array.Empty<bool>();

    /// <summary>
    /// Whether <paramref name="id"/> is computed in a conditional's branch but also read by a later
    /// conditional on the same condition: then it is declared (as zero) before the first one.
    /// </summary>
    public bool IsDeclaredAhead(int id) => _sharedAcrossConditionals.Contains(id) && Regions[id].Parent is not null && Names[id] is not null;

    private Region BranchOf(Region region, int select, bool branch)
    {
        if (!_branches.TryGetValue((select, branch), out var child))
        {
            _branches[(select, branch)] = child = region.Child(select, branch);
        }

        return child;
    }
}
