namespace SymDiff.Generator.Emitting;

/// <summary>Writes a generated method's body: its locals region by region, then its outputs and return.</summary>
internal static partial class MethodBodyWriter
{
    /// <param name="writer">Where to write.</param>
    /// <param name="model">The method's DAG.</param>
    /// <param name="outputTargets">Where each of <see cref="DerivativeGraphModel.Outputs"/> is written (<c>dx</c>, <c>hessian[3]</c>).</param>
    /// <param name="reservedNames">Names the method's own parameters use, which locals must avoid.</param>
    /// <param name="scale">When set, outputs are accumulated as <c>target += scale * output</c> (a pullback).</param>
    /// <param name="buffers">For each vector parameter, its gradient buffer, which the body overwrites: element adjoints are added into it.</param>
    /// <param name="spans">The vectors and buffers that are spans, with their types: loops read and write them through slices (see <see cref="ElementSlices"/>).</param>
    public static void Write(SourceWriter writer, DerivativeGraphModel model, IReadOnlyList<string> outputTargets, IEnumerable<string> reservedNames, string? scale = null, IReadOnlyList<(string Vector, string Buffer)>? buffers = null, IReadOnlyDictionary<string, string>? spans = null)
    {
        var reserved = reservedNames.ToList();
        var plan = new EmissionPlan(model, reserved);
        var parameters = new HashSet<string>(model.Parameters.Select(p => p.TrimStart('@')));
        var expressions = new CSharpExpressionWriter(plan);
        buffers ??= Array.Empty<(string, string)>();
        var fillers = buffers.Count == 0 ? new Dictionary<string, int>() : BufferFilling.Fillers(plan);
        Func<IntExpr, bool> isInvariant = value => value.ReadsOnly(parameters);
        var context = new Context(plan, expressions, reserved, buffers.ToDictionary(b => b.Vector, b => b.Buffer), fillers, new Dictionary<int, IReadOnlyList<string>>(), null, null, Array.Empty<LoopModel>(), isInvariant)
        {
            TablesByLoop = new Dictionary<int, InvariantTables>(),
            Inductions = spans is null ? InductionVariables.None : InductionVariables.Root(spans, parameters.Contains),
        };
        foreach (var (vector, buffer) in buffers)
        {
            if (fillers.TryGetValue(vector, out var filler))
            {
                var loop = model.Loops[(int)model.Nodes[filler].Payload];
                ClearUnfilledSlots(writer, loop, SlidingWrite.Of(loop.Fused!, loop.FusedElements, vector, loop.Index)!, buffer);
            }
            else
            {
                writer.Line(Zeroing.Statement(buffer));
            }
        }

        WriteRegion(writer, context, Region.Root);
        for (var i = 0; i < model.ElementOutputs.Count; i += 2)
        {
            WriteElementAdjoint(writer, context, ElementTarget(context, model, model.ElementOutputs[i]), model.ElementOutputs[i + 1]);
        }

        for (var i = 0; i < outputTargets.Count; i++)
        {
            var output = expressions.Write(model.Outputs[i]);
            writer.Line(scale is null
                ? outputTargets[i] + " = " + output + ";"
                : outputTargets[i] + " += " + scale + " * " + (IsSimple(output) ? output : "(" + output + ")") + ";");
        }

        var values = model.Values.Select(expressions.Write).ToList();
        if (values.Count > 0)
        {
            writer.Line("return " + (values.Count == 1 ? values[0] : "(" + string.Join(", ", values) + ")") + ";");
        }
    }

    private static bool IsSimple(string expression) => expression.All(c => char.IsLetterOrDigit(c) || c is '_' or '.' or '@');

    /// <summary>What the statements of one DAG are written with.</summary>
    /// <param name="Fillers">For buffers that are not cleared beforehand, the fused loop (a node of this DAG) that fills each.</param>
    /// <param name="Recorded">Forward loops (nodes of this DAG) not run again: their results, as recorded by the enclosing loop's forward pass.</param>
    /// <param name="Hoisted">Inside a loop of the method's top level: where the tapes of the loops nested in it are rented once for all its iterations.</param>
    /// <param name="Tables">Inside a loop of the method's top level: the math calls computed once before it (see <see cref="InvariantTables"/>).</param>
    /// <param name="Enclosing">The loops nested in the top-level one that enclose this DAG, outermost first.</param>
    /// <param name="IsInvariant">Whether an int value reads only the method's parameters (and literals), which no statement assigns.</param>
    private sealed record Context(EmissionPlan Plan, CSharpExpressionWriter Expressions, IReadOnlyList<string> Reserved, IReadOnlyDictionary<string, string> Buffers, IReadOnlyDictionary<string, int> Fillers, IReadOnlyDictionary<int, IReadOnlyList<string>> Recorded, HoistedTapes? Hoisted, InvariantTables? Tables, IReadOnlyList<LoopModel> Enclosing, Func<IntExpr, bool> IsInvariant)
    {
        /// <summary>In the method's own DAG: the tables of each top-level forward loop, shared with its backward sweeps.</summary>
        public Dictionary<int, InvariantTables>? TablesByLoop { get; init; }

        /// <summary>Forward loops of this DAG that record, on each iteration, their inner loops' results for the enclosing loop (see <see cref="DeepRecording"/>).</summary>
        public IReadOnlyDictionary<int, DeepSlots> DeepRecords { get; init; } = NoDeepSlots;

        /// <summary>Forward loops of this DAG, not run, whose backward sweeps read their inner loops' results from the enclosing loop's record.</summary>
        public IReadOnlyDictionary<int, DeepSlots> DeepReads { get; init; } = NoDeepSlots;

        /// <summary>Inside a loop body: the values of loops nested two levels down that this body tabulates (see <see cref="HoistedValues"/>).</summary>
        public HoistedValues? Values { get; init; }

        /// <summary>The <see cref="Values"/> of the body around this one.</summary>
        public HoistedValues? EnclosingValues { get; init; }

        /// <summary>In the body of a backward sweep: where its inner loops' sweeps sum element adjoints per index (see <see cref="AdjointTables"/>).</summary>
        public AdjointTables? Accumulators { get; init; }

        /// <summary>In the body of a backward sweep: where the sweeps of its inner sums are deferred to, to run interchanged after it (see <see cref="InterchangedSweeps"/>).</summary>
        public InterchangedSweeps? Interchange { get; init; }

        /// <summary>Whether this body's loop runs on every iteration of the body around it (it is not inside a conditional there).</summary>
        public bool Unconditional { get; init; }

        /// <summary>The running locals that index elements in the loops enclosing this DAG.</summary>
        public InductionVariables Inductions { get; init; } = InductionVariables.None;

        /// <summary>Every name in scope at this DAG's statements, for a nested loop body to avoid.</summary>
        public IEnumerable<string> NamesInScope => Reserved.Concat(Plan.Names.Where(n => n is not null)!).Concat(Plan.AllLoopStates).Concat(Plan.Model.Parameters)!;
    }

    /// <summary><c>y[i]</c>: the slot an element or store node names.</summary>
    private static string ElementSlot(Context context, int id)
    {
        var (vector, index) = context.Plan.Model.ElementParts(id);
        return context.Inductions.Element(vector, index);
    }

    /// <summary><c>dx[i + 1]</c>: the gradient buffer slot of an element read.</summary>
    private static string ElementTarget(Context context, DerivativeGraphModel model, int element)
    {
        var (vector, index) = model.ElementParts(element);
        return context.Inductions.Element(context.Buffers[vector], index);
    }

