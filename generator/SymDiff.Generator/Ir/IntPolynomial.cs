using System.Numerics;

namespace SymDiff.Generator.Ir;

/// <summary>
/// The normal form of an <see cref="IntExpr"/> with respect to one variable: an exact polynomial with rational
/// coefficients over atoms, which are the variable and every largest part of the expression that does not read it
/// (names, lengths, and whole sub-expressions such as <c>n / k</c>).
/// </summary>
/// <remarks>
/// Only <c>+</c>, <c>-</c>, <c>*</c> and division by a constant are understood where the variable is read; a division
/// counts only when it is exact for every integer value of every atom (divisibility, see <see cref="IsIntegerValued"/>),
/// so that C#'s truncating <c>/</c> computes the polynomial's own value.
/// </remarks>
internal sealed class IntPolynomial
{
    private const int MaxDegree = 6;

    private const int MaxTerms = 64;

    private readonly Dictionary<Monomial, Rational> _terms;

    private IntPolynomial(Dictionary<Monomial, Rational> terms) => _terms = terms;

    /// <summary>Whether the expression divided something that reads the variable by a constant.</summary>
    public bool DividesVariable { get; private set; }

    /// <summary>The terms: each monomial and its coefficient, none zero.</summary>
    public IEnumerable<(Monomial Monomial, Rational Coefficient)> Terms => _terms.Select(t => (t.Key, t.Value));

    /// <summary>
    /// <paramref name="expression"/> in normal form, with every part that does not read <paramref name="variable"/>
    /// kept whole as an atom; null when a part that reads it is anything but ring operations and exact divisions by
    /// constants.
    /// </summary>
    public static IntPolynomial? Of(IntExpr expression, string variable)
        => Structured(expression, variable) ?? (expression.Reads(variable) ? null : Atom(expression));

    public static IntPolynomial Constant(Rational value) => Normalized(new Dictionary<Monomial, Rational> { [Monomial.One] = value }, false);

    public static IntPolynomial Constant(long value) => Constant(new Rational(value));

    public static IntPolynomial Atom(IntExpr atom) => new(new Dictionary<Monomial, Rational> { [Monomial.Of(new[] { atom })] = Rational.One });

    public static IntPolynomial Atom(string name) => Atom(IntExpr.Named(name));

    /// <summary>The degree in <paramref name="atom"/>.</summary>
    public int DegreeIn(IntExpr atom) => _terms.Keys.Select(m => m.PowerOf(atom)).DefaultIfEmpty(0).Max();

    public int DegreeIn(string name) => DegreeIn(IntExpr.Named(name));

    /// <summary>The constant c when the polynomial is c·<paramref name="name"/> plus terms not reading it; else null.</summary>
    public Rational? LinearCoefficient(string name)
    {
        var atom = IntExpr.Named(name);
        var reading = _terms.Where(t => t.Key.PowerOf(atom) > 0).ToList();
        return reading.Count == 1 && reading[0].Key.Degree == 1 ? reading[0].Value : null;
    }

    /// <summary>This polynomial minus <paramref name="name"/>, when it is <paramref name="name"/> plus terms that do not read it; else null.</summary>
    public IntPolynomial? WithoutUnit(string name)
        => LinearCoefficient(name) is { IsInteger: true } c && c.Numerator.IsOne ? Plus(Atom(name).Scaled(-Rational.One)) : null;

    /// <summary>This polynomial with the atom <paramref name="name"/> replaced by <paramref name="value"/>.</summary>
    public IntPolynomial Substitute(string name, IntPolynomial value)
    {
        var atom = IntExpr.Named(name);
        var result = Constant(Rational.Zero);
        foreach (var term in _terms)
        {
            var product = Constant(term.Value);
            foreach (var a in term.Key.Atoms)
            {
                product = product.Times(a.Equals(atom) ? value : Atom(a));
            }

            result = result.Plus(product);
        }

        return result;
    }

    /// <summary>
    /// This polynomial with each monomial of integer coefficient that <paramref name="name"/> names (given its atoms)
    /// read as that name; this same instance when it names none.
    /// </summary>
    public IntPolynomial ReplaceMonomials(Func<IReadOnlyList<IntExpr>, string?> name)
    {
        Dictionary<Monomial, Rational>? terms = null;
        foreach (var term in _terms)
        {
            if (term.Key.Degree > 0 && term.Value.IsInteger && name(term.Key.Atoms) is { } replacement)
            {
                terms ??= new Dictionary<Monomial, Rational>(_terms);
                terms.Remove(term.Key);
                var key = Monomial.Of(new[] { IntExpr.Named(replacement) });
                terms[key] = terms.TryGetValue(key, out var c) ? c + term.Value : term.Value;
            }
        }

        return terms is null ? this : Normalized(terms, DividesVariable);
    }

