using System.Runtime.CompilerServices;
using System.Text;

namespace SymDiff.Generator.Emitting;

/// <summary>
/// Arithmetic on vector elements inside a loop nested in another loop of one body, that does not read the
/// outer loop's index (the GMM's centred point <c>x[ix * d + i] - means[ik * d + i]</c> in the triangle's
/// loop over i, inside the loop over j): its value for each i is the same on every iteration over j, so
/// it is computed once per i into a table, filled in the body before the loop over j, and every body of
/// the loop over i (forward, recomputed, backward) reads the table instead. When the outer loop's body
/// computes the same value at its own index (<c>x[ix * d + j] - means[ik * d + j]</c>), it reads the same
/// table, which then covers both ranges.
/// </summary>
/// <remarks>
/// A value qualifies when it is evaluated on every iteration of its loop, that loop on every iteration of
/// the loop around it, and that loop on every iteration of the body that fills the table; when it reads
/// at least two elements and nothing but elements, literals and ints; and when the inner loop's range
/// over all iterations of the outer one is known: its start does not read the outer index and its end
/// reads it at most as <c>j + c</c>. The table covers exactly the indices the loops read, and is filled
/// only when the outer loop runs, so it reads no element the method would not. Its array is rented once,
/// before the method's top-level loop, so its size must read only the method's parameters.
/// </remarks>
internal sealed class HoistedValues
{
    private const int MaxNodes = 16;

    // Stands for the loop index in a value's shape, so that the inner loop's x[i] and the outer one's x[j] match.
    private static readonly IntExpr Placeholder = IntExpr.Named("\u0001");

    private readonly HoistedTapes _rentals;
    private readonly string _prefix;
    private readonly Dictionary<string, string> _tables = new();
    private BlockBuilder _fills = new();
    private readonly Dictionary<LoopModel, Dictionary<string, (IntExpr Start, IntExpr End)>> _innerValues = new(new ByReference());
    private readonly Dictionary<LoopModel, HashSet<string>> _outerValues = new(new ByReference());

    /// <param name="rentals">Where the tables' arrays are rented, before the top-level loop.</param>
    /// <param name="prefix">Prefix of the tables' names, unique in the method.</param>
    public HoistedValues(HoistedTapes rentals, string prefix)
    {
        _rentals = rentals;
        _prefix = prefix;
    }

    /// <summary>
    /// When set, the body is that of a forward loop whose tables a later loop's sweep reads too (see
    /// <see cref="IterationTables"/>): each table is kept for every iteration, in one array, this iteration's part
    /// a span over it.
    /// </summary>
    public IterationTables.Iterations? KeepEach { get; init; }

    /// <summary>When set, the body is that of a sweep whose tables an earlier loop kept for every iteration: read there, not filled again.</summary>
    public (IterationTables.Iterations Iterations, IReadOnlyDictionary<string, IterationTables.Table> Tables)? ReadKept { get; init; }

    /// <summary>The running locals and slices of the body the tables are filled in; a fill loop reads elements through slices of its own.</summary>
    public InductionVariables Scope { get; init; } = InductionVariables.None;

    /// <summary>The tables kept for every iteration (with <see cref="KeepEach"/>), by what they hold.</summary>
    public Dictionary<string, IterationTables.Table> Kept { get; } = new();

    /// <summary>Whether node <paramref name="id"/> of a body of <paramref name="inner"/>, nested in <paramref name="outer"/>, is read from a table.</summary>
    public bool Qualifies(EmissionPlan plan, int id, LoopModel outer, LoopModel inner) => FindInner(plan, id, outer, inner) is not null;

    /// <summary>Whether node <paramref name="id"/> of a body of <paramref name="outer"/> is read from the table of a value of its inner loop.</summary>
    public bool QualifiesOuter(EmissionPlan plan, int id, LoopModel outer) => FindOuter(plan, id, outer) is not null;

