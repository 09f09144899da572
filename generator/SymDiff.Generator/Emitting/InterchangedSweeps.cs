using System.Globalization;

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
    private readonly List<Action<BlockBuilder>> _nests = new();
    private readonly List<Nest> _deferred = new();
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
    public NestRanges? Ranges(LoopModel inner, int carried, int captured, bool capturedRead)
    {
        var body = inner.Reverse;
        if (capturedRead || body.Scalar != "double" || !inner.IsAdditive || inner.NeedsTape || inner.InnerLoops.Count > 0
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

        if (!inner.End.Reads(Outer.Index))
        {
            return new NestRanges(range.Start, range.End, Outer.Start, null);
        }

        // i < j + c for j ≥ i − c + 1.
        var end = IntPolynomial.Of(inner.End, Outer.Index);
        if (end?.LinearCoefficient(Outer.Index) is not { } coefficient || !coefficient.Equals(Rational.One))
        {
            return null;
        }

        var offset = end.Plus(IntPolynomial.Atom(Outer.Index).Scaled(-Rational.One));
        var first = IntPolynomial.Atom(inner.Index).Plus(offset.Scaled(-Rational.One)).Plus(IntPolynomial.Constant(Rational.One));
        if (!first.IsWritable)
        {
            return null;
        }

        var lowest = IntPolynomial.Of(inner.Start, Outer.Index)?.Plus(offset.Scaled(-Rational.One)).Plus(IntPolynomial.Constant(Rational.One)).AsConstant;
        var start = IntPolynomial.Of(Outer.Start, Outer.Index)?.AsConstant;
        var bounded = lowest is { IsInteger: true } l && start is { IsInteger: true } s && l.Numerator >= s.Numerator;

        // L's own adjoints at j can start the sums at i = j when M's range starts with L's and ends by L's end on L's last
        // iteration (c ≤ 1): the i past M's range, from its end on that iteration to L's end, get theirs in a loop of their own.
        var tail = inner.Start != Outer.Start || offset.AsConstant is not { IsInteger: true } c || c.Numerator > 1
            ? null
            : c.Numerator == 1 ? Outer.End : IntExpr.MaxOf(range.Start, range.End);
        return new NestRanges(range.Start, range.End, bounded ? first.ToExpr() : IntExpr.MaxOf(Outer.Start, first.ToExpr()), tail);
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
            .Where(index => index.Reads(Outer.Index))
            .All(index => IntPolynomial.Of(index, Outer.Index)?.LinearCoefficient(Outer.Index) is { } c
                && (c.Equals(Rational.One) || c.Equals(-Rational.One)));

    /// <summary>
    /// The statements of one iteration of L's sweep that keep M's seeds (<paramref name="seeds"/>, by name) for the
    /// nest, which <paramref name="write"/> writes after the sweep, given the seed tables and the condition it runs
    /// under: some seed was not zero when <paramref name="guarded"/> (a seed may be zero), else L ran at all.
    /// </summary>
    public IReadOnlyList<string> Defer(IReadOnlyList<string> seeds, bool guarded, Nest nest, Func<IReadOnlyList<string>, string, Action<BlockBuilder>> write)
    {
        var number = _nests.Count.ToString(CultureInfo.InvariantCulture);
        var lines = new List<string>();
        var tables = new List<string>();
        foreach (var seed in seeds)
        {
            var table = _prefix + "seeds" + number + "_" + tables.Count.ToString(CultureInfo.InvariantCulture);
            _rentals.TryHoist(LoopNests.Size(Outer.Start, Outer.End), table, table + "_count", BufferRole.Tape);
            tables.Add(table);
            lines.Add(table + "[" + LoopNests.Offset(Outer.Index, Outer.Start) + "] = " + seed + ";");
        }

        var condition = "(" + Outer.Start + ") < (" + Outer.End + ")";
        if (guarded)
        {
            // The seeds' bits or'ed together, sign left out: one integer or per seed, where `any |= s != 0.0` takes a
            // comparison, two flag reads and an or. NaN has bits set, so it counts as a nonzero seed, as it does for !=.
            var bits = _prefix + "seedBits" + number;
            _flags.Add(bits);
            condition = "(" + bits + " & long.MaxValue) != 0";
            lines.Add(bits + " |= " + string.Join(" | ", seeds.Select(s => "global::System.BitConverter.DoubleToInt64Bits(" + s + ")")) + ";");
        }

        nest.Number = _nests.Count;
        OptimizationRemarks.Report(OptimizationPass.LoopInterchange, "the sweep of the loop over " + nest.Inner.Index + " inside the loop over " + Outer.Index + " runs after it, as a nest with the loops interchanged");
        nest.IsGuarded = guarded;
        _deferred.Add(nest);
        _nests.Add(write(tables, condition));
        return lines;
    }

    /// <summary>
    /// After L's sweep body is written, before its element adjoints: the adjoints of L's own that a deferred nest's sums take
    /// over (see <see cref="Nest"/>). Each is the value (up to sign) that L adds into the slots a sum adds into, read at
    /// <c>j</c> where the sum's slots read <c>i</c>, and not taken yet: L's iteration stores it in a table instead, at
    /// <c>j</c>, and the nest starts the sum for <c>i</c> from it.
    /// </summary>
    /// <param name="body">L's backward body.</param>
    /// <param name="first">Where the element adjoints start among its outputs.</param>
    /// <param name="taken">L's element adjoints already summed elsewhere; those folded here are added.</param>
    /// <returns>Per fold: the value to store (a node of <paramref name="body"/>) and the statement's target.</returns>
    public IReadOnlyList<(int Root, string Target)> Fold(DerivativeGraphModel body, int first, ISet<int> taken)
    {
        var folds = new List<(int, string)>();
        var read = LoopNests.ElementsReadOnEveryIteration(Outer);
        foreach (var nest in _deferred.Where(n => n.Ranges.Tail is not null))
        {
            for (var g = 0; g < nest.Sums.Count; g++)
            {
                if (Match(body, first, nest, nest.Sums[g], read, taken) is not { } match)
                {
                    continue;
                }

                var table = _prefix + "own" + nest.Number.ToString(CultureInfo.InvariantCulture) + "_" + g.ToString(CultureInfo.InvariantCulture);
                if (!_rentals.TryHoist(LoopNests.Size(Outer.Start, Outer.End), table, table + "_count", BufferRole.AdjointAccumulator))
                {
                    continue;
                }

                taken.UnionWith(match.Elements);
                nest.Folds[g] = (table, match.Flipped);
                folds.Add((match.Root, table + "[" + LoopNests.Offset(Outer.Index, Outer.Start) + "]"));
            }
        }

        return folds;
    }

    /// <summary>L's element adjoints that add ±one value into each of the sum's slots, read at j: the value, the elements, and whether the signs are the sum's flipped.</summary>
    private (int Root, List<int> Elements, bool Flipped)? Match(DerivativeGraphModel body, int first, Nest nest, SummedAdjoint sum, HashSet<(string Vector, IntExpr Index)> read, ISet<int> taken)
    {
        int? root = null;
        bool? flipped = null;
        var elements = new List<int>();
        foreach (var (element, negated) in sum.Slots)
        {
            var (vector, index) = nest.Inner.Reverse.ElementParts(nest.Inner.ReverseElements[element]);
            var at = index.Substitute(nest.Inner.Index, IntExpr.Named(Outer.Index));
            var own = Enumerable.Range(0, Outer.ReverseElements.Count)
                .Where(e => !taken.Contains(e) && !elements.Contains(e) && body.ElementParts(Outer.ReverseElements[e]) == (vector, at))
                .Select(e => (int?)e).FirstOrDefault();
            if (own is not int e || !read.Contains((vector, at)) || body.IsGuarded(body.Outputs[first + e]))
            {
                return null;
            }

            var value = body.Outputs[first + e];
            var isNegation = body.Nodes[value].Operation == Operation.Negate;
            var valueRoot = isNegation ? body.Nodes[value].Operand0 : value;
            if ((root ??= valueRoot) != valueRoot || (flipped ??= isNegation != negated) != (isNegation != negated))
            {
                return null;
            }

            elements.Add(e);
        }

        return root is int r ? (r, elements, flipped!.Value) : null;
    }

    /// <summary>
    /// For the sweep of an inner sum M of L: its element adjoints into slots that do not read L's index (read on every
    /// iteration of M's forward body and not guarded), grouped by value up to sign, each group summed in a local over j
    /// and added once per i; and the others, added where they are.
    /// </summary>
    private static (IReadOnlyList<SummedAdjoint> Sums, IReadOnlyList<int> Direct) Summed(LoopModel inner, LoopModel outer, int first)
    {
        var body = inner.Reverse;
        var read = LoopNests.ElementsReadOnEveryIteration(inner);
        var sums = new List<(int Root, List<(int Element, bool Negated)> Slots)>();
        var direct = new List<int>();
        for (var e = 0; e < inner.ReverseElements.Count; e++)
        {
            var value = body.Outputs[first + e];
            var (vector, index) = body.ElementParts(inner.ReverseElements[e]);
            if (body.IsGuarded(value) || index.Reads(outer.Index) || !read.Contains((vector, index)))
            {
                direct.Add(e);
                continue;
            }

            var negated = body.Nodes[value].Operation == Operation.Negate;
            var root = negated ? body.Nodes[value].Operand0 : value;
            var sum = sums.FindIndex(s => s.Root == root);
            if (sum < 0)
            {
                sums.Add((root, new List<(int, bool)>()));
                sum = sums.Count - 1;
            }

            sums[sum].Slots.Add((e, negated));
        }

        return (sums.Select(s => new SummedAdjoint(s.Root, s.Slots)).ToList(), direct);
    }

    /// <summary>The ranges of a nest: M's index over [Start, End), L's over [InnerStart, L's end) for each; L's own adjoints fold into it only when <see cref="Tail"/> is set, the start of the i past M's range up to L's end.</summary>
    public sealed record NestRanges(IntExpr Start, IntExpr End, IntExpr InnerStart, IntExpr? Tail);

    /// <summary>A sum of M's element adjoints added once per i: its value (a node of M's backward body) and its slots, each up to sign.</summary>
    public sealed record SummedAdjoint(int Root, IReadOnlyList<(int Element, bool Negated)> Slots);

    /// <summary>A deferred nest: M, its ranges and sums, and for each sum the table of L's own adjoints it starts from, if any.</summary>
    public sealed class Nest
    {
        /// <param name="inner">M.</param>
        /// <param name="outer">L.</param>
        /// <param name="ranges">The nest's ranges (see <see cref="Ranges"/>).</param>
        /// <param name="first">Where M's element adjoints start among its backward body's outputs.</param>
        public Nest(LoopModel inner, LoopModel outer, NestRanges ranges, int first)
        {
            Inner = inner;
            Ranges = ranges;
            (Sums, Direct) = Summed(inner, outer, first);
            Folds = new (string Table, bool Flipped)?[Sums.Count];
        }

        public LoopModel Inner { get; }

        public NestRanges Ranges { get; }

        /// <summary>M's element adjoints summed in a local per i (see <see cref="Summed"/>).</summary>
        public IReadOnlyList<SummedAdjoint> Sums { get; }

        /// <summary>M's other element adjoints, added where they are.</summary>
        public IReadOnlyList<int> Direct { get; }

        /// <summary>Per sum: the table of L's own adjoints it starts from, and whether they are its value negated.</summary>
        public (string Table, bool Flipped)?[] Folds { get; }

        /// <summary>Whether the nest runs only when some seed was not zero.</summary>
        public bool IsGuarded { get; set; }

        public int Number { get; set; }
    }

    /// <summary>Before L's sweep: the or'ed bits of the seeds of each nest whose seeds may be zero.</summary>
    public IEnumerable<Let> Declarations() => _flags.Select(flag => new Let("long", flag, "0"));

    /// <summary>After L's sweep: the deferred nests, in the order their sweeps were met.</summary>
    public void WriteNests(BlockBuilder writer)
    {
        foreach (var nest in _nests)
        {
            nest(writer);
        }
    }
}
