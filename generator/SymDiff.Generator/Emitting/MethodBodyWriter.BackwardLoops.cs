namespace SymDiff.Generator.Emitting;

// Backward sweeps: each loop run backward from its tape, with its seeds, accumulators and records read.
internal static partial class MethodBodyWriter
{
    /// <summary>
    /// The loop run backward: the adjoints of its final carried values flow back through each
    /// iteration (recomputed from the tape), adding into gradient buffers and captured adjoints.
    /// </summary>
    private static void WriteBackwardLoop(BlockBuilder writer, Context context, int id)
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
            writer.Let("double", seeds[k], context.Expressions.WriteCode(node.Operand(k + 1)));
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
                writer.Let("double", accumulators[j], "0.0");
            }
        }

        var restored = Enumerable.Range(0, m).Select(k => plan.SweepName("s", id, k)).ToList();
        var captured = Enumerable.Range(m, capturedCount).Select(i => context.Expressions.WriteCode(forward.Operand(i)).Text);
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
        // are zero symbolically (a max loop's adjoint reaches one element; the others skip their sweeps). Not a sweep
        // of a loop that writes outputs: it adds their cotangents too, whatever the seeds.
        var guarded = neededSeeds.Count > 0 && neededSeeds.Any(k => !model.Nodes[node.Operand(k + 1)].IsConstant) && loop.Body.Effects.Count == 0;
        if (guarded)
        {
            writer.OpenIf(Code.Join(" || ", neededSeeds.Select(k => Code.Name(seeds[k]) + " != 0.0")));
        }

        var header = writer.Placeholder();
        writer.Open(new Loop(loop.Index, loop.Start, loop.End, LoopDirection.Descending));
        if (loop.NeedsTape)
        {
            for (var k = 0; k < m; k++)
            {
                writer.Let("double", restored[k], Code.Name(plan.LoopName("tape", number)) + "[" + Code.Of(TapeSlot(loop, m, k)) + "]");
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
            writer.Store(Code.Plain(target), nested.Expressions.WriteCode(root));
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
                writer.Accumulate(Code.Name(accumulators[j]), results[m + j]);
            }
        }

        Assign(writer, neededSeeds.Select(k => seeds[k]).ToList(), neededSeeds.Select(k => results[k]).ToList(), plan.SweepName("b", id) + "_");
        CloseLoop(writer, header, inductions, blankLine: !guarded);
        if (sums?.Clears() is { Count: > 0 } clears)
        {
            if (guarded)
            {
                writer.Line();
            }

            foreach (var flush in sums.Flushes())
            {
                writer.Add(flush);
            }

            header.Prepend(clears);
        }

        if (interchanged is { Any: true })
        {
            if (guarded)
            {
                writer.Line();
            }

            interchanged.WriteNests(writer);
            header.Prepend(interchanged.Declarations());
        }

        if (guarded)
        {
            writer.Close();
            writer.Line();
        }
        if (loop.NeedsTape && plan.IsLastSweep(id))
        {
            WriteTapeReturn(writer, plan.LoopName("rented", number), BufferRole.Tape);
        }

        if (recorded.Count > 0 && plan.IsLastSweep(id))
        {
            WriteTapeReturn(writer, plan.LoopName("rentedInner", number), BufferRole.Tape);
        }

        if (keptReads is not null && plan.IsLastSweep(id))
        {
            WriteTapeReturn(writer, plan.LoopName("rentedKept", number), BufferRole.Cache);
        }

        if (ownDeep.Count > 0 && plan.IsLastSweep(id))
        {
            WriteTapeReturn(writer, plan.LoopName("rentedDeep", number), BufferRole.Tape);
        }

        // Records an earlier loop that is not swept kept only for this one.
        if (plan.IsLastSweep(id) && !context.Recorded.ContainsKey(node.Operand0))
        {
            foreach (var source in SharedInnerLoops.RecordsEndingWith(model, plan.SharedLoops, node.Operand0).Where(source => !context.Recorded.ContainsKey(source)))
            {
                var sourceNumber = (int)model.Nodes[source].Payload;
                WriteTapeReturn(writer, plan.LoopName("rentedInner", sourceNumber), BufferRole.Tape);
                if (DeepEntries(context, source, InnerLoopRecording.Recorded(model.Loops[sourceNumber])).Count > 0)
                {
                    WriteTapeReturn(writer, plan.LoopName("rentedDeep", sourceNumber), BufferRole.Tape);
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
}