    /// <summary>The table read that replaces node <paramref name="id"/>, which <see cref="Qualifies"/>; the table is filled on first use.</summary>
    public Code Read(EmissionPlan plan, CSharpExpressionWriter expressions, int id, LoopModel outer, LoopModel inner)
        => Read(expressions, id, inner.Index, FindInner(plan, id, outer, inner) ?? throw new System.InvalidOperationException("Node " + id + " has no table."), outer);

    /// <summary>The table read that replaces node <paramref name="id"/>, which <see cref="QualifiesOuter"/>.</summary>
    public Code ReadOuter(EmissionPlan plan, CSharpExpressionWriter expressions, int id, LoopModel outer)
        => Read(expressions, id, outer.Index, FindOuter(plan, id, outer) ?? throw new System.InvalidOperationException("Node " + id + " has no table."), outer);

    /// <summary>The statements that fill the tables made since the last call, to write at the start of the body.</summary>
    public IReadOnlyList<Statement> TakeFills()
    {
        var fills = _fills.Root.Statements.ToList();
        _fills = new BlockBuilder();
        return fills;
    }

    private Code Read(CSharpExpressionWriter expressions, int id, string index, (string Shape, IntExpr Start, IntExpr End, bool Shared) found, LoopModel outer)
    {
        var offset = LoopNests.Offset(index, found.Start);
        var key = found.Shape + "|" + found.Start + "|" + found.End + "|" + outer.Start + "|" + outer.End;
        if (!_tables.TryGetValue(key, out var table))
        {
            table = _prefix + _tables.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _tables[key] = table;
            var width = LoopNests.Size(found.Start, found.End);
            var value = expressions.WriteInline(id).Text;
            OptimizationRemarks.Report(OptimizationPass.HoistedValueTable, value.Replace("global::System.", "") + " is tabulated in " + table + " over the range of " + index + ", computed once instead of on each iteration that needs it");
            if (ReadKept is { } kept && kept.Tables.TryGetValue(key, out var earlier))
            {
                _fills.Line("// " + value.Replace("global::System.", "") + " for every " + index + ", as the earlier loop over " + kept.Iterations.Index + " computed it.");
                _fills.Add(IterationTables.Part(table, earlier, kept.Iterations));
                _fills.Line();
                return Code.Name(table) + "[" + Code.Of(offset) + "]";
            }

            if (KeepEach is { } each && _rentals.TryHoist(IntExpr.Grouped(each.Count) * IntExpr.Grouped(width), table + "_each", table + "_each_count", BufferRole.Table))
            {
                var part = new IterationTables.Table(table + "_each", width);
                OptimizationRemarks.Report(OptimizationPass.IterationTable, table + " is kept for every iteration over " + outer.Index + " (" + table + "_each), for a later sweep to read");
                Kept[key] = part;
                _fills.Add(IterationTables.Part(table, part, each));
            }
            else if (!_rentals.TryHoist(width, table, table + "_count", BufferRole.Table))
            {
                throw new System.InvalidOperationException("Table " + table + " could not be rented.");
            }

            // The fill is a loop of its own, whose elements are read through slices (see ElementSlices).
            var fill = Scope.Enter(index, found.Start, found.End, backward: false, System.Array.Empty<IntExpr>(), table + "_");
            var sliced = expressions.WriteInline(id, fill.ElementCode);
            _fills.Line("// " + value.Replace("global::System.", "") + " for every " + index + (found.Shared
                ? ", once for the loop over " + outer.Index + " and the loop inside it."
                : ", once instead of on every iteration over " + outer.Index + "."));
            _fills.OpenIf(Code.Of(outer.Start) + " < " + Code.Of(outer.End));
            foreach (var declaration in fill.Declarations())
            {
                _fills.Add(declaration);
            }

            _fills.Open(new Loop(index, found.Start, found.End));
            _fills.Line(table + "[" + offset + "] = " + sliced + ";");
            _fills.Close();
            _fills.Close();
            _fills.Line();
        }

        return Code.Name(table) + "[" + Code.Of(offset) + "]";
    }

