using System.Globalization;
using System.Numerics;

namespace SymDiff.Generator.Emitting;

/// <summary>
/// Strength reduction of element indices. An index that is a polynomial of degree two or more in the loop
/// variable (the triangle <c>i * (2 * d - i - 1) / 2</c>), or divides it exactly, is kept in a local that
/// each iteration advances by its differences, instead of being evaluated again: <c>at += at_d1; at_d1 -= 1;</c>.
/// The running value is the polynomial's exact value, which the source's <c>int</c> arithmetic computes too
/// unless it overflows.
/// </summary>
/// <remarks>
/// Scopes nest as loops do: an index is looked up in the innermost loop first. A running local is declared
/// (before its loop) and advanced (at the end of each iteration) only if some element is written with it.
/// The products of an index that do not read a loop's variable (<c>ix * d</c> in <c>x[ix * d + j]</c> inside the
/// loop over j) are computed before the outermost loop they do not read (see <see cref="HoistedProducts"/>).
/// </remarks>
internal sealed class InductionVariables
{
    // The iteration count t, an atom no source can name.
    private const string Step = "\u0002t";

    private readonly InductionVariables? _outer;
    private readonly string? _variable;
    private readonly (IntExpr Start, IntExpr End) _range;
    private readonly string _prefix;
    private readonly IntPolynomial? _iteration;
    private readonly HoistedProducts? _products;
    private readonly List<Reduction> _reductions;
    private readonly Dictionary<IntExpr, Reduction> _byIndex;
    private readonly ElementSlices _slices;
    private Rows? _rows;

    private InductionVariables(InductionVariables? outer, string? variable, string prefix, List<Reduction> reductions, ElementSlices slices, (IntExpr Start, IntExpr End) range = default, IntPolynomial? iteration = null, Rows? rows = null)
    {
        _rows = rows;
        _outer = outer;
        _variable = variable;
        _range = range;
        _prefix = prefix;
        _iteration = iteration;
        _products = variable is null ? null : new HoistedProducts(prefix + "p");
        _reductions = reductions;
        _byIndex = reductions.ToDictionary(r => r.Index);
        _slices = slices;
    }

    /// <summary>No loop: every index is written as it is.</summary>
    public static InductionVariables None { get; } = new(null, null, "", new List<Reduction>(), ElementSlices.None);

    /// <summary>
    /// No loop yet; the loops entered from here read <paramref name="spans"/> (vector or buffer name, its span type)
    /// through slices where an index is the loop's variable plus an offset (see <see cref="ElementSlices"/>).
    /// </summary>
    /// <param name="isInvariant">Whether no statement assigns a name (the method's parameters).</param>
    public static InductionVariables Root(IReadOnlyDictionary<string, string> spans, System.Func<string, bool> isInvariant)
        => new(null, null, "", new List<Reduction>(), ElementSlices.Root(spans, isInvariant));

    /// <summary>
    /// The scope of one loop's body: of <paramref name="indices"/> (the indices its body reads or writes), those worth
    /// reducing, named <paramref name="prefix"/> and a number.
    /// </summary>
    /// <param name="backward">Whether the loop runs from <c>end - 1</c> down to <paramref name="start"/>.</param>
    /// <param name="linear">Whether affine indices get running locals too (<c>at++</c>), for a loop whose index is not a plain name plus a constant.</param>
    public InductionVariables Enter(string variable, IntExpr start, IntExpr end, bool backward, IEnumerable<IntExpr> indices, string prefix, bool linear = false)
    {
        var first = IntPolynomial.Of(backward ? IntExpr.Grouped(end) - 1 : start, variable);
        var reductions = new List<Reduction>();
        var slices = _slices.Enter(prefix + "s");
        if (first is null)
        {
            return new InductionVariables(this, variable, prefix, reductions, slices, (start, end));
        }

        // The variable on iteration t: first + t, or first - t.
        var iteration = first.Plus(IntPolynomial.Atom(Step).Scaled(backward ? -Rational.One : Rational.One));
        foreach (var index in indices.Distinct().OrderBy(i => i.ToString(), System.StringComparer.Ordinal))
        {
            if (Reduce(index, variable, iteration, linear) is { } differences)
            {
                reductions.Add(new Reduction(index, prefix + reductions.Count.ToString(CultureInfo.InvariantCulture), differences));
            }
        }

        return new InductionVariables(this, variable, prefix, reductions, slices, (start, end), iteration);
    }