    public IntPolynomial Plus(IntPolynomial other)
    {
        var terms = new Dictionary<Monomial, Rational>(_terms);
        foreach (var term in other._terms)
        {
            terms[term.Key] = terms.TryGetValue(term.Key, out var c) ? c + term.Value : term.Value;
        }

        return Normalized(terms, DividesVariable || other.DividesVariable);
    }

    public IntPolynomial Scaled(Rational factor)
        => Normalized(_terms.ToDictionary(t => t.Key, t => t.Value * factor), DividesVariable);

    public IntPolynomial Times(IntPolynomial other)
    {
        var terms = new Dictionary<Monomial, Rational>();
        foreach (var left in _terms)
        {
            foreach (var right in other._terms)
            {
                var key = left.Key.Times(right.Key);
                var value = left.Value * right.Value;
                terms[key] = terms.TryGetValue(key, out var c) ? c + value : value;
            }
        }

        return Normalized(terms, DividesVariable || other.DividesVariable);
    }

    /// <summary>
    /// Whether the polynomial is never negative: every coefficient is non-negative and so is every atom's lower bound,
    /// as <paramref name="bound"/> gives it (null: unknown).
    /// </summary>
    public bool IsNonNegative(Func<IntExpr, long?> bound)
        => _terms.All(t => t.Value.Numerator.Sign >= 0 && t.Key.Atoms.All(a => bound(a) is >= 0));

    /// <summary>The constant this is, if it reads no atom.</summary>
    public Rational? AsConstant => _terms.Count == 0 ? Rational.Zero : _terms.Count == 1 && _terms.TryGetValue(Monomial.One, out var c) ? c : null;

    /// <summary>
    /// Whether the polynomial is an integer for every integer value of its atoms: true exactly when its
    /// coefficients on products of binomials C(a, m) are integers (x^k = Σ S(k, m)·m!·C(x, m), S the
    /// Stirling numbers of the second kind).
    /// </summary>
    public bool IsIntegerValued()
    {
        var binomial = new Dictionary<string, Rational>(StringComparer.Ordinal);
        foreach (var term in _terms)
        {
            var parts = new List<(string Key, Rational Factor)> { ("", term.Value) };
            foreach (var group in term.Key.Atoms.GroupBy(a => a))
            {
                var power = group.Count();
                var atom = group.Key.ToString();
                parts = parts.SelectMany(p => Enumerable.Range(1, power).Select(m =>
                    (p.Key + "\u0001" + atom + "^" + m, p.Factor * new Rational(Stirling(power, m) * Factorial(m))))).ToList();
            }

            foreach (var (key, factor) in parts)
            {
                binomial[key] = binomial.TryGetValue(key, out var c) ? c + factor : factor;
            }
        }

        return binomial.Values.All(c => c.IsInteger);
    }

    /// <summary>Whether <see cref="ToExpr"/> writes every number as an <c>int</c> literal (a coefficient of 2⁴⁰ would not compile).</summary>
    public bool IsWritable
    {
        get
        {
            var denominator = CommonDenominator();
            bool Fits(BigInteger value) => BigInteger.Abs(value) <= int.MaxValue;
            return Fits(denominator) && _terms.Values.All(c => c.IsInteger ? Fits(c.Numerator) : Fits(c.Numerator * (denominator / c.Denominator)));
        }
    }

    /// <summary>
    /// An expression computing the polynomial, which must be integer-valued and <see cref="IsWritable"/>: its terms
    /// with integer coefficients, then the others over their common denominator, an exact division computed in
    /// <c>long</c> (<c>(int)(((long)j - (long)j * j) / 2)</c>). Terms go highest degree first, then by their atoms' text.
    /// </summary>
    public IntExpr ToExpr()
    {
        var whole = Sum(_terms.Where(t => t.Value.IsInteger).Select(t => (t.Key, t.Value.Numerator)), wide: false);
        var fractional = _terms.Where(t => !t.Value.IsInteger).ToList();
        if (fractional.Count == 0)
        {
            return whole ?? IntExpr.Zero;
        }

        // The numerator is the denominator times a value that fits in an int: it may not, so it is computed in long.
        var denominator = CommonDenominator();
        var numerator = Sum(fractional.Select(t => (t.Key, t.Value.Numerator * (denominator / t.Value.Denominator))), wide: true)!;
        var quotient = IntExpr.Narrowed(IntExpr.Grouped(IntExpr.Grouped(numerator) / IntExpr.Constant((int)denominator)));
        return whole is null ? quotient : whole + quotient;
    }

    /// <summary>The C# code of <see cref="ToExpr"/>.</summary>
    public string ToCode() => ToExpr().ToString();

