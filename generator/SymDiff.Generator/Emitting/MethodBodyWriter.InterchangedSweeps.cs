namespace SymDiff.Generator.Emitting;

internal static partial class MethodBodyWriter
{
    /// <summary>
    /// After the sweep over L: the sweeps of an inner sum M that L's iterations deferred (<see cref="InterchangedSweeps"/>),
    /// as one nest over the same (i, j) pairs, M's index i outside, L's index j inside, each j reading its seeds from
    /// the table L's iteration j filled. An element adjoint whose slot does not read j, read on every iteration of
    /// M's forward body and not guarded, is summed in a local over j (per value, up to its sign) and added once per i;
    /// a read that does not change with j is made once per i, before the loop over j (which runs at least once for
    /// each i of the nest).
    /// </summary>
    /// <param name="context">L's backward body, where M's sweep was met.</param>
    /// <param name="id">M's backward loop node in that body.</param>
    /// <param name="neededSeeds">The seeds M's backward body reads, by carried value.</param>
    /// <param name="tables">The table of each of <paramref name="neededSeeds"/>, over L's range.</param>
    /// <param name="condition">When the nest runs.</param>
    /// <param name="nest">M, its ranges and sums, and the tables of L's own adjoints the sums start from.</param>
    private static void WriteInterchangedSweep(BlockBuilder writer, Context context, InterchangedSweeps interchange, int id, IReadOnlyList<int> neededSeeds, IReadOnlyList<string> tables, string condition, InterchangedSweeps.Nest nest)
    {
        var ranges = nest.Ranges;
        var plan = context.Plan;
        var node = plan.Model.Nodes[id];
        var inner = plan.Model.Loops[(int)node.Payload];
        var outer = interchange.Outer;
        var m = inner.StateNames.Count;
        var capturedCount = plan.Model.Nodes[node.Operand0].Arity - m;
        var seedNames = Enumerable.Range(0, m).Select(k => plan.SweepName("xs", id, k)).ToList();

        // The backward body reads only the seeds: the carried and captured values it does not read get no names.
        var body = inner.Reverse with
        {
            Parameters = Enumerable.Repeat("__unread", m + capturedCount).Concat(seedNames).ToEquatableArray(),
        };

        var first = m + capturedCount;
        var outerIndex = outer.Index.TrimStart('@');
        var (sums, direct) = (nest.Sums, nest.Direct);
        var folded = nest.Folds.Any(f => f is not null);

        var indices = Indices(body).ToList();
        var sumNames = Enumerable.Range(0, sums.Count).Select(g => plan.SweepName("xa", id, g)).ToList();

        // With L's own adjoints folded in, the nest runs whenever L's sweep did: only the loop over j waits for a seed that is not zero.
        var ownOffset = LoopNests.Offset(inner.Index, outer.Start);
        var guardsInner = folded && nest.IsGuarded;
        if (!guardsInner)
        {
            writer.OpenIf(Code.Plain(condition));
        }

        var aroundInner = interchange.Inductions.Enter(inner.Index, ranges.Start, ranges.End, backward: false, indices.Where(i => !i.Reads(outer.Index)), plan.SweepName("xi", id) + "_");
        var innerHeader = writer.Placeholder();
        writer.Open(new Loop(inner.Index, ranges.Start, ranges.End));
        for (var g = 0; g < sumNames.Count; g++)
        {
            writer.Let("double", sumNames[g], nest.Folds[g] is { } fold ? (fold.Flipped ? "-" : "") + fold.Table + "[" + ownOffset + "]" : "0.0");
        }

        if (guardsInner)
        {
            writer.OpenIf(Code.Plain(condition));
        }

        // Each i's row of the seed tables, and of the vectors M reads on every iteration at o + j (the packed triangle's
        // column), is a slice, read from 0 in a loop the JIT drops the bounds checks of. M's forward pass read every one
        // of those elements already, so no slice reaches past its vector.
        var jPrefix = plan.SweepName("xj", id) + "_";
        var jIndices = indices.Where(i => i.Reads(outer.Index));
        var aroundOuter = neededSeeds.Count > 0
            ? aroundInner.EnterRows(outer.Index, ranges.InnerStart, outer.End, jIndices, jPrefix, jPrefix + "k", RowsRead(context, inner, tables))
            : aroundInner.Enter(outer.Index, ranges.InnerStart, outer.End, backward: false, jIndices, jPrefix, linear: true);
        var seedReads = tables.Select(table => aroundOuter.ElementCode(table, LoopNests.Offset(outer.Index, outer.Start), SeedTable)).ToList();
        var outerHeader = writer.Placeholder();
        var counter = aroundOuter.RowLoop();
        writer.Open(counter is { } rows
            ? new Loop(rows.Counter, IntExpr.Zero, rows.Count)
            : new Loop(outer.Index, ranges.InnerStart, outer.End));
        var outerBody = writer.Placeholder();
        for (var n = 0; n < neededSeeds.Count; n++)
        {
            writer.Let("double", seedNames[neededSeeds[n]], seedReads[n]);
        }

        // Reads that do not change with j (the centred point's table at i, an element at i) are made once per i.
        var bodyPrefix = plan.SweepName("xr", id) + "_";
        var hoisted = new Dictionary<string, Code>();
        var hoistedLines = new List<Statement>();
        Code? Hoist(Code read)
        {
            if (!read.ReadsAreKnown || read.Reads().Any(n => n == outerIndex || n.StartsWith(jPrefix, System.StringComparison.Ordinal) || n.StartsWith(bodyPrefix, System.StringComparison.Ordinal) || seedNames.Contains(n)))
            {
                return null;
            }

            if (!hoisted.TryGetValue(read.Text, out var local))
            {
                hoisted[read.Text] = local = Code.Name(plan.SweepName("xh", id, hoisted.Count));
                hoistedLines.Add(new Let("double", local.Text, read));
            }

            return local;
        }

        WriteNested(writer, context, inner, body, bodyPrefix, body.Outputs, aroundOuter, unconditional: true, NothingRecorded, out var nested, hoist: Hoist);
        for (var g = 0; g < sums.Count; g++)
        {
            writer.Accumulate(Code.Name(sumNames[g]), nested.Expressions.WriteCode(sums[g].Root));
        }

        foreach (var e in direct)
        {
            WriteElementAdjoint(writer, nested, ElementTarget(nested, body, inner.ReverseElements[e]), body.Outputs[first + e]);
        }

        if (counter is { } row && ProgramReads.MayRead(writer.Current.Statements, outerIndex))
        {
            // Something in the body other than an element read reads j itself.
            var start = ranges.InnerStart.IsPlain ? ranges.InnerStart.ToString() : "(" + ranges.InnerStart + ")";
            outerBody.Prepend(new[] { new Let("int", outer.Index, start + " + " + row.Counter) });
        }

        outerHeader.Prepend(hoistedLines);
        CloseLoop(writer, outerHeader, aroundOuter, blankLine: !guardsInner);
        if (guardsInner)
        {
            writer.Close();
            writer.Line();
        }

        for (var g = 0; g < sums.Count; g++)
        {
            foreach (var (element, negated) in sums[g].Slots)
            {
                var (vector, index) = body.ElementParts(inner.ReverseElements[element]);
                writer.Accumulate(aroundInner.ElementCode(context.Buffers[vector], index), Code.Name(sumNames[g]), subtract: negated);
            }
        }

        CloseLoop(writer, innerHeader, aroundInner, blankLine: false);
        if (!guardsInner)
        {
            writer.Close();
        }

        writer.Line();
        if (folded && ranges.Tail != outer.End)
        {
            WriteFoldTail(writer, context, interchange, nest, sums, body, plan.SweepName("xt", id) + "_");
        }
    }