    private static void WriteRegion(SourceWriter writer, Context context, Region region)
    {
        var plan = context.Plan;
        var expressions = context.Expressions;
        foreach (var id in plan.LocalsIn(region))
        {
            var node = plan.Model.Nodes[id];
            if (node.Operation is Operation.Loop or Operation.LoopAdjoint && !plan.IsNested)
            {
                WriteTopLevelLoop(writer, context, id);
                continue;
            }

            if (node.Operation == Operation.Loop)
            {
                WriteForwardLoop(writer, context, id);
                continue;
            }

            if (node.Operation == Operation.LoopAdjoint)
            {
                WriteBackwardLoop(writer, context, id);
                continue;
            }

            if (node.Operation == Operation.Store)
            {
                writer.Line(ElementSlot(context, id) + " = " + expressions.Write(node.Operand0) + ";");
                continue;
            }

            var type = plan.IsBoolean(id) ? "bool " : plan.Model.Scalar + " ";
            var name = plan.Names[id];
            if (node.Operation == Operation.CallGradient)
            {
                foreach (var statement in expressions.CallStatements(id))
                {
                    writer.Line(statement);
                }

                continue;
            }

            if (!plan.IsStructured[id])
            {
                writer.Line((plan.IsDeclaredAhead(id) ? "" : type) + name + " = " + expressions.WriteDefinition(id) + ";");
                continue;
            }

            // Values its branches share with a later conditional on the same condition are declared here.
            foreach (var shared in plan.LocalsIn(plan.Branch(id, true)).Concat(plan.LocalsIn(plan.Branch(id, false))).Where(plan.IsDeclaredAhead))
            {
                var boolean = plan.IsBoolean(shared);
                writer.Line((boolean ? "bool " : plan.Model.Scalar + " ") + plan.Names[shared] + " = " + (boolean ? "false" : CSharpExpressionWriter.Literal(0.0, plan.Model.Scalar)) + ";");
            }

            if (!plan.IsDeclaredAhead(id))
            {
                writer.Line(type + name + ";");
            }
            writer.Open("if (" + expressions.Write(node.Operand0) + ")");
            WriteRegion(writer, context, plan.Branch(id, true));
            writer.Line(name + " = " + expressions.Write(node.Operand1) + ";");
            writer.Close();
            writer.Open("else");
            WriteRegion(writer, context, plan.Branch(id, false));
            writer.Line(name + " = " + expressions.Write(node.Operand2) + ";");
            writer.Close();
        }
    }

    /// <summary>
    /// A loop of the method's top level. The tapes of the loops nested in it whose length does not change
    /// from one of its iterations to the next are rented before it and given back after it, not on every iteration.
    /// </summary>
    private static void WriteTopLevelLoop(SourceWriter writer, Context context, int id)
    {
        var plan = context.Plan;
        var node = plan.Model.Nodes[id];
        // A loop's backward sweeps read the tables its forward pass filled; they are given back after the last one.
        var forward = node.Operation == Operation.Loop ? id : node.Operand0;
        var top = plan.Model.Loops[(int)node.Payload];
        var runs = Guard(context, forward) is { } guard ? "(" + guard + ") && " : "";
        var hoisted = new HoistedTapes(plan.Model.Parameters) { RunsWhen = runs + top.Start + " < " + top.End };
        var tablesByLoop = context.TablesByLoop!;
        if (!tablesByLoop.TryGetValue(forward, out var tables))
        {
            tables = new InvariantTables(plan.Model.Parameters, plan.Model.Loops[(int)node.Payload], plan.LoopName("table", (int)node.Payload) + "_", plan.Model.Scalar)
            {
                RunsWhen = Guard(context, forward),
            };
            tablesByLoop[forward] = tables;
        }

        var inner = context with { Hoisted = hoisted, Tables = tables };
        var mark = writer.Mark();
        if (node.Operation == Operation.Loop)
        {
            WriteForwardLoop(writer, inner, id);
        }
        else
        {
            WriteBackwardLoop(writer, inner, id);
        }

        var lastUse = node.Operation == Operation.Loop ? !plan.IsSwept(forward) : plan.IsLastSweep(id);
        var returns = hoisted.Rented.Select(rented => "global::System.Buffers.ArrayPool<double>.Shared.Return(" + rented + ");").ToList();
        if (lastUse)
        {
            returns.AddRange(tables.Returns);
        }

        writer.Insert(mark, hoisted.Rentals.Concat(tables.TakeFills()));
        if (returns.Count == 0)
        {
            return;
        }

        foreach (var line in returns)
        {
            writer.Line(line);
        }

        writer.Line();
    }