    /// <summary>For a value of the inner loop that qualifies: its shape and the range its table covers.</summary>
    private (string Shape, IntExpr Start, IntExpr End, bool Shared)? FindInner(EmissionPlan plan, int id, LoopModel outer, LoopModel inner)
    {
        if (!IsCandidate(plan.Model, id, inner.Index, outer.Index) || !ReferenceEquals(plan.Regions[id], Region.Root) || LoopNests.InnerRange(outer, inner) is not { } range)
        {
            return null;
        }

        // The source's own loop computes it on every iteration over that range.
        var shape = Shape(plan.Model, id, inner.Index);
        if (!InnerValues(outer).TryGetValue(shape, out var source) || source != range)
        {
            return null;
        }

        var union = OuterValues(outer).Contains(shape) ? Union(outer, range) : null;
        var end = union ?? range.End;
        return _rentals.CanHoist(LoopNests.Size(range.Start, end)) ? (shape, range.Start, end, union is not null) : null;
    }

    /// <summary>For a value of the outer loop that its inner loop also computes at its own index: its shape and the shared table's range.</summary>
    private (string Shape, IntExpr Start, IntExpr End, bool Shared)? FindOuter(EmissionPlan plan, int id, LoopModel outer)
    {
        if (!IsCandidate(plan.Model, id, outer.Index, null) || !ReferenceEquals(plan.Regions[id], Region.Root))
        {
            return null;
        }

        var shape = Shape(plan.Model, id, outer.Index);
        return OuterValues(outer).Contains(shape) && InnerValues(outer).TryGetValue(shape, out var range) && Union(outer, range) is { } end && _rentals.CanHoist(LoopNests.Size(range.Start, end))
            ? (shape, range.Start, end, true)
            : null;
    }

    /// <summary>The end of [start, end) ∪ the outer loop's range, when both start alike and their ends differ by a constant.</summary>
    private static IntExpr? Union(LoopModel outer, (IntExpr Start, IntExpr End) inner)
    {
        const string none = "\u0002";
        var (a, b) = (IntPolynomial.Of(outer.End, none), IntPolynomial.Of(inner.End, none));
        if (outer.Start != inner.Start || a is null || b is null || a.Plus(b.Scaled(-Rational.One)).AsConstant is not { } difference)
        {
            return null;
        }

        return difference.Numerator.Sign > 0 ? outer.End : inner.End;
    }

    /// <summary>The shapes of the values the outer loop's own body computes at its index, on every iteration.</summary>
    private HashSet<string> OuterValues(LoopModel outer)
    {
        if (!_outerValues.TryGetValue(outer, out var shapes))
        {
            var body = outer.Body;
            var always = LoopNests.Unconditional(body);
            shapes = new HashSet<string>(Enumerable.Range(0, body.Nodes.Count)
                .Where(id => always[id] && IsCandidate(body, id, outer.Index, null))
                .Select(id => Shape(body, id, outer.Index)));
            _outerValues[outer] = shapes;
        }

        return shapes;
    }

    /// <summary>The shapes of the values the outer loop's inner loops would tabulate, with their ranges.</summary>
    private Dictionary<string, (IntExpr Start, IntExpr End)> InnerValues(LoopModel outer)
    {
        if (!_innerValues.TryGetValue(outer, out var values))
        {
            values = new Dictionary<string, (IntExpr Start, IntExpr End)>();
            var body = outer.Body;
            var always = LoopNests.Unconditional(body);
            foreach (var id in Enumerable.Range(0, body.Nodes.Count).Where(id => always[id] && body.Nodes[id].Operation == Operation.Loop))
            {
                var inner = body.Loops[(int)body.Nodes[id].Payload];
                if (LoopNests.InnerRange(outer, inner) is not { } range)
                {
                    continue;
                }

                // Only values read on their own: one inside a larger tabulated value is not computed by the inner loop.
                var innerAlways = LoopNests.Unconditional(inner.Body);
                var candidates = Enumerable.Range(0, inner.Body.Nodes.Count).Where(v => innerAlways[v] && IsCandidate(inner.Body, v, inner.Index, outer.Index)).ToList();
                var candidateSet = new HashSet<int>(candidates);
                var subsumed = new HashSet<int>(candidates);
                var nodes = inner.Body.Nodes;
                foreach (var user in Enumerable.Range(0, nodes.Count).Where(u => !candidateSet.Contains(u)))
                {
                    for (var i = 0; i < nodes[user].Arity; i++)
                    {
                        subsumed.Remove(nodes[user].Operand(i));
                    }
                }

                subsumed.ExceptWith(inner.Body.Values.Concat(inner.Body.Outputs));
                foreach (var value in candidates.Where(v => !subsumed.Contains(v)))
                {
                    var shape = Shape(inner.Body, value, inner.Index);
                    if (!values.ContainsKey(shape))
                    {
                        values[shape] = range;
                    }
                }
            }

            _innerValues[outer] = values;
        }

        return values;
    }

