using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SymDiff.Generator.Model;

namespace SymDiff.Generator.Emitting;

/// <summary>
/// During one backward sweep of a loop L: the sweeps of the sums M nested in its body (<c>lx += a[j, i] * c[i]</c>
/// for <c>i &lt; j</c>) that only add into gradient buffers are not run on each of L's iterations. Each iteration
/// stores M's seeds in a table; after the sweep over L one nest runs the same (i, j) pairs with M's index outside
/// and L's inside, as a hand-written gradient sweeps a triangle by columns: the adjoints of slots that do not
/// depend on L's index (the GMM's <c>dx[ix * d + i]</c>) are summed in a local over j, and a packed triangle stored
/// column by column is read contiguously.
/// </summary>
/// <remarks>
/// Only the order in which the gradient's terms are added changes. A sweep qualifies when M is a sum whose
/// backward body reads nothing of L's iteration but its seeds (no carried value, no captured value, no tape), runs
/// no loop or call, and writes no captured adjoint that L reads; M runs on every iteration of L; M's start does not
/// read L's index and its end reads it at most as <c>j + c</c>; every element it reads moves by one slot from one j
/// to the next; and the table's size reads only the method's parameters. As for the sweep it replaces, the nest is skipped when every seed is zero.
/// </remarks>
internal sealed class InterchangedSweeps
{
    private readonly HoistedTapes _rentals;
    private readonly string _prefix;
    private readonly List<Action<SourceWriter>> _nests = new();
    private readonly List<string> _flags = new();

    /// <param name="rentals">Where the seed tables are rented, before the top-level loop.</param>
    /// <param name="prefix">Prefix of the tables' names, unique in the method.</param>
    /// <param name="outer">The loop swept, L.</param>
    /// <param name="inductions">The running index locals around L's sweep, which the nests extend.</param>
    public InterchangedSweeps(HoistedTapes rentals, string prefix, LoopModel outer, InductionVariables inductions)
    {
        _rentals = rentals;
        _prefix = prefix;
        Outer = outer;
        Inductions = inductions;
    }

    /// <summary>The loop swept, L.</summary>
    public LoopModel Outer { get; }

    /// <summary>The running index locals around L's sweep.</summary>
    public InductionVariables Inductions { get; }

    /// <summary>Whether a nest was deferred.</summary>
    public bool Any => _nests.Count > 0;

    /// <summary>
    /// The ranges of the nest for <paramref name="inner"/>, M, when its sweep qualifies (see the remarks): M's index
    /// over [Start, End), L's over [InnerStart, L's end) for each of them; null otherwise.
    /// </summary>
    /// <param name="capturedRead">Whether L's body reads an adjoint of a value M captures.</param>
    public (string Start, string End, string InnerStart)? Ranges(LoopModel inner, int carried, int captured, bool capturedRead)
    {
        var body = inner.Reverse;
        if (capturedRead || body.Scalar != "double" || !inner.IsAdditive || inner.NeedsTape || inner.InnerLoops.Count > 0 || KeptValueRecording.Candidates(inner).Count > 0
            || !_rentals.CanHoist(LoopNests.Size(Outer.Start, Outer.End))
            || body.Nodes.Any(n => n.Operation is Operation.Loop or Operation.LoopAdjoint or Operation.LoopResult or Operation.CallGradient or Operation.Store))
        {
            return null;
        }

        // The adjoints of the carried values pass through unchanged, and nothing but the seeds is read.
        for (var k = 0; k < carried; k++)
        {
            var output = body.Nodes[body.Outputs[k]];
            if (output.Operation != Operation.Parameter || output.ParameterIndex != carried + captured + k)
            {
                return null;
            }
        }

        if (body.Nodes.Any(n => n.Operation == Operation.Parameter && n.ParameterIndex < carried + captured))
        {
            return null;
        }

        if (LoopNests.InnerRange(Outer, inner) is not { } range || !WalksContiguously(body))
        {
            return null;
        }

        var outerIndex = Outer.Index.TrimStart('@');
        if (!CodeNames.In(inner.End).Contains(outerIndex))
        {
            return (range.Start, range.End, Outer.Start);
        }

        // i < j + c for j ≥ i − c + 1.
        var end = IndexPolynomial.Parse(inner.End, Outer.Index);
        if (end?.LinearCoefficient(Outer.Index) is not { } coefficient || !coefficient.Equals(Rational.One))
        {
            return null;
        }

        var offset = end.Plus(IndexPolynomial.Atom(Outer.Index).Scaled(-Rational.One));
        var first = IndexPolynomial.Atom(inner.Index).Plus(offset.Scaled(-Rational.One)).Plus(IndexPolynomial.Constant(Rational.One));
        if (!first.IsWritable)
        {
            return null;
        }

        var lowest = IndexPolynomial.Parse(inner.Start, Outer.Index)?.Plus(offset.Scaled(-Rational.One)).Plus(IndexPolynomial.Constant(Rational.One)).AsConstant;
        var start = IndexPolynomial.Parse(Outer.Start, Outer.Index)?.AsConstant;
        var bounded = lowest is { IsInteger: true } l && start is { IsInteger: true } s && l.Numerator >= s.Numerator;
        return (range.Start, range.End, bounded ? first.ToCode() : "global::System.Math.Max(" + Outer.Start + ", " + first.ToCode() + ")");
    }

