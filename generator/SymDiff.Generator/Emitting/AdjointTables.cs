using System.Globalization;

namespace SymDiff.Generator.Emitting;

/// <summary>
/// During one backward sweep of a loop L: the element adjoints its inner loop M adds, on each of its
/// iterations, into slots that do not depend on L's index, with one value up to its sign
/// (<c>dx[ix * d + i] += r; dmeans[ik * d + i] += -r;</c>, the adjoint of the GMM's centred point). They are
/// summed per index of M into one table, <c>acc[i] += r</c>, and added to their slots once after the
/// sweep: one read-modify-write per entry instead of one per slot.
/// </summary>
/// <remarks>
/// A group qualifies when every slot's index reads M's index and not L's, M's range over all iterations
/// of L is known (as for <see cref="HoistedValues"/>), its adjoints are not guarded by a condition, and
/// M's forward body reads each element on every iteration: then the sum after L's sweep writes only slots
/// the source reads, still inside the sweep that wrote them before. The value is not touched, only the
/// order in which the gradient's terms are added.
/// </remarks>
internal sealed class AdjointTables
{
    private readonly HoistedTapes _rentals;
    private readonly string _prefix;
    private readonly LoopModel _outer;
    private readonly IReadOnlyDictionary<string, string> _buffers;
    private readonly Dictionary<string, (string Table, IntExpr Start, IntExpr End, string Index, List<(string Target, bool Negated)> Slots)> _tables = new();

    /// <param name="rentals">Where the tables' arrays are rented, before the top-level loop.</param>
    /// <param name="prefix">Prefix of the tables' names, unique in the method.</param>
    /// <param name="outer">The loop swept.</param>
    /// <param name="buffers">The gradient buffer of each vector.</param>
    public AdjointTables(HoistedTapes rentals, string prefix, LoopModel outer, IReadOnlyDictionary<string, string> buffers)
    {
        _rentals = rentals;
        _prefix = prefix;
        _outer = outer;
        _buffers = buffers;
    }

    /// <summary>
    /// For the element adjoints of one iteration of a backward body of <paramref name="inner"/> (outputs from
    /// <paramref name="first"/> on, for <paramref name="elements"/>): the statements that add the groups that
    /// qualify into their tables, and which elements they cover.
    /// </summary>
    public (IReadOnlyList<string> Lines, ISet<int> Covered) Accumulate(EmissionPlan plan, CSharpExpressionWriter expressions, DerivativeGraphModel body, LoopModel inner, int first, IReadOnlyList<int> elements)
    {
        var lines = new List<string>();
        var covered = new HashSet<int>();
        if (body.Scalar != "double" || LoopNests.InnerRange(_outer, inner) is not { } range || !_rentals.CanHoist(LoopNests.Size(range.Start, range.End)))
        {
            return (lines, covered);
        }

        var read = LoopNests.ElementsReadOnEveryIteration(inner);
        var groups = new Dictionary<int, List<(int Element, bool Negated)>>();
        for (var e = 0; e < elements.Count; e++)
        {
            var value = body.Outputs[first + e];
            var negated = body.Nodes[value].Operation == Operation.Negate;
            var root = negated ? body.Nodes[value].Operand0 : value;
            var (vector, index) = body.ElementParts(elements[e]);
            if (body.Nodes[root].Operation == Operation.Select || !index.Reads(inner.Index) || index.Reads(_outer.Index) || !read.Contains((vector, index)))
            {
                continue;
            }

            if (!groups.TryGetValue(root, out var group))
            {
                groups[root] = group = new List<(int, bool)>();
            }

            group.Add((e, negated));
        }

        foreach (var pair in groups.Where(g => g.Value.Count >= 2).OrderBy(g => g.Value[0].Element))
        {
            var slots = pair.Value.Select(m => (Target: Target(body, elements[m.Element]), m.Negated)).ToList();
            var key = inner.Index + "|" + range.Start + "|" + range.End + "|" + string.Join(";", slots.Select(s => (s.Negated ? "-" : "+") + s.Target));
            if (!_tables.TryGetValue(key, out var table))
            {
                var name = _prefix + _tables.Count.ToString(CultureInfo.InvariantCulture);
                if (!_rentals.TryHoist(LoopNests.Size(range.Start, range.End), name, name + "_count", BufferRole.AdjointAccumulator))
                {
                    continue;
                }

                _tables[key] = table = (name, range.Start, range.End, inner.Index, slots);
                OptimizationRemarks.Report(OptimizationPass.AdjointAccumulation, "the adjoints of " + string.Join(", ", slots.Select(s => s.Target)) + " in the sweep of the loop over " + inner.Index + " are accumulated per index in " + name + " and added once");
            }

            lines.Add(table.Table + "[" + LoopNests.Offset(inner.Index, range.Start) + "] += " + expressions.Write(pair.Key) + ";");
            covered.UnionWith(pair.Value.Select(m => m.Element));
        }

        return (lines, covered);
    }

    /// <summary>
    /// Before the sweep: the tables used, cleared over their range by a loop (a call such as <c>Array.Clear</c>
    /// here, with doubles live across it, would make the JIT keep them in memory).
    /// </summary>
    public IReadOnlyList<Statement> Clears()
    {
        var clears = new BlockBuilder();
        foreach (var t in _tables.Values)
        {
            clears.Open(new Loop(t.Index, t.Start, t.End));
            clears.Line(t.Table + "[" + LoopNests.Offset(t.Index, t.Start) + "] = 0.0;");
            clears.Close();
            clears.Line();
        }

        return clears.Root.Statements;
    }

    /// <summary>After the sweep, if it ran: each table added to its slots, each with its sign.</summary>
    public IReadOnlyList<Statement> Flushes()
    {
        var flushes = new BlockBuilder();
        flushes.OpenIf(Code.Of(_outer.Start) + " < " + Code.Of(_outer.End));
        var first = true;
        foreach (var t in _tables.Values)
        {
            if (!first)
            {
                flushes.Line();
            }

            first = false;
            flushes.Open(new Loop(t.Index, t.Start, t.End));
            foreach (var (target, negated) in t.Slots)
            {
                flushes.Line(target + (negated ? " -= " : " += ") + t.Table + "[" + LoopNests.Offset(t.Index, t.Start) + "];");
            }

            flushes.Close();
        }

        flushes.Close();
        flushes.Line();
        return flushes.Root.Statements;
    }

    private string Target(DerivativeGraphModel body, int element)
    {
        var (vector, index) = body.ElementParts(element);
        return _buffers[vector] + "[" + index + "]";
    }

}
