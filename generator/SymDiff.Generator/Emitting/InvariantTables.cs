using System.Text;

namespace SymDiff.Generator.Emitting;

/// <summary>
/// Math calls inside the loops nested in one loop of the method's top level (and in its backward sweeps,
/// which read the same tables) whose argument does not
/// change from one of its iterations to the next (<c>Math.Exp(icf[ik * s + j])</c> inside a loop over
/// data points): each is computed once per value of the nested indices it reads, into a table filled
/// before the top-level loop, and every body that would call it (forward, backward, recomputed) reads
/// the table instead. The JIT hoists no call out of a loop, and a transcendental costs ten times a load.
/// </summary>
/// <remarks>
/// A call qualifies when its argument reads only elements of the method's vectors, literals, the
/// method's parameters and the indices of nested loops whose bounds read only parameters, and it is
/// evaluated on every iteration of its body (not in one branch of a conditional). The table is filled
/// only if the top-level loop runs (and every nested loop around the call whose index it does not
/// read), so it reads no element that the method would not.
/// </remarks>
internal sealed class InvariantTables
{
    private readonly HashSet<string> _parameters;
    private readonly LoopModel _top;
    private readonly string _prefix;
    private readonly string _scalar;
    private readonly Dictionary<string, string> _tables = new();
    private BlockBuilder _fills = new();
    private bool _pending;

    /// <param name="parameters">The parameters of the method's top-level DAG, which its body never assigns.</param>
    /// <param name="top">The loop of the method's top level the tables are filled before.</param>
    /// <param name="prefix">Prefix of the tables' names, unique in the method.</param>
    /// <param name="scalar">The method's scalar type.</param>
    public InvariantTables(IEnumerable<string> parameters, LoopModel top, string prefix, string scalar)
    {
        _parameters = new HashSet<string>(parameters.Select(p => p.TrimStart('@')));
        _top = top;
        _prefix = prefix;
        _scalar = scalar;
    }

    /// <summary>The condition under which the top-level loop runs at all (after an early return), or null.</summary>
    public string? RunsWhen { get; init; }

    /// <summary>
    /// The statements that rent and fill the tables made since the last call, to write before the loop being
    /// written: the forward loop's, then those only its backward sweep needs (the derivative's <c>Math.Cos</c>).
    /// </summary>
    public IReadOnlyList<Statement> TakeFills()
    {
        if (!_pending)
        {
            return System.Array.Empty<Statement>();
        }

        var statements = _fills.Root.Statements;
        var end = statements.Count;
        while (end > 0 && statements[end - 1] is Separator)
        {
            end--;
        }

        var fills = statements.Take(end).Append(Separator.Instance).ToList();
        _fills = new BlockBuilder();
        _pending = false;
        return fills;
    }

    /// <summary>The tables' buffers, to give back after the last loop that reads them.</summary>
    public IEnumerable<PooledBuffer> Rented => _tables.Values.Select(table => new PooledBuffer(table, null, BufferRole.Table, _scalar));

    /// <summary>Whether node <paramref name="id"/> of a body nested in <paramref name="enclosing"/> (outermost first, the top-level loop excluded) is read from a table.</summary>
    public bool Qualifies(EmissionPlan plan, int id, IReadOnlyList<LoopModel> enclosing) => Find(plan, id, enclosing) is not null;

    /// <summary>
    /// The table read that replaces node <paramref name="id"/>, which <see cref="Qualifies"/>, in the scope of
    /// <paramref name="inductions"/>; the table is filled on first use.
    /// </summary>
    public Code Read(EmissionPlan plan, CSharpExpressionWriter expressions, int id, IReadOnlyList<LoopModel> enclosing, InductionVariables inductions)
    {
        var (key, indexed, around) = Find(plan, id, enclosing) ?? throw new System.InvalidOperationException("Node " + id + " has no table.");
        if (!_tables.TryGetValue(key, out var table))
        {
            table = _prefix + _tables.Count;
            _tables[key] = table;
            var value = expressions.WriteInline(id).Text;
            OptimizationRemarks.Report(OptimizationPass.InvariantTable, value.Replace("global::System.", "") + " is tabulated in " + table + " for every " + string.Join(", ", indexed.Select(l => l.Index)) + ", once instead of on every iteration over " + _top.Index);
            WriteFill(table, value, indexed, around);
            _pending = true;
        }

        return inductions.ElementCode(table, Slot(table, indexed), ("global::System.ReadOnlySpan<" + _scalar + ">", true));
    }

