namespace SymDiff.Generator.Emitting;

// Forward loops: a top-level loop and its hoisted rentals, and each forward pass with the tapes and caches it fills.
internal static partial class MethodBodyWriter
{
    /// <summary>
    /// A loop of the method's top level. The tapes of the loops nested in it whose length does not change
    /// from one of its iterations to the next are rented before it and given back after it, not on every iteration.
    /// </summary>
    private static void WriteTopLevelLoop(BlockBuilder writer, Context context, int id)
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
        var mark = writer.Placeholder();
        var regionStart = writer.Current.Statements.Count;
        if (node.Operation == Operation.Loop)
        {
            WriteForwardLoop(writer, inner, id);
        }
        else
        {
            WriteBackwardLoop(writer, inner, id);
        }

        Passes.AllocationHoisting.Run(writer.Current.Statements.Skip(regionStart), hoisted);
        var lastUse = node.Operation == Operation.Loop ? !plan.IsSwept(forward) : plan.IsLastSweep(id);
        var returns = hoisted.Rented.ToList();
        if (lastUse)
        {
            returns.AddRange(tables.Rented);
        }

        mark.Prepend(hoisted.Rentals.Concat(tables.TakeFills()));
        if (returns.Count == 0)
        {
            return;
        }

        foreach (var buffer in returns)
        {
            writer.Add(new Release(buffer));
        }