    /// <summary>
    /// The loop run forward: carried locals initialised, then each iteration records them on the tape
    /// (when the backward sweep needs them) and computes the body.
    /// </summary>
    private static void WriteForwardLoop(SourceWriter writer, Context context, int id)
    {
        var model = context.Plan.Model;
        var node = model.Nodes[id];
        var number = (int)node.Payload;
        var loop = model.Loops[number];
        var m = loop.StateNames.Count;
        var states = context.Plan.LoopStates(id);
        if (context.Recorded.TryGetValue(id, out var recordedResults))
        {
            for (var k = 0; k < m; k++)
            {
                writer.Line("double " + states[k] + " = " + recordedResults[k] + ";");
            }

            return;
        }

        for (var k = 0; k < m; k++)
        {
            writer.Line("double " + states[k] + " = " + context.Expressions.Write(node.Operand(k)) + ";");
        }

        var plan = context.Plan;
        if (LoopFusion.Backward(model, id) is int backward)
        {
            WriteFusedLoop(writer, context, id, backward, states);
            return;
        }

        // The tape is only kept where this DAG also runs the loop backward (a loop body recomputing an
        // inner loop forward, just for its value, records nothing).
        var swept = plan.IsSwept(id);
        var needsTape = loop.NeedsTape && swept;
        var guard = Guard(context, id);
        var tape = plan.LoopName("tape", number);
        if (needsTape)
        {
            OptimizationRemarks.Report(OptimizationPass.Tape, "the loop over " + loop.Index + " records " + string.Join(", ", loop.StateNames) + " on each iteration for its backward sweep (" + tape + ")");
            WriteTapeRental(writer, context, loop, IntExpr.Constant(m), tape, plan.LoopName("rented", number), plan.LoopName("count", number), RunsWhen(guard));
        }

        // Inner loops that the backward sweep would run again have their results recorded instead.
        var recorded = swept || SharedInnerLoops.IsSource(plan.SharedLoops, id) ? InnerLoopRecording.Recorded(loop) : Array.Empty<InnerLoopModel>();
        var width = InnerLoopRecording.Width(loop, recorded);
        var inner = plan.LoopName("inner", number);
        if (recorded.Count > 0)
        {
            OptimizationRemarks.Report(OptimizationPass.InnerLoopRecord, "the loop over " + loop.Index + " records the results of " + recorded.Count + " inner loop(s) on each iteration (" + inner + "), so its backward sweep does not run them again");
            WriteTapeRental(writer, context, loop, IntExpr.Constant(width), inner, plan.LoopName("rentedInner", number), plan.LoopName("innerCount", number), RunsWhen(guard));
        }

        // Costly values the backward sweep would compute again, recorded on each iteration; their tape is rented
        // here once the body has shown which it computes.
        var keptCandidates = swept && !Sweeps(model, id).Any(sweep => InterchangedRanges(context, sweep) is not null)
            ? KeptValueRecording.Candidates(loop)
            : Array.Empty<KeptValueModel>();
        var keptTape = plan.LoopName("kept", number);
        var keptRental = writer.Mark();

        // One level down: what those inner loops' own sweeps would run again, recorded on each of their iterations.
        var shared = SharedResults(context, id);
        var deep = DeepEntries(context, id, recorded);
        var deepTape = plan.LoopName("deep", number);
        if (deep.Count > 0)
        {
            OptimizationRemarks.Report(OptimizationPass.DeepRecord, "the loop over " + loop.Index + " records the results of the inner loops of " + string.Join(", ", deep.Select(e => "the loop over " + e.Loop.Index)) + " (" + deepTape + ")");
            WriteTapeRental(writer, context, loop, DeepRecording.Length(deep), deepTape, plan.LoopName("rentedDeep", number), plan.LoopName("deepCount", number), RunsWhen(guard));
            writer.Line("int " + plan.LoopName("deepStride", number) + " = " + DeepRecording.Stride(deep) + ";");
        }

        var captured = Enumerable.Range(m, node.Arity - m).Select(i => context.Expressions.Write(node.Operand(i)));
        var body = loop.Body with { Parameters = states.Concat(captured).ToEquatableArray() };
        var inductions = context.Inductions.Enter(loop.Index, loop.Start, loop.End, backward: false, Indices(body), plan.LoopName("at", number) + "_");
        if (guard is not null)
        {
            writer.Open("if (" + guard + ")");
        }

        var header = writer.Mark();
        writer.Open("for (int " + loop.Index + " = " + loop.Start + "; " + loop.Index + " < " + loop.End + "; " + loop.Index + "++)");
        if (needsTape)
        {
            for (var k = 0; k < m; k++)
            {
                writer.Line(tape + "[" + TapeSlot(loop, m, k) + "] = " + states[k] + ";");
            }
        }

        var deepRecords = deep.ToDictionary(e => e.Inner.InBody, e => new DeepSlots(deepTape, DeepRecording.Base(loop, plan.LoopName("deepStride", number), e), e));
        var results = WriteNested(writer, context, loop, body, plan.LoopName("l", number) + "_", body.Values, inductions, IsUnconditional(context, id), shared, out var nested, deepRecords: deepRecords, kept: keptCandidates.Select(value => value.InBody).ToList(), keepTables: KeepsTables(plan, id));
        if (nested.Values is { Kept.Count: > 0 } keptTables)
        {
            plan.KeptTables[id] = new Dictionary<string, IterationTables.Table>(keptTables.Kept);
        }

        var keptValues = KeptValueRecording.Recorded(keptCandidates, nested.Plan);
        if (keptValues.Count > 0)
        {
            OptimizationRemarks.Report(OptimizationPass.Cache, "the loop over " + loop.Index + " caches " + keptValues.Count + " costly value(s) its backward sweep would compute again (" + keptTape + ")");
        }

        var keptSlots = new Dictionary<int, string>();
        for (var k = 0; k < keptValues.Count; k++)
        {
            var keptSlot = keptTape + "[" + TapeSlot(loop, keptValues.Count, k) + "]";
            writer.Line(keptSlot + " = " + nested.Expressions.Write(keptValues[k].InBody) + ";");
            keptSlots[keptValues[k].InReverse] = keptSlot;
        }


        if (context.DeepRecords.TryGetValue(id, out var slots))
        {
            var k = 0;
            foreach (var innermost in slots.Entry.Nested)
            {
                foreach (var result in nested.Plan.LoopStates(innermost.InBody))
                {
                    writer.Line(slots.Slot(k++, inductions) + " = " + result + ";");
                }
            }
        }

        var slot = 0;
        foreach (var innerLoop in recorded)
        {
            foreach (var result in nested.Plan.LoopStates(innerLoop.InBody))
            {
                writer.Line(inner + "[" + TapeSlot(loop, width, slot++) + "] = " + result + ";");
            }
        }

        Assign(writer, states, results, plan.LoopName("n", number) + "_");
        CloseLoop(writer, header, inductions, blankLine: guard is null);
        if (guard is not null)
        {
            writer.Close();
            writer.Line();
        }

        // Inserted last: an insertion moves the text after it, and with it the marks taken inside the loop.
        if (keptValues.Count > 0)
        {
            plan.KeptSlots[id] = keptSlots;
            var rental = new SourceWriter();
            WriteTapeRental(rental, context, loop, IntExpr.Constant(keptValues.Count), keptTape, plan.LoopName("rentedKept", number), plan.LoopName("keptCount", number), RunsWhen(guard));
            writer.Insert(keptRental, rental.ToString().Split('\n').Where(line => line.Length > 0));
        }
    }

    /// <summary>
    /// Whether forward loop <paramref name="id"/> records inner-loop results for a later loop that this DAG sweeps: that sweep
    /// reads its tables too. Only inside a loop body, whose tables live until the top-level loop around it ends: the tables
    /// of a top-level loop are given back right after it.
    /// </summary>
    private static bool KeepsTables(EmissionPlan plan, int id)
        => plan.IsNested && plan.SharedLoops.Any(pair => plan.IsSwept(pair.Key) && pair.Value.Values.Any(source => source.Loop == id));

    /// <summary>The tables that the earlier loops whose records forward loop <paramref name="forward"/> reads kept for every iteration.</summary>
    private static IReadOnlyDictionary<string, IterationTables.Table>? KeptTables(EmissionPlan plan, int forward)
        => plan.SharedLoops.TryGetValue(forward, out var sources)
            ? IterationTables.Merge(sources.Values.Select(source => source.Loop).Distinct().OrderBy(loop => loop)
                .Where(plan.KeptTables.ContainsKey).Select(loop => plan.KeptTables[loop]))
            : null;

    /// <summary>The backward loop nodes of forward loop <paramref name="forward"/>.</summary>
    private static IEnumerable<int> Sweeps(DerivativeGraphModel model, int forward)
        => Enumerable.Range(0, model.Nodes.Count).Where(id => model.Nodes[id].Operation == Operation.LoopAdjoint && model.Nodes[id].Operand0 == forward);

    /// <summary>A loop guard as the condition of a <c>?:</c>: parenthesized unless it is one name.</summary>
    private static string? RunsWhen(string? guard)
        => guard is null ? null : guard.All(c => char.IsLetterOrDigit(c) || c == '_') ? guard : "(" + guard + ")";

    /// <summary>
    /// The condition under which top-level loop <paramref name="id"/> runs, when its results are read in one branch
    /// only (see <see cref="EmissionPlan.LoopGuard"/>); null when it always runs.
    /// </summary>
    private static string? Guard(Context context, int id)
    {
        var guard = context.Plan.LoopGuard(id);
        if (guard.Count == 0)
        {
            return null;
        }

        var conditions = guard.Select(g => (Text: context.Expressions.Write(g.Condition), g.Holds)).ToList();
        return conditions.Count == 1 && conditions[0].Holds
            ? conditions[0].Text
            : string.Join(" && ", conditions.Select(c => c.Holds ? "(" + c.Text + ")" : "!(" + c.Text + ")"));
    }