    /// <summary>
    /// For a node that qualifies: what identifies its table (its expression and the loops it is under),
    /// the loops whose indices it reads (the table's dimensions), and the others around it.
    /// </summary>
    private (string Key, List<LoopModel> Indexed, List<LoopModel> Around)? Find(EmissionPlan plan, int id, IReadOnlyList<LoopModel> enclosing)
    {
        var model = plan.Model;
        if (!IsCostly(model, id) || !ReferenceEquals(plan.Regions[id], Region.Root))
        {
            return null;
        }

        var names = new HashSet<string>();
        var shape = new StringBuilder();
        var budget = 64;
        if (!Describe(model, id, shape, names, ref budget) || enclosing.Any(l => !l.Start.ReadsOnly(_parameters) || !l.End.ReadsOnly(_parameters)))
        {
            return null;
        }

        var indexed = enclosing.Where(l => names.Contains(l.Index)).ToList();
        if (indexed.Count == 0 || !names.All(n => _parameters.Contains(n) || indexed.Any(l => l.Index == n)))
        {
            return null;
        }

        var around = enclosing.Where(l => !names.Contains(l.Index)).ToList();
        var key = shape + "|" + string.Join(";", enclosing.Select(l => (names.Contains(l.Index) ? "" : "~") + l.Index + "," + l.Start + "," + l.End));
        return (key, indexed, around);
    }

    private void WriteFill(string table, string value, IReadOnlyList<LoopModel> indexed, IReadOnlyList<LoopModel> around)
    {
        var writer = _fills;
        writer.Line("// " + value.Replace("global::System.", "") + " for every " + string.Join(", ", indexed.Select(l => l.Index)) + ", once instead of on every iteration over " + _top.Index + ".");
        // The lengths too are computed only where the fill runs, when they divide (see HoistedTapes.Guarded).
        var runs = string.Join(" && ", (RunsWhen is null ? System.Array.Empty<string>() : new[] { "(" + RunsWhen + ")" }).Concat(new[] { _top }.Concat(around).Select(l => l.Start + " < " + l.End)));
        for (var d = 1; d < indexed.Count; d++)
        {
            writer.Let("int", Length(table, d), HoistedTapes.Guarded(Count(indexed[d]), runs));
        }

        var size = string.Join(" * ", new[] { HoistedTapes.Guarded(Count(indexed[0]), runs) }.Concat(Enumerable.Range(1, indexed.Count - 1).Select(d => Length(table, d))));
        writer.Add(new Rent(new PooledBuffer(table, null, BufferRole.Table, _scalar), size));
        writer.OpenIf(Code.Plain(runs));
        foreach (var loop in indexed)
        {
            writer.Open(new Loop(loop.Index, loop.Start, loop.End));
        }

        writer.Line(table + "[" + Slot(table, indexed) + "] = " + value + ";");
        foreach (var _ in indexed)
        {
            writer.Close();
        }

        writer.Close();
        writer.Line();
    }

    private static string Length(string table, int dimension) => table + "_n" + dimension;

    private static IntExpr Count(LoopModel loop) => IntExpr.MaxOf(IntExpr.Zero, LoopNests.Size(loop.Start, loop.End));

    /// <summary>Row-major position of the current indices: <c>ik * __table0_0_n1 + j</c>.</summary>
    private static IntExpr Slot(string table, IReadOnlyList<LoopModel> indexed)
    {
        var slot = DeepRecording.Iteration(indexed[0]);
        for (var d = 1; d < indexed.Count; d++)
        {
            slot = ((d == 1 ? slot : IntExpr.Grouped(slot)) * IntExpr.Named(Length(table, d))) + DeepRecording.Iteration(indexed[d]);
        }

        return slot;
    }

    /// <summary>A call worth a table: a transcendental function, a root or a non-integer power.</summary>
    private static bool IsCostly(DerivativeGraphModel model, int id)
    {
        var node = model.Nodes[id];
        return OperationTable.IsCostly(node.Operation) && CSharpExpressionWriter.IntegerExponent(node, model.Nodes) is null;
    }

    /// <summary>
    /// Writes the structure of the expression at <paramref name="id"/> into <paramref name="shape"/> and the
    /// names its code reads into <paramref name="names"/>; false when it reads a value of the body itself
    /// (a parameter of the body: a carried or captured value) or a call's or loop's result, or has more
    /// than <paramref name="budget"/> nodes as a tree.
    /// </summary>
    private static bool Describe(DerivativeGraphModel model, int id, StringBuilder shape, HashSet<string> names, ref int budget)
    {
        if (--budget < 0)
        {
            return false;
        }

        var node = model.Nodes[id];
        switch (node.Operation)
        {
            case Operation.Constant:
                shape.Append('c').Append(node.Payload);
                return true;
            case Operation.Integer:
                var code = model.IntegerValue(id);
                names.UnionWith(code.Names());
                shape.Append("i(").Append(code).Append(')');
                return true;
            case Operation.Element:
                var (vector, index) = model.ElementParts(id);
                names.Add(vector.TrimStart('@'));
                names.UnionWith(index.Names());
                shape.Append("e(").Append(vector).Append('[').Append(index).Append("])");
                return true;
            // A conditional stays out: its branches would be placed as if computed, and then never written.
            case Operation.Parameter or Operation.CallGradient or Operation.Result or Operation.Loop or Operation.LoopAdjoint or Operation.LoopResult or Operation.Store or Operation.Select:
                return false;
        }

        shape.Append(node.Operation).Append('(');
        for (var i = 0; i < node.Arity; i++)
        {
            shape.Append(i > 0 ? "," : "");
            if (!Describe(model, node.Operand(i), shape, names, ref budget))
            {
                return false;
            }
        }

        shape.Append(')');
        return true;
    }
}