    /// <summary>
    /// Whether every element the backward body reads or writes at an index that reads L's index moves by one slot
    /// from one j to the next (a packed triangle stored column by column, <c>a[i * n + j]</c>): then the nest's inner
    /// loop walks memory as the sweep's did, where <c>w[j * n + i]</c> would stride by n.
    /// </summary>
    private bool WalksContiguously(DerivativeGraphModel body)
        => Enumerable.Range(0, body.Nodes.Count)
            .Where(id => body.Nodes[id].Operation == Operation.Element)
            .Select(id => body.ElementParts(id).Index)
            .Where(index => IndexPolynomial.Reads(index, Outer.Index))
            .All(index => IndexPolynomial.Parse(index, Outer.Index)?.LinearCoefficient(Outer.Index) is { } c
                && (c.Equals(Rational.One) || c.Equals(-Rational.One)));

    /// <summary>
    /// The statements of one iteration of L's sweep that keep M's seeds (<paramref name="seeds"/>, by name) for the
    /// nest, which <paramref name="write"/> writes after the sweep, given the seed tables and the condition it runs
    /// under: some seed was not zero when <paramref name="guarded"/> (a seed may be zero), else L ran at all.
    /// </summary>
    public IReadOnlyList<string> Defer(IReadOnlyList<string> seeds, bool guarded, Func<IReadOnlyList<string>, string, Action<SourceWriter>> write)
    {
        var number = _nests.Count.ToString(CultureInfo.InvariantCulture);
        var lines = new List<string>();
        var tables = new List<string>();
        foreach (var seed in seeds)
        {
            var table = _prefix + "seeds" + number + "_" + tables.Count.ToString(CultureInfo.InvariantCulture);
            _rentals.TryHoist(LoopNests.Size(Outer.Start, Outer.End), table, table + "_count");
            tables.Add(table);
            lines.Add(table + "[" + LoopNests.Offset(Outer.Index, Outer.Start) + "] = " + seed + ";");
        }

        var condition = "(" + Outer.Start + ") < (" + Outer.End + ")";
        if (guarded)
        {
            condition = _prefix + "any" + number;
            _flags.Add(condition);
            lines.Add(condition + " |= " + string.Join(" || ", seeds.Select(s => s + " != 0.0")) + ";");
        }

        _nests.Add(write(tables, condition));
        return lines;
    }

    /// <summary>Before L's sweep: the flags of the nests whose seeds may be zero.</summary>
    public IEnumerable<string> Declarations() => _flags.Select(flag => "bool " + flag + " = false;");

    /// <summary>After L's sweep: the deferred nests, in the order their sweeps were met.</summary>
    public void WriteNests(SourceWriter writer)
    {
        foreach (var nest in _nests)
        {
            nest(writer);
        }
    }
}