    /// <summary>
    /// The scope of a loop that reads its elements as rows: each element at <c>o + variable</c> that
    /// <paramref name="isRow"/> accepts (vector, index) is read at <see cref="Counter"/> in a slice of the vector from the
    /// element's first index, taken before the loop with the loop's count of elements; the loop runs the counter from 0
    /// up to the first row's length, and its variable is no longer the loop's. Other elements are indexed as by
    /// <see cref="Enter"/> with <c>linear</c>.
    /// </summary>
    /// <remarks>
    /// A row's slice throws when it reaches past its vector, where the source would throw only on reading that far:
    /// <paramref name="isRow"/> must accept only elements the program has read at every index of the row already.
    /// </remarks>
    /// <param name="counter">The name of the loop's counter.</param>
    public InductionVariables EnterRows(string variable, IntExpr start, IntExpr end, IEnumerable<IntExpr> indices, string prefix, string counter, System.Func<string, IntExpr, bool> isRow)
    {
        var scope = Enter(variable, start, end, backward: false, indices, prefix, linear: true);
        if (scope._iteration is null)
        {
            return scope;
        }

        return new InductionVariables(this, variable, prefix, scope._reductions, scope._slices, (start, end), scope._iteration, new Rows(counter, LoopNests.Size(start, end), isRow));
    }

    /// <summary>
    /// In a loop entered by <see cref="EnterRows"/>, once the row that fixes its length is taken (the header is
    /// written next): its counter and how many iterations it runs, the first row's length. Null when the loop was not
    /// entered so or no row was taken; no element is then read as a row, so the loop keeps its variable.
    /// </summary>
    public (string Counter, IntExpr Count)? RowLoop()
    {
        if (_rows is { } rows && _slices.FirstRow is { } first)
        {
            return (rows.Counter, IntExpr.LengthOf(first));
        }

        _rows = null;
        return null;
    }

    /// <summary>The differences of <paramref name="index"/> over the loop's iterations, when it is worth a running local.</summary>
    private static IReadOnlyList<IntPolynomial>? Reduce(IntExpr index, string variable, IntPolynomial iteration, bool linear)
    {
        var polynomial = IntPolynomial.Of(index, variable);
        if (polynomial is null)
        {
            return null;
        }

        var degree = polynomial.DegreeIn(variable);
        if (degree == 0 || (degree == 1 && !polynomial.DividesVariable && !linear))
        {
            return null;
        }

        var differences = ForwardDifferences(polynomial.Substitute(variable, iteration), degree);
        return differences.All(d => d.IsWritable) ? differences : null;
    }

    /// <summary>
    /// A running local of this loop for <paramref name="value"/>, the first value or a difference of an inner loop's
    /// running local, which that inner loop would otherwise compute again on each of this loop's iterations (the
    /// first index of row i of a triangle, <c>d + i * (2 * d - i - 1) / 2</c>); null when it is not worth one.
    /// </summary>
    private string? RunningLocal(IntPolynomial value)
    {
        if (_variable is null || _iteration is null)
        {
            return null;
        }

        if (ReductionFor(value.ToExpr(), linear: false) is not { } reduction)
        {
            return null;
        }

        reduction.IsUsed = true;
        reduction.IsStepped = true;
        return reduction.Name;
    }

    /// <summary>This loop's running local for <paramref name="index"/>, added on first use; null when it is not worth one.</summary>
    private Reduction? ReductionFor(IntExpr index, bool linear)
    {
        if (_byIndex.TryGetValue(index, out var reduction))
        {
            return reduction;
        }

        if (Reduce(index, _variable!, _iteration!, linear) is not { } differences)
        {
            return null;
        }

        reduction = new Reduction(index, _prefix + _reductions.Count.ToString(CultureInfo.InvariantCulture), differences);
        _reductions.Add(reduction);
        _byIndex[index] = reduction;
        return reduction;
    }

    /// <summary>The ranges of the loops this scope is in, outermost first.</summary>
    public IReadOnlyList<(IntExpr Start, IntExpr End)> Ranges()
    {
        var ranges = new List<(IntExpr Start, IntExpr End)>();
        for (var scope = this; scope is { _variable: not null }; scope = scope._outer)
        {
            ranges.Insert(0, scope._range);
        }

        return ranges;
    }

    /// <summary>
    /// The code to index with: a running local of this scope or an enclosing one, else <paramref name="index"/> with
    /// its products that enclosing loops compute ahead, else <paramref name="index"/> itself.
    /// </summary>
    public string Index(IntExpr index) => Indexing(index).ToString();