    /// <summary>Σ coefficient·monomial, highest degree first, then by text; each product in long when <paramref name="wide"/>. Null for no term.</summary>
    private static IntExpr? Sum(IEnumerable<(Monomial Monomial, BigInteger Coefficient)> terms, bool wide)
    {
        IntExpr? sum = null;
        foreach (var (monomial, coefficient) in terms.OrderByDescending(t => t.Monomial.Degree).ThenBy(t => t.Monomial.Text, StringComparer.Ordinal))
        {
            var magnitude = BigInteger.Abs(coefficient);
            var factors = (magnitude.IsOne && monomial.Degree > 0 ? Array.Empty<IntExpr>() : new[] { IntExpr.Constant((int)magnitude) })
                .Concat(monomial.Atoms.Select(Factor))
                .ToList();
            if (wide)
            {
                factors[0] = IntExpr.Widened(factors[0]);
            }

            if (sum is null && coefficient.Sign < 0)
            {
                // -2 * i reads as (-2) * i: the sign goes on the first factor, as a literal's or a negation's.
                factors[0] = factors[0].IsConstant ? IntExpr.Constant(-factors[0].Value) : IntExpr.Negated(factors[0]);
            }

            var product = factors.Skip(1).Aggregate(factors[0], (p, f) => p * f);
            sum = sum is null ? product : coefficient.Sign < 0 ? sum - product : sum + product;
        }

        return sum;
    }

    /// <summary>The product of <paramref name="atoms"/>, each a factor as <see cref="ToExpr"/> writes it.</summary>
    public static IntExpr Product(IReadOnlyList<IntExpr> atoms)
        => atoms.Count == 1 ? atoms[0] : atoms.Skip(1).Aggregate(Factor(atoms[0]), (p, a) => p * Factor(a));

    /// <summary>An atom as a factor: in parentheses unless it is a name, a literal or a length.</summary>
    private static IntExpr Factor(IntExpr atom) => atom.IsPlain || atom.IsConstant || atom.Op == IntOp.Group ? atom : IntExpr.Grouped(atom);

    private BigInteger CommonDenominator()
        => _terms.Values.Where(c => !c.IsInteger).Aggregate(BigInteger.One, (l, c) => l / BigInteger.GreatestCommonDivisor(l, c.Denominator) * c.Denominator);

    /// <summary>Ring operations and exact divisions taken apart; null for anything else (a call, an inexact division).</summary>
    private static IntPolynomial? Structured(IntExpr expression, string variable)
    {
        switch (expression.Op)
        {
            case IntOp.Constant:
                return Constant(expression.Value);
            case IntOp.Name:
                return Atom(IntExpr.SameName(expression.Name, variable) ? IntExpr.Named(variable) : expression);
            case IntOp.Group:
                return Of(expression.Left!, variable);
            case IntOp.Negate:
                return Of(expression.Left!, variable)?.Scaled(-Rational.One);
            case IntOp.Add or IntOp.Subtract or IntOp.Multiply or IntOp.Divide:
                var left = Of(expression.Left!, variable);
                var right = Of(expression.Right!, variable);
                if (left is null || right is null)
                {
                    return null;
                }

                switch (expression.Op)
                {
                    case IntOp.Add:
                        return left.Plus(right);
                    case IntOp.Subtract:
                        return left.Plus(right.Scaled(-Rational.One));
                    case IntOp.Multiply:
                        var product = left.Times(right);
                        return product.TotalDegree > MaxDegree || product._terms.Count > MaxTerms ? null : product;
                    case IntOp.Divide when right.AsConstant is { IsZero: false, IsInteger: true } divisor && expression.Left!.Reads(variable):
                        // Only an exact division is the polynomial's; C#'s truncating / of anything else is not. One that
                        // does not read the variable stays whole, as the source wrote it (d * (d + 1) / 2).
                        var quotient = left.Scaled(divisor.Reciprocal);
                        if (!quotient.IsIntegerValued())
                        {
                            return null;
                        }

                        quotient.DividesVariable = true;
                        return quotient;
                }

                return null;
            default:
                return null;
        }
    }

    private int TotalDegree => _terms.Keys.Select(k => k.Degree).DefaultIfEmpty(0).Max();

    private static IntPolynomial Normalized(Dictionary<Monomial, Rational> terms, bool dividesVariable)
    {
        foreach (var key in terms.Where(t => t.Value.IsZero).Select(t => t.Key).ToList())
        {
            terms.Remove(key);
        }

        return new IntPolynomial(terms) { DividesVariable = dividesVariable };
    }

    private static BigInteger Stirling(int n, int k)
        => n == k ? BigInteger.One : k == 0 || k > n ? BigInteger.Zero : (k * Stirling(n - 1, k)) + Stirling(n - 1, k - 1);

    private static BigInteger Factorial(int n) => n <= 1 ? BigInteger.One : n * Factorial(n - 1);
}