    /// <summary>The inner loops of forward loop <paramref name="id"/> whose results an earlier loop of this DAG records: where to read them.</summary>
    private static IReadOnlyDictionary<int, IReadOnlyList<string>> SharedResults(Context context, int id)
    {
        var plan = context.Plan;
        var model = plan.Model;
        var reads = new Dictionary<int, IReadOnlyList<string>>();
        if (!plan.SharedLoops.TryGetValue(id, out var sources))
        {
            return reads;
        }

        var body = model.Loops[(int)model.Nodes[id].Payload].Body;
        foreach (var pair in sources.Where(pair => !context.Recorded.ContainsKey(pair.Value.Loop)))
        {
            var source = model.Loops[(int)model.Nodes[pair.Value.Loop].Payload];
            var width = InnerLoopRecording.Width(source, InnerLoopRecording.Recorded(source));
            var count = body.Loops[(int)body.Nodes[pair.Key].Payload].StateNames.Count;
            var tape = plan.LoopName("inner", (int)model.Nodes[pair.Value.Loop].Payload);
            reads[pair.Key] = Enumerable.Range(pair.Value.Slot, count).Select(k => tape + "[" + TapeSlot(source, width, k) + "]").ToList();
        }

        return reads;
    }

    /// <summary>What forward loop <paramref name="forward"/> records one level down, of the inner loops it records and runs.</summary>
    private static IReadOnlyList<DeepRecording.Entry> DeepEntries(Context context, int forward, IReadOnlyList<InnerLoopModel> recorded)
    {
        var model = context.Plan.Model;
        return DeepRecording.Entries(model.Loops[(int)model.Nodes[forward].Payload], recorded, SharedResults(context, forward).Keys.ToList(), context.IsInvariant);
    }

    private static readonly IReadOnlyDictionary<int, IReadOnlyList<string>> NothingRecorded = new Dictionary<int, IReadOnlyList<string>>();

    private static readonly IReadOnlyDictionary<int, DeepSlots> NoDeepSlots = new Dictionary<int, DeepSlots>();

    /// <summary>
    /// A tape of <paramref name="width"/> values per iteration, rented and given back after the backward sweep;
    /// inside another loop's body, when its length is the same on every iteration, it is rented once before the
    /// top-level loop (see <see cref="HoistedTapes"/>). Never <c>stackalloc</c>: a method with loops and
    /// <c>stackalloc</c> is compiled once, without the profile tiered compilation gathers, and zeroing the
    /// stack space with 256-bit stores made each later <c>Math.Exp</c> or <c>Math.Log</c> call (legacy SSE code
    /// in the C library) pay an AVX-to-SSE transition: 25 times slower on an AVX-512 Xeon. The length of a tape written where the loop runs only
    /// under <paramref name="runsWhen"/> is computed under it too: its bounds may divide by zero where the source never
    /// gets to them (<c>if (m == 0) return 0;</c>, then a loop to <c>z.Length / m</c>).
    /// </summary>
    private static void WriteTapeRental(SourceWriter writer, Context context, LoopModel loop, IntExpr width, string tape, string rented, string count, string? runsWhen = null)
    {
        var count0 = IntExpr.MaxOf(IntExpr.Zero, LoopNests.Size(loop.Start, loop.End));
        var size = width.Equals(IntExpr.One) ? count0 : count0 * width;
        if (context.Plan.IsNested && context.Hoisted is { } hoisted && hoisted.TryHoist(loop, size, rented, count, context.Inductions.Ranges()))
        {
            OptimizationRemarks.Report(OptimizationPass.AllocationHoisting, tape + " of the loop over " + loop.Index + " is rented once, before the top-level loop");
            writer.Line("global::System.Span<double> " + tape + " = " + rented + ";");
            return;
        }

        writer.Line("int " + count + " = " + (runsWhen is null ? size : runsWhen + " ? " + size + " : 0") + ";");
        writer.Line("double[] " + rented + " = global::System.Buffers.ArrayPool<double>.Shared.Rent(global::System.Math.Max(1, " + count + "));");
        writer.Line("global::System.Span<double> " + tape + " = " + rented + ";");
    }

    private static void WriteTapeReturn(SourceWriter writer, Context context, string rented)
    {
        if (context.Hoisted?.Rented.Contains(rented) == true)
        {
            return;
        }

        writer.Line("global::System.Buffers.ArrayPool<double>.Shared.Return(" + rented + ");");
        writer.Line();
    }