    private IntExpr Indexing(IntExpr index)
    {
        if (Reduced(index) is { } reduction)
        {
            reduction.IsUsed = true;
            reduction.IsStepped = true;
            return IntExpr.Named(reduction.Name);
        }

        return _variable is null ? index : InvariantParts.Rewrite(index, _variable, SourcePartName);
    }

    /// <summary>The running local of this scope or an enclosing one that computes <paramref name="index"/>, if any.</summary>
    private Reduction? Reduced(IntExpr index)
    {
        for (var scope = this; scope is not null; scope = scope._outer)
        {
            if (scope._byIndex.TryGetValue(index, out var reduction))
            {
                return reduction;
            }
        }

        return null;
    }

    /// <summary>
    /// The code to read or write element <paramref name="index"/> of <paramref name="vector"/> with: through a running
    /// local (see <see cref="Index"/>), else through a slice of the vector that starts at the index's offset from this
    /// loop's variable, else as <see cref="Index"/> writes it.
    /// </summary>
    /// <param name="generated">
    /// For a table or record of the generated code (not in the root's spans): its span type and whether it is an array.
    /// Its indices are right by construction, so a name in one that no loop bounds is a length or stride, never negative.
    /// </param>
    public string Element(string vector, IntExpr index, (string SpanType, bool IsArray)? generated = null)
        => ElementCode(vector, index, generated).Text;

    /// <summary><see cref="Element"/>, with the names it reads.</summary>
    public Code ElementCode(string vector, IntExpr index, (string SpanType, bool IsArray)? generated = null)
    {
        if (_rows is not null && RowStart(vector, index, generated) is { } row)
        {
            return Code.Element(row, Code.Name(_rows.Counter));
        }

        if (Reduced(index) is null && _variable is not null && _slices.Source(vector, generated) is { } source && Offset(index, source.IsGenerated) is { } offset)
        {
            return Code.Element(SliceOwner(offset, source.IsGenerated)._slices.Slice(vector, source, Indexing(offset)), Code.Name(_variable));
        }

        return Code.Element(vector, Code.Of(Indexing(index)));
    }

    /// <summary>The row of <paramref name="vector"/> that element <paramref name="index"/> is read in, when it is read in one.</summary>
    private string? RowStart(string vector, IntExpr index, (string SpanType, bool IsArray)? generated)
    {
        var variable = _variable!;
        if (!index.Reads(variable) || IntPolynomial.Of(index, variable) is not { DividesVariable: false } polynomial
            || polynomial.WithoutUnit(variable) is null || _slices.Source(vector, generated) is not { } source || !_rows!.IsRow(vector, index))
        {
            return null;
        }

        if (ReductionFor(index, linear: true) is not { } reduction)
        {
            return null;
        }

        // Declared with its first value, never advanced: the row starts there.
        reduction.IsUsed = true;
        return _slices.Row(vector, source, IntExpr.Named(reduction.Name), _rows.Count);
    }

    /// <summary>
    /// The loop whose header declares the slice from <paramref name="offset"/>: for a vector of the root's (declared
    /// before every loop), the outermost open loop around this one whose variable the offset does not read, as for the
    /// products (<c>x</c> from <c>ix * d</c> once per point, not once per component); this loop otherwise. Loops that
    /// read the same slice then share it.
    /// </summary>
    private InductionVariables SliceOwner(IntExpr offset, bool generated)
    {
        if (generated || Reduced(offset) is not null)
        {
            return this;
        }

        var owner = this;
        for (var scope = this; scope is { _variable: { } variable, _products: { IsClosed: false } }; scope = scope._outer)
        {
            if (offset.Reads(variable))
            {
                break;
            }

            owner = scope;
        }

        return owner;
    }

    /// <summary>
    /// The offset o of <paramref name="index"/> = o + this loop's variable, when a slice starting at o reads the same
    /// element: o and the variable are never negative where the element is read, and o does not change in the loop;
    /// null otherwise, and when o is a constant.
    /// </summary>
    private IntExpr? Offset(IntExpr index, bool generated)
    {
        var variable = _variable!;
        if (IntPolynomial.Of(index, variable) is not { DividesVariable: false } polynomial
            || polynomial.WithoutUnit(variable) is not { } offset || LowerBound(variable) is not >= 0)
        {
            return null;
        }

        // A constant offset costs nothing: it is part of the element's address (x[i + 1]).
        if (offset.AsConstant is not null || !offset.IsWritable)
        {
            return null;
        }

        // The source's own form bounds best (i * (d - 1): both factors non-negative), the expanded one otherwise.
        var source = SourceOffset(index, variable);
        if (source is not null && Stays(source, generated) && AtomBound(source, generated) is >= 0)
        {
            return source;
        }

        // Proven expanded, it is written expanded: terms that cancel there (j - j, n / k - n / k) may not be read ahead.
        return offset.IsNonNegative(atom => Stays(atom, generated) ? AtomBound(atom, generated) : null) ? offset.ToExpr() : null;
    }

