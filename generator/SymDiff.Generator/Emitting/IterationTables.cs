namespace SymDiff.Generator.Emitting;

/// <summary>
/// Tables of <see cref="HoistedValues"/> that a forward loop's body fills on each of its iterations and a later loop's
/// sweep over the same range fills again with the same values (the GMM's centred point, per component, in the max
/// pass and in the shifted sum's sweep, which reads the max pass's record). The forward loop keeps each such table
/// for every iteration, in one array rented before the top-level loop; the sweep reads its iteration's part.
/// </summary>
/// <remarks>
/// The sweep's loop reads the earlier loop's record of inner-loop results (see <see cref="SharedInnerLoops"/>): both run
/// over the same range with the same inner loops, so a table with the same contents (the same expression over the same
/// range, around the same loops) holds the same values at the same iteration, all computed before the sweep.
/// </remarks>
internal static class IterationTables
{
    /// <summary>A loop's iterations: the loop variable, its offset from the start (<c>ik</c>, <c>i - (lo)</c>) and the count.</summary>
    public sealed record Iterations(string Index, IntExpr Offset, IntExpr Count);

    /// <summary>A table kept for every iteration: the array and the width of one iteration's part.</summary>
    public readonly record struct Table(string Array, IntExpr Width);

    /// <summary>
    /// <c>Span&lt;double&gt; name = new Span&lt;double&gt;(array, offset * width, width);</c>: one iteration's part, under the
    /// table's name. A width that may be negative (the loop over it then runs no iteration) counts as 0.
    /// </summary>
    public static Let Part(string name, Table table, Iterations iterations)
    {
        var width = table.Width is { Op: IntOp.Constant, Value: >= 0 } ? table.Width : IntExpr.MaxOf(IntExpr.Zero, table.Width);
        return new Let("global::System.Span<double>", name, "new global::System.Span<double>(" + table.Array + ", " + (Factor(iterations.Offset) * Factor(width)) + ", " + width + ")");
    }

    private static IntExpr Factor(IntExpr e) => e.IsPlain || e.Op == IntOp.Max || e is { Op: IntOp.Constant, Value: >= 0 } ? e : IntExpr.Grouped(e);

    /// <summary>The iterations of a loop, for its body's tables.</summary>
    public static Iterations Of(Model.LoopModel loop) => new(loop.Index, LoopNests.Offset(loop.Index, loop.Start), LoopNests.Size(loop.Start, loop.End));

    /// <summary>The tables the earlier loops of a sweep's loop kept, merged (the first one's where two hold the same).</summary>
    public static IReadOnlyDictionary<string, Table> Merge(IEnumerable<IReadOnlyDictionary<string, Table>> kept)
    {
        var merged = new Dictionary<string, Table>();
        foreach (var pair in kept.SelectMany(tables => tables))
        {
            if (!merged.ContainsKey(pair.Key))
            {
                merged[pair.Key] = pair.Value;
            }
        }

        return merged;
    }
}