    /// <summary>
    /// The loop run backward: the adjoints of its final carried values flow back through each
    /// iteration (recomputed from the tape), adding into gradient buffers and captured adjoints.
    /// </summary>
    private static void WriteBackwardLoop(SourceWriter writer, Context context, int id)
    {
        var model = context.Plan.Model;
        var node = model.Nodes[id];
        if (LoopFusion.Backward(model, node.Operand0) == id)
        {
            return;
        }

        var number = (int)node.Payload;
        var loop = model.Loops[number];
        var m = loop.StateNames.Count;
        var forward = model.Nodes[node.Operand0];
        var capturedCount = forward.Arity - m;
        var plan = context.Plan;
        var seeds = Enumerable.Range(0, m).Select(k => plan.SweepName("a", id, k)).ToList();
        var accumulators = Enumerable.Range(0, capturedCount).Select(j => plan.SweepName("c", id, j)).ToList();
        // A seed nothing reads (the body's adjoint does not depend on it, nor does anything after the loop) is left out.
        var neededSeeds = Enumerable.Range(0, m).Where(k => Reads(loop.Reverse, m + capturedCount + k) || IsRead(model, id, k)).ToList();
        foreach (var k in neededSeeds)
        {
            writer.Line("double " + seeds[k] + " = " + context.Expressions.Write(node.Operand(k + 1)) + ";");
        }

        // A captured value's adjoint is summed only if something reads it (not a value marked WithoutDerivative).
        var summed = Enumerable.Range(0, capturedCount).Select(j => IsRead(model, id, m + j)).ToList();
        if (context.Interchange is { } interchange && InterchangedRanges(context, id) is { } ranges)
        {
            var mayBeZero = neededSeeds.Any(k => !model.Nodes[node.Operand(k + 1)].IsConstant);
            var nest = new InterchangedSweeps.Nest(loop, interchange.Outer, ranges, m + capturedCount);
            var deferred = interchange.Defer(neededSeeds.Select(k => seeds[k]).ToList(), mayBeZero, nest, (tables, condition) => w => WriteInterchangedSweep(w, context, interchange, id, neededSeeds, tables, condition, nest));
            foreach (var line in deferred)
            {
                writer.Line(line);
            }

            return;
        }

        for (var j = 0; j < capturedCount; j++)
        {
            if (summed[j])
            {
                writer.Line("double " + accumulators[j] + " = 0.0;");
            }
        }

        var restored = Enumerable.Range(0, m).Select(k => plan.SweepName("s", id, k)).ToList();
        var captured = Enumerable.Range(m, capturedCount).Select(i => context.Expressions.Write(forward.Operand(i)));
        var body = loop.Reverse with { Parameters = restored.Concat(captured).Concat(seeds).ToEquatableArray() };
        var recorded = context.Recorded.ContainsKey(node.Operand0) ? Array.Empty<InnerLoopModel>() : InnerLoopRecording.Recorded(loop);
        var width = InnerLoopRecording.Width(loop, recorded);
        var reads = new Dictionary<int, IReadOnlyList<string>>();
        var slot = 0;
        foreach (var innerLoop in recorded)
        {
            var count = loop.Reverse.Loops[(int)loop.Reverse.Nodes[innerLoop.InReverse].Payload].StateNames.Count;
            reads[innerLoop.InReverse] = Enumerable.Range(slot, count).Select(s => plan.LoopName("inner", number) + "[" + TapeSlot(loop, width, s) + "]").ToList();
            slot += count;
        }

        // An inner loop read from a record and swept: its own inner loops' results, as this loop's forward pass recorded them.
        var inductions = context.Inductions.Enter(loop.Index, loop.Start, loop.End, backward: true, Indices(body), plan.SweepName("back", id) + "_");
        if (context.DeepReads.TryGetValue(node.Operand0, out var deepSlots))
        {
            var k = 0;
            foreach (var innermost in deepSlots.Entry.Nested)
            {
                var count = loop.Reverse.Loops[(int)loop.Reverse.Nodes[innermost.InReverse].Payload].StateNames.Count;
                reads[innermost.InReverse] = Enumerable.Range(k, count).Select(slot => deepSlots.Slot(slot, inductions)).ToList();
                k += count;
            }
        }

        // Costly values the forward pass recorded, read instead of computed again.
        var keptReads = plan.KeptSlots.TryGetValue(node.Operand0, out var keptSlots) ? keptSlots : null;

        var ownDeep = recorded.Count > 0 ? DeepEntries(context, node.Operand0, recorded) : Array.Empty<DeepRecording.Entry>();
        var deepReads = recorded.Count > 0 ? DeepReads(context, node.Operand0, recorded, ownDeep) : NoDeepSlots;

        // A sweep is linear in its seeds: when they are all zero at run time it adds nothing, as when they
        // are zero symbolically (a max loop's adjoint reaches one element; the others skip their sweeps).
        var guarded = neededSeeds.Count > 0 && neededSeeds.Any(k => !model.Nodes[node.Operand(k + 1)].IsConstant);
        if (guarded)
        {
            writer.Open("if (" + string.Join(" || ", neededSeeds.Select(k => seeds[k] + " != 0.0")) + ")");
        }

        var header = writer.Mark();
        writer.Open("for (int " + loop.Index + " = (" + loop.End + ") - 1; " + loop.Index + " >= " + loop.Start + "; " + loop.Index + "--)");
        if (loop.NeedsTape)
        {
            for (var k = 0; k < m; k++)
            {
                writer.Line("double " + restored[k] + " = " + plan.LoopName("tape", number) + "[" + TapeSlot(loop, m, k) + "];");
            }
        }

        var sums = context.Hoisted is { } rentals && plan.IsNested ? new AdjointTables(rentals, plan.SweepName("acc", id) + "_", loop, context.Buffers) : null;
        var interchanged = context.Hoisted is { } seedRentals && plan.IsNested ? new InterchangedSweeps(seedRentals, plan.SweepName("x", id) + "_", loop, context.Inductions) : null;
        var results = WriteNested(writer, context, loop, body, plan.SweepName("r", id) + "_", body.Outputs, inductions, IsUnconditional(context, id), reads, out var nested, deepReads: deepReads, accumulators: sums, interchange: interchanged, keptReads: keptReads, keptTables: KeptTables(plan, node.Operand0));
        var (sumLines, inSums) = context.Accumulators?.Accumulate(nested.Plan, nested.Expressions, body, loop, m + capturedCount, loop.ReverseElements)
            ?? (Array.Empty<string>(), new HashSet<int>());
        foreach (var line in sumLines)
        {
            writer.Line(line);
        }

        // Own adjoints that the interchanged nests' sums start from.
        foreach (var (root, target) in interchanged?.Fold(body, m + capturedCount, inSums) ?? Array.Empty<(int, string)>())
        {
            writer.Line(target + " = " + nested.Expressions.Write(root) + ";");
        }

        for (var e = 0; e < loop.ReverseElements.Count; e++)
        {
            if (!inSums.Contains(e))
            {
                WriteElementAdjoint(writer, nested, ElementTarget(nested, body, loop.ReverseElements[e]), body.Outputs[m + capturedCount + e]);
            }
        }

        for (var j = 0; j < capturedCount; j++)
        {
            if (summed[j] && !IsZero(body, m + j))
            {
                writer.Line(accumulators[j] + " += " + results[m + j] + ";");
            }
        }

        Assign(writer, neededSeeds.Select(k => seeds[k]).ToList(), neededSeeds.Select(k => results[k]).ToList(), plan.SweepName("b", id) + "_");
        CloseLoop(writer, header, inductions, blankLine: !guarded);
        if (sums?.Clears().ToList() is { Count: > 0 } clears)
        {
            if (guarded)
            {
                writer.Line();
            }

            foreach (var line in sums.Flushes())
            {
                writer.Line(line);
            }

            writer.Insert(header, clears);
        }

        if (interchanged is { Any: true })
        {
            if (guarded)
            {
                writer.Line();
            }

            interchanged.WriteNests(writer);
            writer.Insert(header, interchanged.Declarations().ToList());
        }

        if (guarded)
        {
            writer.Close();
            writer.Line();
        }
        if (loop.NeedsTape && plan.IsLastSweep(id))
        {
            WriteTapeReturn(writer, context, plan.LoopName("rented", number));
        }

        if (recorded.Count > 0 && plan.IsLastSweep(id))
        {
            WriteTapeReturn(writer, context, plan.LoopName("rentedInner", number));
        }

        if (keptReads is not null && plan.IsLastSweep(id))
        {
            WriteTapeReturn(writer, context, plan.LoopName("rentedKept", number));
        }

        if (ownDeep.Count > 0 && plan.IsLastSweep(id))
        {
            WriteTapeReturn(writer, context, plan.LoopName("rentedDeep", number));
        }

        // Records an earlier loop that is not swept kept only for this one.
        if (plan.IsLastSweep(id) && !context.Recorded.ContainsKey(node.Operand0))
        {
            foreach (var source in SharedInnerLoops.RecordsEndingWith(model, plan.SharedLoops, node.Operand0).Where(source => !context.Recorded.ContainsKey(source)))
            {
                var sourceNumber = (int)model.Nodes[source].Payload;
                WriteTapeReturn(writer, context, plan.LoopName("rentedInner", sourceNumber));
                if (DeepEntries(context, source, InnerLoopRecording.Recorded(model.Loops[sourceNumber])).Count > 0)
                {
                    WriteTapeReturn(writer, context, plan.LoopName("rentedDeep", sourceNumber));
                }
            }
        }
    }

    /// <summary>
    /// The nest's ranges when backward loop node <paramref name="sweep"/> is deferred to an interchanged nest after the
    /// sweep around it (see <see cref="InterchangedSweeps"/>); null when it runs where it is.
    /// </summary>
    private static InterchangedSweeps.NestRanges? InterchangedRanges(Context context, int sweep)
    {
        var model = context.Plan.Model;
        var node = model.Nodes[sweep];
        var loop = model.Loops[(int)node.Payload];
        var m = loop.StateNames.Count;
        var capturedCount = model.Nodes[node.Operand0].Arity - m;
        var seedRead = Enumerable.Range(0, m).Any(k => Reads(loop.Reverse, m + capturedCount + k) || IsRead(model, sweep, k));
        var capturedRead = Enumerable.Range(0, capturedCount).Any(j => IsRead(model, sweep, m + j));
        return context.Interchange is { } interchange && seedRead && IsUnconditional(context, sweep)
            ? interchange.Ranges(loop, m, capturedCount, capturedRead)
            : null;
    }