    /// <summary>The offset as the source writes it, when the index is <c>offset + variable</c> or <c>variable + offset</c>.</summary>
    private static IntExpr? SourceOffset(IntExpr index, string variable)
    {
        bool IsVariable(IntExpr e) => e.Op == IntOp.Name && IntExpr.SameName(e.Name, variable);
        return index.Op == IntOp.Add
            ? IsVariable(index.Right!) ? index.Left : IsVariable(index.Left!) ? index.Right : null
            : null;
    }

    /// <summary>
    /// Whether <paramref name="atom"/> keeps its value through this loop: it reads enclosing loops' variables and invariant
    /// names only (in generated code's own indices, locals declared before the loop, which no statement in it assigns).
    /// </summary>
    private bool Stays(IntExpr atom, bool generated)
        => atom.Names().All(name => name != _variable!.TrimStart('@') && (generated || _slices.IsInvariant(name) || IsEnclosingVariable(name)));

    private bool IsEnclosingVariable(string name)
    {
        for (var scope = _outer; scope is { _variable: { } variable }; scope = scope._outer)
        {
            if (variable.TrimStart('@') == name)
            {
                return true;
            }
        }

        return false;
    }

    private long? AtomBound(IntExpr atom, bool generated)
        => IntBounds.LowerBound(atom, name => LowerBound(name) ?? (generated && !_slices.IsInvariant(name) ? 0 : null));

    /// <summary>
    /// A lower bound of <paramref name="name"/> inside this loop's body: a loop variable's start's, or, for a name that
    /// a loop runs up to (<c>j &lt; d</c>), one more than that loop's start (the body runs only when start &lt; end).
    /// </summary>
    private long? LowerBound(string name)
    {
        long? best = null;
        for (var scope = this; scope is { _variable: { } variable }; scope = scope._outer)
        {
            long? bound = null;
            if (variable.TrimStart('@') == name)
            {
                bound = scope.StartBound();
            }
            else if (IntPolynomial.Of(scope._range.End, name)?.WithoutUnit(name)?.AsConstant is { IsInteger: true } rest
                && BigInteger.Abs(rest.Numerator) <= int.MaxValue && scope.StartBound() is { } start)
            {
                // start < name + rest, so name >= start + 1 - rest.
                bound = start + 1 - (long)rest.Numerator;
            }

            if (bound is { } b && (best is null || b > best))
            {
                best = b;
            }
        }

        return best;
    }

    /// <summary>A lower bound of this loop's start, from the loops around it.</summary>
    private long? StartBound() => IntBounds.LowerBound(_range.Start, _outer is { } outer ? outer.LowerBound : _ => null);

    /// <summary>
    /// Before the loop: the products its body's indices read, then each running local used, with its differences
    /// (their products computed ahead by the enclosing loops).
    /// </summary>
    public IReadOnlyList<Let> Declarations()
    {
        var lines = _products?.Close().ToList() ?? new List<Let>();
        foreach (var reduction in _reductions.Where(r => r.IsUsed))
        {
            OptimizationRemarks.Report(OptimizationPass.StrengthReduction, "index " + reduction.Index + " in the loop over " + _variable + " is kept in " + reduction.Name + ", advanced by its " + (reduction.Differences.Count - 1) + " difference(s)");
            var last = reduction.Differences.Count - 1;
            for (var k = 0; k < last || (k == last && reduction.Differences[k].AsConstant is null); k++)
            {
                if (_outer?.RunningLocal(reduction.Differences[k]) is { } running)
                {
                    lines.Add(new Let("int", reduction.Difference(k), running));
                    continue;
                }

                var difference = _outer is { } outer ? reduction.Differences[k].ReplaceMonomials(outer.MonomialName) : reduction.Differences[k];

                // unchecked: in a checked build the expanded polynomial's terms may overflow where the source's do not.
                var code = difference.AsConstant is null ? "unchecked(" + difference.ToCode() + ")" : difference.ToCode();
                lines.Add(new Let("int", reduction.Difference(k), code));
            }
        }

        lines.AddRange(_slices.Declarations());
        return lines;
    }

