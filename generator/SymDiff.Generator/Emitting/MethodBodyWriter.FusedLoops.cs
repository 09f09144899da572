namespace SymDiff.Generator.Emitting;

// Additive loops fused with their sweeps, and the adjoint writes that slide from one iteration to the next.
internal static partial class MethodBodyWriter
{
    /// <summary>
    /// An additive loop and its backward sweep in one pass: each iteration computes the body once and
    /// adds its contributions to the gradient at once (their order does not matter for a sum).
    /// </summary>
    private static void WriteFusedLoop(BlockBuilder writer, Context context, int forward, int backward, IReadOnlyList<string> states)
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
                writer.Let("double", seeds[k], context.Expressions.WriteCode(adjoint.Operand(k + 1)));
            }
        }

        var summed = Enumerable.Range(0, capturedCount).Select(j => IsRead(model, backward, m + j)).ToList();
        for (var j = 0; j < capturedCount; j++)
        {
            if (summed[j])
            {
                writer.Let("double", accumulators[j], "0.0");
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
                writer.Let("double", carries[v], "0.0");
            }
        }

        var captured = Enumerable.Range(m, capturedCount).Select(i => context.Expressions.WriteCode(node.Operand(i)).Text);
        var body = fused with { Parameters = states.Concat(captured).Concat(seeds).ToEquatableArray() };
        var inductions = context.Inductions.Enter(loop.Index, loop.Start, loop.End, backward: false, Indices(body), plan.LoopName("at", number) + "_");

        // A loop filling a buffer by assignment runs whatever its guard: the buffer was not cleared.
        var guard = context.Fillers.Values.Contains(forward) ? null : Guard(context, forward);
        if (guard is not null)
        {
            writer.OpenIf(Code.Plain(guard));
        }

        var header = writer.Placeholder();
        writer.Open(new Loop(loop.Index, loop.Start, loop.End));
        var results = WriteNested(writer, context, loop, body, plan.LoopName("l", number) + "_", body.Values.Concat(body.Outputs), inductions, IsUnconditional(context, forward), NothingRecorded, out var nested);
        var contributions = results.Skip(m + m + capturedCount).Select(c => c.Text).ToList();
        for (var v = 0; v < vectors.Count; v++)
        {
            var fills = context.Fillers.TryGetValue(vectors[v], out var filler) && filler == forward;
            WriteElementAdjoints(writer, nested, body, loop, vectors[v], sliding[v], fills, carries[v], contributions, body.Values.Concat(body.Outputs).Skip(m + m + capturedCount).ToList());
        }

        for (var j = 0; j < capturedCount; j++)
        {
            if (summed[j] && !IsZero(body, m + j))
            {
                writer.Accumulate(Code.Name(accumulators[j]), results[m + m + j]);
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
    private static void WriteElementAdjoints(BlockBuilder writer, Context context, DerivativeGraphModel body, LoopModel loop, string vector, SlidingWrite? sliding, bool fills, string carry, IReadOnlyList<string> contributions, IReadOnlyList<int> contributionNodes)
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
    private static void FinishSlidingWrite(BlockBuilder writer, Context context, LoopModel loop, SlidingWrite write, bool fills, string carry)
    {
        if (!write.Carries)
        {
            return;
        }

        writer.OpenIf(Code.Of(loop.Start) + " < " + Code.Of(loop.End));
        writer.Line(context.Buffers[write.Vector] + "[" + SlidingWrite.Shifted(loop.End, write.Offset) + "]" + (fills ? " = " : " += ") + carry + ";");
        writer.Close();
        writer.Line();
    }

    /// <summary>
    /// Before anything else: the slots a filling loop will not reach are cleared (all of them if it never
    /// runs). Here and not after the loop: a call while doubles are live makes the JIT keep them in memory.
    /// </summary>
    private static void ClearUnfilledSlots(BlockBuilder writer, LoopModel loop, SlidingWrite write, string buffer)
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
            writer.OpenIf(Code.Of(loop.Start) + " >= " + Code.Of(loop.End));
            writer.Line(Zeroing.Statement(buffer));
            writer.Close();
            writer.Line();
            return;
        }

        writer.OpenIf(Code.Of(loop.Start) + " < " + Code.Of(loop.End));
        foreach (var clear in clears)
        {
            writer.Line(clear);
        }

        writer.Close();
        writer.OpenElse();
        writer.Line(Zeroing.Statement(buffer));
        writer.Close();
        writer.Line();
    }
}