    /// <summary>
    /// For the backward sweep of forward loop <paramref name="forward"/>: its recorded inner loops whose own inner loops'
    /// results a forward pass recorded one level down, its own or that of the earlier loop it shares them with.
    /// </summary>
    private static IReadOnlyDictionary<int, DeepSlots> DeepReads(Context context, int forward, IReadOnlyList<InnerLoopModel> recorded, IReadOnlyList<DeepRecording.Entry> own)
    {
        var plan = context.Plan;
        var model = plan.Model;
        var number = (int)model.Nodes[forward].Payload;
        var loop = model.Loops[number];
        var shared = SharedResults(context, forward);
        var reads = new Dictionary<int, DeepSlots>();
        foreach (var entry in own)
        {
            reads[entry.Inner.InReverse] = new DeepSlots(plan.LoopName("deep", number), DeepRecording.Base(loop, plan.LoopName("deepStride", number), entry), entry);
        }

        if (!plan.SharedLoops.TryGetValue(forward, out var sources))
        {
            return reads;
        }

        foreach (var pair in sources.Where(pair => shared.ContainsKey(pair.Key) && SharedInnerLoops.OutlivesSweepsOf(model, pair.Value.Loop, forward)))
        {
            var mine = recorded.Where(r => r.InBody == pair.Key).ToList();
            var earlierNumber = (int)model.Nodes[pair.Value.Loop].Payload;
            var earlier = model.Loops[earlierNumber];
            var theirs = DeepEntries(context, pair.Value.Loop, InnerLoopRecording.Recorded(earlier));
            if (mine.Count == 1 && theirs.FirstOrDefault(e => e.Inner.InBody == pair.Value.Inner) is { } entry
                && DeepRecording.Reading(entry, loop.Body.Loops[(int)loop.Body.Nodes[pair.Key].Payload]) is { } reading)
            {
                OptimizationRemarks.Report(OptimizationPass.SharedRecord, "the sweep of the loop over " + loop.Index + " reads the record the earlier loop over " + earlier.Index + " made of the same inner loops");
                reads[mine[0].InReverse] = new DeepSlots(plan.LoopName("deep", earlierNumber), DeepRecording.Base(loop, plan.LoopName("deepStride", earlierNumber), entry), reading);
            }
        }

        return reads;
    }

    /// <summary>
    /// An additive loop and its backward sweep in one pass: each iteration computes the body once and
    /// adds its contributions to the gradient at once (their order does not matter for a sum).
    /// </summary>
    private static void WriteFusedLoop(SourceWriter writer, Context context, int forward, int backward, IReadOnlyList<string> states)
    {
        var plan = context.Plan;
        var model = plan.Model;
        var node = model.Nodes[forward];
        var adjoint = model.Nodes[backward];
        var number = (int)node.Payload;
        var loop = model.Loops[number];
        var fused = loop.Fused!;
        var m = states.Count;
        OptimizationRemarks.Report(OptimizationPass.LoopFusion, "the backward sweep of the loop over " + loop.Index + " runs inside its forward loop: its adjoint iterations commute");
        var capturedCount = node.Arity - m;
        var seeds = Enumerable.Range(0, m).Select(k => plan.SweepName("a", backward, k)).ToList();
        var accumulators = Enumerable.Range(0, capturedCount).Select(j => plan.SweepName("c", backward, j)).ToList();
        // A seed is declared where the body reads it (not when constants were folded in), or where code after the
        // loop reads the carried value's adjoint, which an additive loop leaves equal to its seed. The body reads it
        // also through its effects: an inner loop's sweep that nothing reads but the gradient buffers it adds into.
        for (var k = 0; k < m; k++)
        {
            var bodyReads = loop.FusedSeeds.Count == 0 && ReadsFrom(fused, fused.Values.Concat(fused.Outputs.Skip(m)).Concat(fused.Effects).Concat(fused.ElementOutputs), m + capturedCount + k);
            if (bodyReads || IsRead(model, backward, k))
            {
                writer.Line("double " + seeds[k] + " = " + context.Expressions.Write(adjoint.Operand(k + 1)) + ";");
            }
        }

        var summed = Enumerable.Range(0, capturedCount).Select(j => IsRead(model, backward, m + j)).ToList();
        for (var j = 0; j < capturedCount; j++)
        {
            if (summed[j])
            {
                writer.Line("double " + accumulators[j] + " = 0.0;");
            }
        }

        var vectors = loop.FusedElements.Select(e => fused.ElementParts(e).Vector).Distinct().ToList();
        var sliding = vectors.Select(v => SlidingWrite.Of(fused, loop.FusedElements, v, loop.Index)).ToList();
        foreach (var write in sliding.Where(w => w is { Carries: true }))
        {
            OptimizationRemarks.Report(OptimizationPass.ScalarReplacement, "the adjoint writes of " + write!.Vector + "[" + write.Index + "] and the next slot go through a local carried to the next iteration of the loop over " + loop.Index);
        }

        var carries = vectors.Select((_, v) => plan.LoopName("carry", number, v)).ToList();
        for (var v = 0; v < vectors.Count; v++)
        {
            if (sliding[v] is { Carries: true })
            {
                writer.Line("double " + carries[v] + " = 0.0;");
            }
        }

        var captured = Enumerable.Range(m, capturedCount).Select(i => context.Expressions.Write(node.Operand(i)));
        var body = fused with { Parameters = states.Concat(captured).Concat(seeds).ToEquatableArray() };
        var inductions = context.Inductions.Enter(loop.Index, loop.Start, loop.End, backward: false, Indices(body), plan.LoopName("at", number) + "_");

        // A loop filling a buffer by assignment runs whatever its guard: the buffer was not cleared.
        var guard = context.Fillers.Values.Contains(forward) ? null : Guard(context, forward);
        if (guard is not null)
        {
            writer.Open("if (" + guard + ")");
        }

        var header = writer.Mark();
        writer.Open("for (int " + loop.Index + " = " + loop.Start + "; " + loop.Index + " < " + loop.End + "; " + loop.Index + "++)");
        var results = WriteNested(writer, context, loop, body, plan.LoopName("l", number) + "_", body.Values.Concat(body.Outputs), inductions, IsUnconditional(context, forward), NothingRecorded, out var nested);
        var contributions = results.Skip(m + m + capturedCount).ToList();
        for (var v = 0; v < vectors.Count; v++)
        {
            var fills = context.Fillers.TryGetValue(vectors[v], out var filler) && filler == forward;
            WriteElementAdjoints(writer, nested, body, loop, vectors[v], sliding[v], fills, carries[v], contributions, body.Values.Concat(body.Outputs).Skip(m + m + capturedCount).ToList());
        }

        for (var j = 0; j < capturedCount; j++)
        {
            if (summed[j] && !IsZero(body, m + j))
            {
                writer.Line(accumulators[j] + " += " + results[m + m + j] + ";");
            }
        }

        Assign(writer, states, results.Take(m).ToList(), plan.LoopName("n", number) + "_");
        CloseLoop(writer, header, inductions, blankLine: guard is null);
        if (guard is not null)
        {
            writer.Close();
            writer.Line();
        }

        for (var v = 0; v < vectors.Count; v++)
        {
            if (sliding[v] is { } write)
            {
                FinishSlidingWrite(writer, context, loop, write, context.Fillers.TryGetValue(vectors[v], out var filler) && filler == forward, carries[v]);
            }
        }
    }