    /// <summary>
    /// The local that holds <paramref name="code"/>, a part of an index as the source writes it that does not read
    /// this loop's variable (<c>ix * d</c>), computed as the source computes it; null when it reads this loop's variable.
    /// </summary>
    private string? SourcePartName(IntExpr code) => Place(code)?.Name(code, expanded: false);

    /// <summary>
    /// The local that holds the product of <paramref name="atoms"/>, a monomial of a running local's expanded first
    /// value; null when it reads this loop's variable, is a single name, or might throw (a division by a variable).
    /// </summary>
    private string? MonomialName(IReadOnlyList<IntExpr> atoms)
        => atoms.Count == 0 || (atoms.Count == 1 && atoms[0].IsPlain) || !atoms.All(a => a.CannotThrow)
            ? null
            : Place(IntPolynomial.Product(atoms))?.Name(IntPolynomial.Product(atoms), expanded: true);

    /// <summary>Where <paramref name="code"/> is computed: before the outermost open loop around this one whose variable, and whose inner loops' variables, it does not read.</summary>
    private HoistedProducts? Place(IntExpr code)
    {
        HoistedProducts? place = null;
        for (var scope = this; scope is { _variable: { } variable, _products: { IsClosed: false } products }; scope = scope._outer)
        {
            if (code.Reads(variable))
            {
                break;
            }

            place = products;
        }

        return place;
    }

    /// <summary>
    /// At the end of each iteration: each running local used, advanced to the next iteration's value (to write in an
    /// <c>unchecked</c> block: after the last iteration the values are past the range and may overflow).
    /// </summary>
    public IEnumerable<Code> Steps()
    {
        foreach (var reduction in _reductions.Where(r => r.IsStepped))
        {
            var last = reduction.Differences.Count - 1;
            for (var k = 0; k < last; k++)
            {
                var target = reduction.Difference(k);
                if (k + 1 < last || reduction.Differences[last].AsConstant is not { } constant)
                {
                    yield return Code.Name(target) + " += " + Code.Name(reduction.Difference(k + 1)) + ";";
                }
                else if (!constant.IsZero)
                {
                    yield return Advance(target, constant.Numerator);
                }
            }
        }
    }

    private static Code Advance(string target, BigInteger amount)
        => amount.IsOne ? Code.Name(target) + "++;"
            : amount == BigInteger.MinusOne ? Code.Name(target) + "--;"
            : amount.Sign > 0 ? Code.Name(target) + " += " + amount.ToString(CultureInfo.InvariantCulture) + ";"
            : Code.Name(target) + " -= " + BigInteger.Negate(amount).ToString(CultureInfo.InvariantCulture) + ";";

    /// <summary>Δ⁰ … Δ^degree of <paramref name="polynomial"/> in <see cref="Step"/> at 0: Δᵏ = Σₘ (−1)^(k−m)·C(k, m)·p(m).</summary>
    private static IReadOnlyList<IntPolynomial> ForwardDifferences(IntPolynomial polynomial, int degree)
    {
        var values = Enumerable.Range(0, degree + 1).Select(m => polynomial.Substitute(Step, IntPolynomial.Constant(m))).ToList();
        var differences = new List<IntPolynomial>();
        for (var k = 0; k <= degree; k++)
        {
            var sum = IntPolynomial.Constant(Rational.Zero);
            var binomial = BigInteger.One;
            for (var m = 0; m <= k; m++)
            {
                var sign = (k - m) % 2 == 0 ? BigInteger.One : BigInteger.MinusOne;
                sum = sum.Plus(values[m].Scaled(new Rational(sign * binomial)));
                binomial = binomial * (k - m) / (m + 1);
            }

            differences.Add(sum);
        }

        return differences;
    }

    /// <summary>An index computed by a running local: its value, then its differences, on the loop's first iteration.</summary>
    private sealed class Reduction
    {
        public Reduction(IntExpr index, string name, IReadOnlyList<IntPolynomial> differences)
        {
            Index = index;
            Name = name;
            Differences = differences;
        }

        public IntExpr Index { get; }

        public string Name { get; }

        public IReadOnlyList<IntPolynomial> Differences { get; }

        /// <summary>Whether it is declared.</summary>
        public bool IsUsed { get; set; }

        /// <summary>Whether it is advanced on each iteration too: it indexes inside the loop, not only where a row starts.</summary>
        public bool IsStepped { get; set; }

        public string Difference(int k) => k == 0 ? Name : Name + "_d" + k.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>How a loop entered by <see cref="EnterRows"/> reads rows: its counter, its count of iterations, which elements.</summary>
    private sealed record Rows(string Counter, IntExpr Count, System.Func<string, IntExpr, bool> IsRow);
}