    /// <summary>
    /// Whether node <paramref name="id"/> is arithmetic on at least two elements, ints and literals that reads
    /// <paramref name="index"/> and not <paramref name="excluded"/>.
    /// </summary>
    private static bool IsCandidate(DerivativeGraphModel model, int id, string index, string? excluded)
    {
        if (model.Scalar != "double" || !IsArithmetic(model.Nodes[id].Operation))
        {
            return false;
        }

        var names = new HashSet<string>();
        var elements = 0;
        var budget = MaxNodes;
        return Reads(model, id, names, ref elements, ref budget) && elements >= 2
            && names.Contains(index.TrimStart('@')) && (excluded is null || !names.Contains(excluded.TrimStart('@')));
    }

    /// <summary>The expression's structure, its loop index written as one placeholder.</summary>
    private static string Shape(DerivativeGraphModel model, int id, string index)
    {
        var shape = new StringBuilder();
        void Append(int node)
        {
            var n = model.Nodes[node];
            switch (n.Operation)
            {
                case Operation.Constant:
                    shape.Append('c').Append(System.BitConverter.DoubleToInt64Bits(n.Constant));
                    return;
                case Operation.Integer:
                    shape.Append("i(").Append(model.IntegerValue(node).Substitute(index, Placeholder)).Append(')');
                    return;
                case Operation.Element:
                    var (vector, at) = model.ElementParts(node);
                    shape.Append("e(").Append(vector).Append('[').Append(at.Substitute(index, Placeholder)).Append("])");
                    return;
            }

            shape.Append(n.Operation).Append('(');
            for (var i = 0; i < n.Arity; i++)
            {
                shape.Append(i > 0 ? "," : "");
                Append(n.Operand(i));
            }

            shape.Append(')');
        }

        Append(id);
        return shape.ToString();
    }

    private static bool IsArithmetic(Operation operation)
        => operation is Operation.Add or Operation.Subtract or Operation.Multiply or Operation.Divide or Operation.Negate;

    /// <summary>
    /// Collects the names the expression at <paramref name="id"/> reads and counts its elements; false when it
    /// holds anything but arithmetic on elements, ints and literals, or more than <paramref name="budget"/> nodes.
    /// </summary>
    private static bool Reads(DerivativeGraphModel model, int id, HashSet<string> names, ref int elements, ref int budget)
    {
        if (--budget < 0)
        {
            return false;
        }

        var node = model.Nodes[id];
        switch (node.Operation)
        {
            case Operation.Constant:
                return true;
            case Operation.Integer:
                names.UnionWith(model.IntegerValue(id).Names());
                return true;
            case Operation.Element:
                var (vector, index) = model.ElementParts(id);
                names.Add(vector.TrimStart('@'));
                names.UnionWith(index.Names());
                elements++;
                return true;
        }

        if (!IsArithmetic(node.Operation))
        {
            return false;
        }

        for (var i = 0; i < node.Arity; i++)
        {
            if (!Reads(model, node.Operand(i), names, ref elements, ref budget))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Loops compared as the objects they are: records compare deeply, and two loops may be alike.</summary>
    private sealed class ByReference : IEqualityComparer<LoopModel>
    {
        public bool Equals(LoopModel? x, LoopModel? y) => ReferenceEquals(x, y);

        public int GetHashCode(LoopModel obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