    /// <summary>One iteration's element adjoints for <paramref name="vector"/>: one write per slot when they slide, else one per element.</summary>
    private static void WriteElementAdjoints(SourceWriter writer, Context context, DerivativeGraphModel body, LoopModel loop, string vector, SlidingWrite? sliding, bool fills, string carry, IReadOnlyList<string> contributions, IReadOnlyList<int> contributionNodes)
    {
        if (sliding is null)
        {
            for (var e = 0; e < loop.FusedElements.Count; e++)
            {
                if (body.ElementParts(loop.FusedElements[e]).Vector == vector)
                {
                    WriteElementAdjoint(writer, context, ElementTarget(context, body, loop.FusedElements[e]), contributionNodes[e]);
                }
            }

            return;
        }

        string Operand(int e) => IsSimple(contributions[e]) ? contributions[e] : "(" + contributions[e] + ")";
        string Sum(IReadOnlyList<int> positions) => positions.Count == 1 ? contributions[positions[0]] : string.Join(" + ", positions.Select(Operand));
        var lower = sliding.Carries ? carry + " + " + string.Join(" + ", sliding.Lower.Select(Operand)) : Sum(sliding.Lower);
        writer.Line(context.Buffers[vector] + "[" + sliding.Index + "]" + (fills ? " = " : " += ") + lower + ";");
        if (sliding.Carries)
        {
            writer.Line(carry + " = " + Sum(sliding.Upper) + ";");
        }
    }

    /// <summary>After a loop whose writes slide: the part carried out of the last iteration goes into the slot after its own.</summary>
    private static void FinishSlidingWrite(SourceWriter writer, Context context, LoopModel loop, SlidingWrite write, bool fills, string carry)
    {
        if (!write.Carries)
        {
            return;
        }

        writer.Open("if (" + loop.Start + " < " + loop.End + ")");
        writer.Line(context.Buffers[write.Vector] + "[" + SlidingWrite.Shifted(loop.End, write.Offset) + "]" + (fills ? " = " : " += ") + carry + ";");
        writer.Close();
        writer.Line();
    }

    /// <summary>
    /// Before anything else: the slots a filling loop will not reach are cleared (all of them if it never
    /// runs). Here and not after the loop: a call while doubles are live makes the JIT keep them in memory.
    /// </summary>
    private static void ClearUnfilledSlots(SourceWriter writer, LoopModel loop, SlidingWrite write, string buffer)
    {
        var clears = new List<string>();
        var first = SlidingWrite.Shifted(loop.Start, write.Offset);
        if (!first.IsZero)
        {
            clears.Add(Zeroing.Statement(buffer + ".Slice(0, " + first + ")"));
        }

        // The buffer has its vector's length, so nothing follows a last slot at x.Length - 1.
        var after = SlidingWrite.Shifted(loop.End, write.Offset + (write.Carries ? 1 : 0));
        if (!(after.Op == IntOp.Length && IntExpr.SameName(after.Name, write.Vector)))
        {
            clears.Add(Zeroing.Statement(buffer + ".Slice(" + after + ")"));
        }

        if (clears.Count == 0)
        {
            writer.Open("if (" + loop.Start + " >= " + loop.End + ")");
            writer.Line(Zeroing.Statement(buffer));
            writer.Close();
            writer.Line();
            return;
        }

        writer.Open("if (" + loop.Start + " < " + loop.End + ")");
        foreach (var clear in clears)
        {
            writer.Line(clear);
        }

        writer.Close();
        writer.Open("else");
        writer.Line(Zeroing.Statement(buffer));
        writer.Close();
        writer.Line();
    }

    /// <summary>Where value k of the current iteration is recorded on a tape of <paramref name="width"/> values per iteration.</summary>
    private static IntExpr TapeSlot(LoopModel loop, int width, int k)
    {
        var iteration = DeepRecording.Iteration(loop);
        return width == 1 ? iteration : (iteration * IntExpr.Constant(width)) + k;
    }

    /// <summary>Writes the locals of a body of <paramref name="loop"/> with a plan of its own; returns the expressions of <paramref name="results"/>.</summary>
    /// <param name="deepRecords">Loops of the body that record their inner loops' results for this loop's backward sweeps.</param>
    /// <param name="deepReads">Loops of the body, not run, whose sweeps read their inner loops' results from such a record.</param>
    /// <param name="inductions">The running locals that index elements in this body (see <see cref="InductionVariables"/>).</param>
    /// <param name="unconditional">Whether the loop runs on every iteration of the body around it.</param>
    /// <param name="accumulators">For a backward sweep's body: where its inner loops' sweeps sum element adjoints.</param>
    /// <param name="kept">For a forward body: the nodes its loop's tape of kept values records, each given a local.</param>
    /// <param name="keptReads">For a backward body: the nodes read from that tape instead of computed, and where.</param>
    /// <param name="keepTables">For a forward body: keep its tables for every iteration of <paramref name="loop"/> (see <see cref="IterationTables"/>).</param>
    /// <param name="keptTables">For a backward body: the tables an earlier loop over the same range kept, read instead of filled.</param>
    private static List<string> WriteNested(SourceWriter writer, Context outer, LoopModel loop, DerivativeGraphModel body, string prefix, IEnumerable<int> results, InductionVariables inductions, bool unconditional, IReadOnlyDictionary<int, IReadOnlyList<string>> recorded, out Context nested, IReadOnlyDictionary<int, DeepSlots>? deepRecords = null, IReadOnlyDictionary<int, DeepSlots>? deepReads = null, AdjointTables? accumulators = null, InterchangedSweeps? interchange = null, Func<string, string?>? hoist = null, ICollection<int>? kept = null, IReadOnlyDictionary<int, string>? keptReads = null, bool keepTables = false, IReadOnlyDictionary<string, IterationTables.Table>? keptTables = null)
    {
        var reserved = outer.NamesInScope.ToList();
        var enclosing = outer.Plan.IsNested ? outer.Enclosing.Concat(new[] { loop }).ToList() : (IReadOnlyList<LoopModel>)Array.Empty<LoopModel>();
        var tables = outer.Tables;

        // Values of this loop that do not change with the loop around it are tabulated by the body around that one;
        // this loop's own values that its inner loops tabulate too read the same tables.
        var hoisting = unconditional && outer.Unconditional && enclosing.Count >= 2 ? outer.EnclosingValues : null;
        var around = hoisting is null ? null : enclosing[enclosing.Count - 2];
        var sharing = unconditional ? outer.Values : null;
        // Reads that the loop around this body does not change may be hoisted out of it (see WriteInterchangedSweep).
        var always = hoist is null ? null : LoopNests.Unconditional(body);

        // Which of them each node read from elsewhere is read from, decided once.
        var readFrom = new Dictionary<int, Func<EmissionPlan, CSharpExpressionWriter, int, string>>();
        bool ReadsInstead(EmissionPlan p, int id)
        {
            if (keptReads is not null && keptReads.TryGetValue(id, out var slot))
            {
                readFrom[id] = (q, w, n) => slot;
            }
            else if (tables?.Qualifies(p, id, enclosing) == true)
            {
                readFrom[id] = (q, w, n) => tables.Read(q, w, n, enclosing, inductions);
            }
            else if (hoisting?.Qualifies(p, id, around!, loop) == true)
            {
                readFrom[id] = (q, w, n) => hoisting.Read(q, w, n, around!, loop);
            }
            else if (sharing?.QualifiesOuter(p, id, loop) == true)
            {
                readFrom[id] = (q, w, n) => sharing.ReadOuter(q, w, n, loop);
            }
            else if (always?[id] == true && body.Nodes[id].Operation == Operation.Element)
            {
                var (vector, index) = body.ElementParts(id);
                readFrom[id] = (q, w, n) => inductions.Element(vector, index);
            }

            if (hoist is not null && readFrom.TryGetValue(id, out var read))
            {
                readFrom[id] = (q, w, n) => read(q, w, n) is var text && hoist(text) is { } local ? local : text;
            }

            return readFrom.ContainsKey(id);
        }

        var readsNothing = tables is null && hoisting is null && sharing is null && hoist is null && keptReads is not { Count: > 0 };
        var plan = new EmissionPlan(body, reserved, prefix, recorded.Keys.ToList(), readsNothing ? null : ReadsInstead, kept, keptReads?.Keys.ToList());
        CSharpExpressionWriter? expressions = null;
        string? Replacement(int id) => plan.ReadInstead.Contains(id) ? readFrom[id](plan, expressions!, id) : null;
        expressions = new CSharpExpressionWriter(plan, plan.ReadInstead.Count == 0 ? null : Replacement, inductions.Element);
        var values = outer.Hoisted is { } rentals && plan.IsNested
            ? new HoistedValues(rentals, prefix + "values")
            {
                Scope = inductions,
                KeepEach = keepTables ? IterationTables.Of(loop) : null,
                ReadKept = keptTables is { Count: > 0 } ? (IterationTables.Of(loop), keptTables) : null,
            }
            : null;
        nested = new Context(plan, expressions, reserved, outer.Buffers, new Dictionary<string, int>(), recorded, outer.Hoisted, tables, enclosing, outer.IsInvariant)
        {
            Inductions = inductions,
            DeepRecords = deepRecords ?? NoDeepSlots,
            DeepReads = deepReads ?? NoDeepSlots,
            Values = values,
            EnclosingValues = outer.Values,
            Unconditional = unconditional,
            Accumulators = accumulators,
            Interchange = interchange,
        };
        var start = writer.Mark();
        WriteRegion(writer, nested, Region.Root);
        if (values?.TakeFills() is { Count: > 0 } fills)
        {
            writer.Insert(start, fills);
        }

        return results.Select(expressions.Write).ToList();
    }