        writer.Line();
    }

    /// <summary>
    /// The loop run forward: carried locals initialised, then each iteration records them on the tape
    /// (when the backward sweep needs them) and computes the body.
    /// </summary>
    private static void WriteForwardLoop(BlockBuilder writer, Context context, int id)
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
                writer.Let("double", states[k], recordedResults[k]);
            }

            return;
        }

        for (var k = 0; k < m; k++)
        {
            writer.Let("double", states[k], context.Expressions.WriteCode(node.Operand(k)));
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
            WriteTapeRental(writer, context, loop, IntExpr.Constant(m), tape, plan.LoopName("rented", number), plan.LoopName("count", number), BufferRole.Tape, RunsWhen(guard));
        }

        // Inner loops that the backward sweep would run again have their results recorded instead.
        var recorded = swept || SharedInnerLoops.IsSource(plan.SharedLoops, id) ? InnerLoopRecording.Recorded(loop) : Array.Empty<InnerLoopModel>();
        var width = InnerLoopRecording.Width(loop, recorded);
        var inner = plan.LoopName("inner", number);
        if (recorded.Count > 0)
        {
            OptimizationRemarks.Report(OptimizationPass.InnerLoopRecord, "the loop over " + loop.Index + " records the results of " + recorded.Count + " inner loop(s) on each iteration (" + inner + "), so its backward sweep does not run them again");
            WriteTapeRental(writer, context, loop, IntExpr.Constant(width), inner, plan.LoopName("rentedInner", number), plan.LoopName("innerCount", number), BufferRole.Tape, RunsWhen(guard));
        }

        // Costly values the backward sweep would compute again, recorded on each iteration; their tape is rented
        // here once the body has shown which it computes.
        var keptCandidates = swept && !Sweeps(model, id).Any(sweep => InterchangedRanges(context, sweep) is not null)
            ? KeptValueRecording.Candidates(loop)
            : Array.Empty<KeptValueModel>();
        var keptTape = plan.LoopName("kept", number);
        var keptRental = writer.Placeholder();

        // One level down: what those inner loops' own sweeps would run again, recorded on each of their iterations.
        var shared = SharedResults(context, id);
        var deep = DeepEntries(context, id, recorded);
        var deepTape = plan.LoopName("deep", number);
        if (deep.Count > 0)
        {
            OptimizationRemarks.Report(OptimizationPass.DeepRecord, "the loop over " + loop.Index + " records the results of the inner loops of " + string.Join(", ", deep.Select(e => "the loop over " + e.Loop.Index)) + " (" + deepTape + ")");
            WriteTapeRental(writer, context, loop, DeepRecording.Length(deep), deepTape, plan.LoopName("rentedDeep", number), plan.LoopName("deepCount", number), BufferRole.Tape, RunsWhen(guard));
            writer.Let("int", plan.LoopName("deepStride", number), Code.Of(DeepRecording.Stride(deep)));
        }

        var captured = Enumerable.Range(m, node.Arity - m).Select(i => context.Expressions.WriteCode(node.Operand(i)).Text);
        var body = loop.Body with { Parameters = states.Concat(captured).ToEquatableArray() };
        var inductions = context.Inductions.Enter(loop.Index, loop.Start, loop.End, backward: false, Indices(body), plan.LoopName("at", number) + "_");
        if (guard is not null)
        {
            writer.OpenIf(Code.Plain(guard));
        }

        var header = writer.Placeholder();
        writer.Open(new Loop(loop.Index, loop.Start, loop.End));
        if (needsTape)
        {
            for (var k = 0; k < m; k++)
            {
                writer.Store(Code.Name(tape) + "[" + Code.Of(TapeSlot(loop, m, k)) + "]", Code.Name(states[k]));
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

        var keptSlots = new Dictionary<int, Code>();
        for (var k = 0; k < keptValues.Count; k++)
        {
            var keptSlot = Code.Name(keptTape) + "[" + Code.Of(TapeSlot(loop, keptValues.Count, k)) + "]";
            writer.Store(keptSlot, nested.Expressions.WriteCode(keptValues[k].InBody));
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
                writer.Store(Code.Name(inner) + "[" + Code.Of(TapeSlot(loop, width, slot++)) + "]", Code.Name(result));
            }
        }

        Assign(writer, states, results, plan.LoopName("n", number) + "_");
        CloseLoop(writer, header, inductions, blankLine: guard is null);
        if (guard is not null)
        {
            writer.Close();
            writer.Line();
        }

        // Rented in the place left before the loop, now that its body has shown which values it caches.
        if (keptValues.Count > 0)
        {
            plan.KeptSlots[id] = keptSlots;
            var rental = new BlockBuilder();
            WriteTapeRental(rental, context, loop, IntExpr.Constant(keptValues.Count), keptTape, plan.LoopName("rentedKept", number), plan.LoopName("keptCount", number), BufferRole.Cache, RunsWhen(guard));
            keptRental.Prepend(rental.Root.Statements);
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

        var conditions = guard.Select(g => (Text: context.Plan.IsGuardWrittenFromScratch(g.Condition) ? context.Expressions.WriteInline(g.Condition).Text : context.Expressions.Write(g.Condition), g.Holds)).ToList();
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

    /// <summary>
    /// A tape of <paramref name="width"/> values per iteration, rented here and given back after the backward sweep
    /// (inside another loop's body, <see cref="Passes.AllocationHoisting"/> may move both out of the top-level loop). Never <c>stackalloc</c>: a method with loops and
    /// <c>stackalloc</c> is compiled once, without the profile tiered compilation gathers, and zeroing the
    /// stack space with 256-bit stores made each later <c>Math.Exp</c> or <c>Math.Log</c> call (legacy SSE code
    /// in the C library) pay an AVX-to-SSE transition: 25 times slower on an AVX-512 Xeon. The length of a tape written where the loop runs only
    /// under <paramref name="runsWhen"/> is computed under it too: its bounds may divide by zero where the source never
    /// gets to them (<c>if (m == 0) return 0;</c>, then a loop to <c>z.Length / m</c>).
    /// </summary>
    private static void WriteTapeRental(BlockBuilder writer, Context context, LoopModel loop, IntExpr width, string tape, string rented, string count, BufferRole role, string? runsWhen = null)
    {
        var count0 = IntExpr.MaxOf(IntExpr.Zero, LoopNests.Size(loop.Start, loop.End));
        var size = width.Equals(IntExpr.One) ? count0 : count0 * width;
        writer.Add(new Rent(new PooledBuffer(rented, count, role), runsWhen is null ? size.ToString() : runsWhen + " ? " + size + " : 0")
        {
            Tape = new TapeExtent(tape, loop.Index, loop.Start, loop.End, size, context.Inductions.Ranges()),
        });
        writer.Let(SpanOfDouble, tape, Code.Name(rented));
    }

    private const string SpanOfDouble = "global::System.Span<double>";

    private static void WriteTapeReturn(BlockBuilder writer, string rented, BufferRole role)
    {
        writer.Add(new Release(new PooledBuffer(rented, null, role)));
        writer.Line();
    }

    /// <summary>Where value k of the current iteration is recorded on a tape of <paramref name="width"/> values per iteration.</summary>
    private static IntExpr TapeSlot(LoopModel loop, int width, int k)
    {
        var iteration = DeepRecording.Iteration(loop);
        return width == 1 ? iteration : (iteration * IntExpr.Constant(width)) + k;
    }
}
