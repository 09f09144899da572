namespace SymDiff.Generator.Emitting;

/// <summary>
/// One level below <see cref="InnerLoopRecording"/>: when a loop records an inner loop's results, and that
/// inner loop's own backward sweep would run its inner loops again (GMM: per component, the sum over
/// dimensions j, whose sweep recomputes each <c>lx</c> from the triangle loop), the forward pass also
/// records those innermost results, once per iteration of both loops, and the sweeps read them.
/// </summary>
internal static class DeepRecording
{
    /// <summary>An inner loop of the recording loop, and its inner loops whose results are recorded on each of its iterations.</summary>
    /// <param name="Inner">The inner loop, in the recording loop's body and backward body.</param>
    /// <param name="Loop">The inner loop itself.</param>
    /// <param name="Nested">Its inner loops that are recorded.</param>
    /// <param name="Width">How many values one of its iterations records.</param>
    /// <param name="Offset">Where its values start in one iteration of the recording loop.</param>
    public sealed record Entry(InnerLoopModel Inner, LoopModel Loop, IReadOnlyList<InnerLoopModel> Nested, int Width, IntExpr Offset);

    /// <summary>
    /// What <paramref name="loop"/>'s forward pass records one level down, among the inner loops it records
    /// (<paramref name="recorded"/>) and runs (not in <paramref name="notRun"/>): those whose bounds do not change
    /// from one of its iterations to the next (<paramref name="invariant"/>), so each iteration records as many values.
    /// </summary>
    public static IReadOnlyList<Entry> Entries(LoopModel loop, IReadOnlyList<InnerLoopModel> recorded, ICollection<int> notRun, Func<IntExpr, bool> invariant)
    {
        var found = new List<(InnerLoopModel Inner, LoopModel Loop, IReadOnlyList<InnerLoopModel> Nested, int Width)>();
        foreach (var inner in recorded)
        {
            var model = loop.Body.Loops[(int)loop.Body.Nodes[inner.InBody].Payload];
            var swept = loop.Reverse.Nodes.Any(n => n.Operation == Operation.LoopAdjoint && n.Operand0 == inner.InReverse);
            if (!swept || notRun.Contains(inner.InBody) || !invariant(model.Start) || !invariant(model.End))
            {
                continue;
            }

            var nested = InnerLoopRecording.Recorded(model);
            if (nested.Count > 0)
            {
                found.Add((inner, model, nested, InnerLoopRecording.Width(model, nested)));
            }
        }

        // With several inner loops, one that does not run must take no room (a negative count would shift the others).
        var entries = new List<Entry>();
        var offset = IntExpr.Zero;
        foreach (var (inner, model, nested, width) in found)
        {
            entries.Add(new Entry(inner, model, nested, width, offset));
            var size = Size(model, width, found.Count > 1);
            offset = offset.IsZero ? size : IntExpr.Sum(offset, size);
        }

        return entries;
    }

    /// <summary>
    /// <paramref name="entry"/> as read by <paramref name="reader"/>, an inner loop of a later loop that computes the
    /// same results as the recorded one but may differ in its backward body: its own recorded inner loops, which
    /// must run the same computations in the same order; null when they do not.
    /// </summary>
    public static Entry? Reading(Entry entry, LoopModel reader)
    {
        var nested = InnerLoopRecording.Recorded(reader);
        if (nested.Count != entry.Nested.Count || !reader.Body.Equals(entry.Loop.Body) || reader.Index != entry.Loop.Index || !reader.Start.Equals(entry.Loop.Start))
        {
            return null;
        }

        for (var i = 0; i < nested.Count; i++)
        {
            var mine = reader.Reverse.Loops[(int)reader.Reverse.Nodes[nested[i].InReverse].Payload];
            var theirs = entry.Loop.Reverse.Loops[(int)entry.Loop.Reverse.Nodes[entry.Nested[i].InReverse].Payload];
            if (nested[i].InBody != entry.Nested[i].InBody || !mine.Body.Equals(theirs.Body) || mine.StateNames.Count != theirs.StateNames.Count)
            {
                return null;
            }
        }

        return entry with { Loop = reader, Nested = nested };
    }

    /// <summary>How many values one iteration of the recording loop records (valid once the loops run).</summary>
    public static IntExpr Stride(IReadOnlyList<Entry> entries)
        => entries.Select(e => Size(e.Loop, e.Width, entries.Count > 1)).Aggregate(IntExpr.Sum);

    /// <summary>As <see cref="Stride"/>, never negative, for the tape's length.</summary>
    public static IntExpr Length(IReadOnlyList<Entry> entries)
        => IntExpr.Grouped(entries.Select(e => Size(e.Loop, e.Width, nonNegative: true)).Aggregate(IntExpr.Sum));

    /// <summary>Where one iteration's values start for an inner loop: <c>ik * __l0_deepStride0</c>, given the local <paramref name="stride"/> holding <see cref="Stride"/>.</summary>
    public static IntExpr Base(LoopModel outer, string stride, Entry entry)
    {
        var start = Iteration(outer) * IntExpr.Named(stride);
        return entry.Offset.IsZero ? start : IntExpr.Sum(start, entry.Offset);
    }

    /// <summary>The iteration a loop is on, counted from 0: <c>i</c> or <c>(i - (start))</c>.</summary>
    public static IntExpr Iteration(LoopModel loop)
        => loop.Start.IsZero ? IntExpr.Named(loop.Index) : IntExpr.Grouped(LoopNests.Offset(loop.Index, loop.Start));

    private static IntExpr Size(LoopModel loop, int width, bool nonNegative)
    {
        var iterations = LoopNests.Size(loop.Start, loop.End);
        var count = nonNegative ? IntExpr.MaxOf(IntExpr.Zero, iterations) : loop.Start.IsZero ? iterations : IntExpr.Grouped(iterations);
        return width == 1 ? count : count * IntExpr.Constant(width);
    }
}