    /// <summary>Whether loop node <paramref name="id"/> runs whenever its DAG does: it is not inside a conditional.</summary>
    private static bool IsUnconditional(Context context, int id) => ReferenceEquals(context.Plan.Regions[id], Region.Root);

    /// <summary>Ends a loop's body: its running index locals advance, and are declared before its header.</summary>
    private static void CloseLoop(SourceWriter writer, (int Position, int Indent) header, InductionVariables inductions, bool blankLine = true)
    {
        var steps = inductions.Steps().ToList();
        if (steps.Count > 0)
        {
            writer.Open("unchecked");
            foreach (var step in steps)
            {
                writer.Line(step);
            }

            writer.Close();
        }

        writer.Close();
        if (blankLine)
        {
            writer.Line();
        }

        writer.Insert(header, inductions.Declarations());
    }

    /// <summary>The indices of the elements a body reads or writes.</summary>
    private static IEnumerable<IntExpr> Indices(DerivativeGraphModel body)
        => Enumerable.Range(0, body.Nodes.Count)
            .Where(id => body.Nodes[id].Operation is Operation.Element or Operation.Store)
            .Select(id => body.ElementParts(id).Index);

    /// <summary>
    /// <c>dx[i] += a;</c>. An adjoint that is zero unless a condition holds (<c>c ? a : 0</c>: the element is read in
    /// one branch only) is added only when it holds: the index may be out of range where the source does not read it.
    /// A sum of such terms (the element read under two conditions) is added term by term, each under its own.
    /// </summary>
    private static void WriteElementAdjoint(SourceWriter writer, Context context, string target, int adjoint)
    {
        var plan = context.Plan;
        var model = plan.Model;
        var nodes = model.Nodes;
        bool IsInline(int id) => !plan.IsStructured[id] && plan.Names[id] is null;

        // The terms of the adjoint, through sums computed inline: split only when one of them is guarded.
        var terms = new List<int>();
        void Collect(int id)
        {
            if (nodes[id].Operation == Operation.Add && IsInline(id))
            {
                Collect(nodes[id].Operand0);
                Collect(nodes[id].Operand1);
            }
            else
            {
                terms.Add(id);
            }
        }

        Collect(adjoint);
        if (!terms.Any(model.IsGuarded))
        {
            terms = new List<int> { adjoint };
        }

        foreach (var term in terms)
        {
            var guards = new List<string>();
            var value = term;
            while (model.IsGuarded(value))
            {
                var node = nodes[value];
                var condition = context.Expressions.Write(node.Operand0);
                guards.Add(model.IsZero(node.Operand2) ? condition : "!(" + condition + ")");

                // A conditional computed in an if, or kept in a local, is read whole; its inner conditions are its own.
                if (!IsInline(value))
                {
                    break;
                }

                value = model.IsZero(node.Operand2) ? node.Operand1 : node.Operand2;
            }

            var line = target + " += " + context.Expressions.Write(value) + ";";
            if (guards.Count == 0)
            {
                writer.Line(line);
                continue;
            }

            writer.Open("if (" + (guards.Count == 1 ? guards[0] : string.Join(" && ", guards.Select(g => "(" + g + ")"))) + ")");
            writer.Line(line);
            writer.Close();
        }
    }

    /// <summary>Assigns new values to locals all at once: through temporaries when there are several.</summary>
    private static void Assign(SourceWriter writer, IReadOnlyList<string> targets, IReadOnlyList<string> values, string prefix)
    {
        if (targets.Count == 1)
        {
            if (targets[0] != values[0])
            {
                writer.Line(targets[0] + " = " + values[0] + ";");
            }

            return;
        }

        for (var k = 0; k < targets.Count; k++)
        {
            writer.Line("double " + prefix + k + " = " + values[k] + ";");
        }

        for (var k = 0; k < targets.Count; k++)
        {
            writer.Line(targets[k] + " = " + prefix + k + ";");
        }
    }

    /// <summary>Whether a backward body's output (a captured value's adjoint) is the constant 0: its accumulator then gets nothing added.</summary>
    private static bool IsZero(DerivativeGraphModel body, int output)
    {
        var node = body.Nodes[body.Outputs[output]];
        return node.IsConstant && node.Constant == 0.0;
    }

    /// <summary>Whether a body reads its parameter <paramref name="parameter"/>.</summary>
    private static bool Reads(DerivativeGraphModel body, int parameter)
        => body.Nodes.Any(n => n.Operation == Operation.Parameter && n.ParameterIndex == parameter);

    /// <summary>Whether any of <paramref name="roots"/> depends on parameter <paramref name="parameter"/> of <paramref name="body"/>.</summary>
    private static bool ReadsFrom(DerivativeGraphModel body, IEnumerable<int> roots, int parameter)
    {
        var seen = new HashSet<int>();
        var stack = new Stack<int>(roots);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (!seen.Add(id))
            {
                continue;
            }

            var node = body.Nodes[id];
            if (node.Operation == Operation.Parameter && node.ParameterIndex == parameter)
            {
                return true;
            }

            for (var i = 0; i < node.Arity; i++)
            {
                stack.Push(node.Operand(i));
            }
        }

        return false;
    }

    /// <summary>Whether result <paramref name="result"/> of backward loop node <paramref name="sweep"/> is read.</summary>
    private static bool IsRead(DerivativeGraphModel model, int sweep, int result)
        => model.Nodes.Any(n => n.Operation == Operation.LoopResult && n.Operand0 == sweep && n.Payload == result);
}