    private static readonly (string SpanType, bool IsArray) SeedTable = ("global::System.ReadOnlySpan<double>", true);

    /// <summary>
    /// Which elements the nest may read in rows (vector or gradient buffer, index): the seed tables, which cover L's
    /// range, and the elements of M's forward body that it reads on every iteration, and so at every (i, j) of the nest,
    /// with their gradient buffers' slots (as long as their vectors).
    /// </summary>
    private static Func<string, IntExpr, bool> RowsRead(Context context, LoopModel inner, IReadOnlyList<string> tables)
    {
        var read = LoopNests.ElementsReadOnEveryIteration(inner);
        var vectors = context.Buffers.ToDictionary(b => b.Value, b => b.Key);
        return (vector, index) => tables.Contains(vector)
            || read.Contains((vectors.TryGetValue(vector, out var primal) ? primal : vector, index));
    }

    /// <summary>
    /// For the i past M's range up to L's end, whose sums hold only L's own adjoints: those added to their slots, which
    /// read i as the sums' slots do.
    /// </summary>
    private static void WriteFoldTail(BlockBuilder writer, Context context, InterchangedSweeps interchange, InterchangedSweeps.Nest nest, IReadOnlyList<InterchangedSweeps.SummedAdjoint> sums, DerivativeGraphModel body, string prefix)
    {
        var inner = nest.Inner;
        var outer = interchange.Outer;
        var slots = sums.Where((_, g) => nest.Folds[g] is not null).SelectMany(sum => sum.Slots).Select(slot => body.ElementParts(inner.ReverseElements[slot.Element]).Index).ToList();
        var around = interchange.Inductions.Enter(inner.Index, nest.Ranges.Tail!, outer.End, backward: false, slots, prefix);
        var header = writer.Placeholder();
        writer.Open(new Loop(inner.Index, nest.Ranges.Tail!, outer.End));
        for (var g = 0; g < sums.Count; g++)
        {
            if (nest.Folds[g] is not { } fold)
            {
                continue;
            }

            foreach (var (element, negated) in sums[g].Slots)
            {
                var (vector, index) = body.ElementParts(inner.ReverseElements[element]);
                var sign = negated != fold.Flipped ? " -= " : " += ";
                writer.Line(around.Element(context.Buffers[vector], index) + sign + fold.Table + "[" + LoopNests.Offset(inner.Index, outer.Start) + "];");
            }
        }

        CloseLoop(writer, header, around);
    }
}
