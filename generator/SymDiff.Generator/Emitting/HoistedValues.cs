using System.Collections.Generic;
using System.Linq;
using SymDiff.Generator.Model;

namespace SymDiff.Generator.Emitting;

/// <summary>
/// Arithmetic on vector elements inside a loop nested in another loop of one body, that does not read the
/// outer loop's index (the GMM's centred point <c>x[ix * d + i] - means[ik * d + i]</c> in the triangle's
/// loop over i, inside the loop over j): its value for each i is the same on every iteration over j, so
/// it is computed once per i into a table, filled in the body before the loop over j, and every body of
/// the loop over i (forward, recomputed, backward) reads the table instead.
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

    private readonly HoistedTapes _rentals;
    private readonly string _prefix;
    private readonly Dictionary<string, string> _tables = new();
    private readonly List<string> _fills = new();

    /// <param name="rentals">Where the tables' arrays are rented, before the top-level loop.</param>
    /// <param name="prefix">Prefix of the tables' names, unique in the method.</param>
    public HoistedValues(HoistedTapes rentals, string prefix)
    {
        _rentals = rentals;
        _prefix = prefix;
    }

    /// <summary>Whether node <paramref name="id"/> of a body of <paramref name="inner"/>, nested in <paramref name="outer"/>, is read from a table.</summary>
    public bool Qualifies(EmissionPlan plan, int id, LoopModel outer, LoopModel inner) => Find(plan, id, outer, inner) is not null;

    /// <summary>The table read that replaces node <paramref name="id"/>, which <see cref="Qualifies"/>; the table is filled on first use.</summary>
    public string Read(EmissionPlan plan, CSharpExpressionWriter expressions, int id, LoopModel outer, LoopModel inner)
    {
        var end = Find(plan, id, outer, inner) ?? throw new System.InvalidOperationException("Node " + id + " has no table.");
        var value = expressions.WriteInline(id);
        var offset = inner.Start == "0" ? inner.Index : inner.Index + " - (" + inner.Start + ")";
        var key = value + "|" + inner.Index + "|" + inner.Start + "|" + end + "|" + outer.Start + "|" + outer.End;
        if (!_tables.TryGetValue(key, out var table))
        {
            table = _prefix + _tables.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var size = inner.Start == "0" ? end : "(" + end + ") - (" + inner.Start + ")";
            if (!_rentals.TryHoist(size, table, table + "_count"))
            {
                throw new System.InvalidOperationException("Table " + table + " could not be rented.");
            }

            _tables[key] = table;
            _fills.Add("// " + value.Replace("global::System.", "") + " for every " + inner.Index + ", once instead of on every iteration over " + outer.Index + ".");
            _fills.Add("if (" + outer.Start + " < " + outer.End + ")");
            _fills.Add("{");
            _fills.Add("    for (int " + inner.Index + " = " + inner.Start + "; " + inner.Index + " < " + end + "; " + inner.Index + "++)");
            _fills.Add("    {");
            _fills.Add("        " + table + "[" + offset + "] = " + value + ";");
            _fills.Add("    }");
            _fills.Add("}");
            _fills.Add("");
        }

        return table + "[" + offset + "]";
    }

    /// <summary>The statements that fill the tables made since the last call, to write at the start of the body.</summary>
    public IReadOnlyList<string> TakeFills()
    {
        var fills = _fills.ToList();
        _fills.Clear();
        return fills;
    }

    /// <summary>For a node that qualifies, the end of the inner loop's range over all iterations of the outer one.</summary>
    private string? Find(EmissionPlan plan, int id, LoopModel outer, LoopModel inner)
    {
        var model = plan.Model;
        if (model.Scalar != "double" || !ReferenceEquals(plan.Regions[id], Region.Root) || !IsArithmetic(model.Nodes[id].Operation))
        {
            return null;
        }

        var names = new HashSet<string>();
        var elements = 0;
        var budget = MaxNodes;
        if (!Reads(model, id, names, ref elements, ref budget) || elements < 2 || !names.Contains(inner.Index.TrimStart('@')) || names.Contains(outer.Index.TrimStart('@')))
        {
            return null;
        }

        var outerIndex = outer.Index.TrimStart('@');
        if (CodeNames.In(inner.Start).Contains(outerIndex))
        {
            return null;
        }

        var end = CodeNames.In(inner.End).Contains(outerIndex) ? LastEnd(inner, outer) : inner.End;
        return end is not null && _rentals.CanHoist(inner.Start == "0" ? end : "(" + end + ") - (" + inner.Start + ")") ? end : null;
    }

    /// <summary>When the inner loop's end grows with the outer index (<c>j + c</c>), its end on the outer loop's last iteration, whose range holds every other's.</summary>
    private static string? LastEnd(LoopModel inner, LoopModel outer)
    {
        var end = IndexPolynomial.Parse(inner.End, outer.Index);
        var last = IndexPolynomial.Parse("(" + outer.End + ") - 1", outer.Index);
        return end?.DegreeIn(outer.Index) == 1 && end.LinearCoefficient(outer.Index) is { } c && c.Numerator.Sign > 0 && last is not null
            ? end.Substitute(outer.Index, last).ToCode()
            : null;
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
                names.UnionWith(CodeNames.In(model.Symbols[(int)node.Payload]));
                return true;
            case Operation.Element:
                var (vector, index) = model.ElementParts(id);
                names.Add(vector.TrimStart('@'));
                names.UnionWith(CodeNames.In(index));
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
}
