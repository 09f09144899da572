using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SymDiff.Generator.Emitting;

/// <summary>
/// An <c>int</c> index expression as an exact polynomial: rational coefficients over atoms, which are the
/// names it reads and any part of it that does not read the variable of interest (kept as its text).
/// </summary>
/// <remarks>
/// Only <c>+</c>, <c>-</c>, <c>*</c> and division by a constant are understood where the variable is read;
/// a division counts only when it is exact for every integer value of every atom, so that C#'s
/// truncating <c>/</c> computes the polynomial's own value.
/// </remarks>
internal sealed class IndexPolynomial
{
    private const int MaxDegree = 6;

    private const int MaxTerms = 64;

    // Monomial: its atoms in order, repeated by power, joined by a separator; "" is the constant term.
    private const char Separator = '\u0001';

    private readonly Dictionary<string, Rational> _terms;

    private IndexPolynomial(Dictionary<string, Rational> terms) => _terms = terms;

    /// <summary>Whether the expression divided something that reads the variable by a constant.</summary>
    public bool DividesVariable { get; private set; }

    /// <summary>
    /// <paramref name="code"/> as a polynomial, with every part that does not read <paramref name="variable"/>
    /// kept whole as an atom; null when a part that reads it is anything but ring operations and exact
    /// divisions by constants.
    /// </summary>
    public static IndexPolynomial? Parse(string code, string variable)
    {
        var expression = SyntaxFactory.ParseExpression(code);
        return expression.ContainsDiagnostics ? null : Build(expression, variable);
    }

    /// <summary>The degree in <paramref name="atom"/>.</summary>
    public int DegreeIn(string atom)
        => _terms.Where(t => !t.Value.IsZero).Select(t => Atoms(t.Key).Count(a => a == atom)).DefaultIfEmpty(0).Max();

    /// <summary>The constant c when the polynomial is c·<paramref name="atom"/> plus terms not reading it; else null.</summary>
    public Rational? LinearCoefficient(string atom)
    {
        var reading = _terms.Where(t => Atoms(t.Key).Contains(atom)).ToList();
        return reading.Count == 1 && reading[0].Key == atom ? reading[0].Value : null;
    }

    /// <summary>This polynomial minus <paramref name="atom"/>, when it is <paramref name="atom"/> plus terms that do not read it; else null.</summary>
    public IndexPolynomial? WithoutUnit(string atom)
        => LinearCoefficient(atom) is { IsInteger: true } c && c.Numerator.IsOne ? Plus(Atom(atom).Scaled(-Rational.One)) : null;

    /// <summary>This polynomial with <paramref name="atom"/> replaced by <paramref name="value"/>.</summary>
    public IndexPolynomial Substitute(string atom, IndexPolynomial value)
    {
        var result = Constant(Rational.Zero);
        foreach (var term in _terms)
        {
            var product = Constant(term.Value);
            foreach (var a in Atoms(term.Key))
            {
                product = product.Times(a == atom ? value : Atom(a));
            }

            result = result.Plus(product);
        }

        return result;
    }

    /// <summary>
    /// This polynomial with each monomial of integer coefficient that <paramref name="name"/> names (given its atoms)
    /// read as that name; this same instance when it names none.
    /// </summary>
    public IndexPolynomial ReplaceMonomials(Func<IReadOnlyList<string>, string?> name)
    {
        Dictionary<string, Rational>? terms = null;
        foreach (var term in _terms)
        {
            if (term.Key.Length > 0 && term.Value.IsInteger && name(Atoms(term.Key)) is { } replacement)
            {
                terms ??= new Dictionary<string, Rational>(_terms);
                terms.Remove(term.Key);
                terms[replacement] = terms.TryGetValue(replacement, out var c) ? c + term.Value : term.Value;
            }
        }

        return terms is null ? this : Normalized(terms, DividesVariable);
    }

    /// <summary>C# code multiplying <paramref name="atoms"/>.</summary>
    public static string Product(IReadOnlyList<string> atoms) => atoms.Count == 1 ? atoms[0] : string.Join(" * ", atoms.Select(Operand));

    /// <summary>Whether <paramref name="atom"/> is a name or a member of one (<c>n</c>, <c>x.Length</c>): nothing to compute ahead.</summary>
    public static bool IsPlain(string atom)
        => SyntaxFactory.ParseExpression(atom) is var e && !e.ContainsDiagnostics
            && e.DescendantNodesAndSelf().All(n => n is IdentifierNameSyntax or MemberAccessExpressionSyntax);

    /// <summary>
    /// Whether <paramref name="atom"/> computes without throwing, overflow aside: names, members, literals and ring
    /// operations, divided only by literals other than 0 and −1.
    /// </summary>
    public static bool CannotThrow(string atom)
        => SyntaxFactory.ParseExpression(atom) is var e && !e.ContainsDiagnostics
            && e.DescendantNodesAndSelf().All(n => n switch
            {
                IdentifierNameSyntax or MemberAccessExpressionSyntax or ParenthesizedExpressionSyntax => true,
                LiteralExpressionSyntax literal => literal.Token.Value is int,
                PrefixUnaryExpressionSyntax unary => unary.IsKind(SyntaxKind.UnaryMinusExpression) || unary.IsKind(SyntaxKind.UnaryPlusExpression),
                BinaryExpressionSyntax binary => binary.Kind() switch
                {
                    SyntaxKind.AddExpression or SyntaxKind.SubtractExpression or SyntaxKind.MultiplyExpression => true,
                    SyntaxKind.DivideExpression or SyntaxKind.ModuloExpression => !MayThrow(binary),
                    _ => false,
                },
                _ => false,
            });

    /// <summary>
    /// Whether <paramref name="code"/> divides (<c>/</c>, <c>%</c>) by anything but a literal other than 0 and −1: the
    /// divisions that may throw. Code that does not parse counts as dividing.
    /// </summary>
    public static bool Divides(string code)
        => SyntaxFactory.ParseExpression(code) is var e && (e.ContainsDiagnostics || e.DescendantNodesAndSelf().OfType<BinaryExpressionSyntax>().Any(MayThrow));

    private static bool MayThrow(BinaryExpressionSyntax binary)
        => (binary.IsKind(SyntaxKind.DivideExpression) || binary.IsKind(SyntaxKind.ModuloExpression))
            && !(WithoutParentheses(binary.Right) is LiteralExpressionSyntax { Token.Value: int divisor } && divisor != 0 && divisor != -1);

    private static ExpressionSyntax WithoutParentheses(ExpressionSyntax expression)
        => expression is ParenthesizedExpressionSyntax parenthesized ? WithoutParentheses(parenthesized.Expression) : expression;

    /// <summary>Whether the code <paramref name="text"/> reads the name <paramref name="variable"/>.</summary>
    public static bool Reads(string text, string variable)
        => SyntaxFactory.ParseExpression(text) is var e && (e.ContainsDiagnostics || Reads(e, variable));

    public IndexPolynomial Plus(IndexPolynomial other)
    {
        var terms = new Dictionary<string, Rational>(_terms);
        foreach (var term in other._terms)
        {
            terms[term.Key] = terms.TryGetValue(term.Key, out var c) ? c + term.Value : term.Value;
        }

        return Normalized(terms, DividesVariable || other.DividesVariable);
    }

    public IndexPolynomial Scaled(Rational factor)
        => Normalized(_terms.ToDictionary(t => t.Key, t => t.Value * factor), DividesVariable);

    public IndexPolynomial Times(IndexPolynomial other)
    {
        var terms = new Dictionary<string, Rational>();
        foreach (var left in _terms)
        {
            foreach (var right in other._terms)
            {
                var key = Key(Atoms(left.Key).Concat(Atoms(right.Key)));
                var value = left.Value * right.Value;
                terms[key] = terms.TryGetValue(key, out var c) ? c + value : value;
            }
        }

        return Normalized(terms, DividesVariable || other.DividesVariable);
    }

    public static IndexPolynomial Constant(Rational value) => Normalized(new Dictionary<string, Rational> { [""] = value }, false);

    public static IndexPolynomial Atom(string atom) => new(new Dictionary<string, Rational> { [atom] = Rational.One });

    /// <summary>
    /// Whether the polynomial is never negative: every coefficient is non-negative and so is every atom's lower bound,
    /// as <paramref name="bound"/> gives it (null: unknown).
    /// </summary>
    public bool IsNonNegative(Func<string, long?> bound)
        => _terms.All(t => t.Value.Numerator.Sign >= 0 && Atoms(t.Key).All(a => bound(a) is >= 0));

    /// <summary>The constant this is, if it reads no atom.</summary>
    public Rational? AsConstant => _terms.Count == 0 ? Rational.Zero : _terms.Count == 1 && _terms.ContainsKey("") ? _terms[""] : null;

    /// <summary>
    /// Whether the polynomial is an integer for every integer value of its atoms: true exactly when its
    /// coefficients on products of binomials C(a, m) are integers (x^k = Σ S(k, m)·m!·C(x, m), S the
    /// Stirling numbers of the second kind).
    /// </summary>
    public bool IsIntegerValued()
    {
        var binomial = new Dictionary<string, Rational>();
        foreach (var term in _terms)
        {
            var parts = new List<(string Key, Rational Factor)> { ("", term.Value) };
            foreach (var group in Atoms(term.Key).GroupBy(a => a))
            {
                var power = group.Count();
                parts = parts.SelectMany(p => Enumerable.Range(1, power).Select(m =>
                    (p.Key + Separator + group.Key + "^" + m, p.Factor * new Rational(Stirling(power, m) * Factorial(m))))).ToList();
            }

            foreach (var (key, factor) in parts)
            {
                binomial[key] = binomial.TryGetValue(key, out var c) ? c + factor : factor;
            }
        }

        return binomial.Values.All(c => c.IsInteger);
    }

    /// <summary>Whether <see cref="ToCode"/> writes every number as an <c>int</c> literal (a coefficient of 2⁴⁰ would not compile).</summary>
    public bool IsWritable
    {
        get
        {
            var fractional = _terms.Values.Where(c => !c.IsInteger).ToList();
            var denominator = fractional.Aggregate(BigInteger.One, (l, c) => l / BigInteger.GreatestCommonDivisor(l, c.Denominator) * c.Denominator);
            bool Fits(BigInteger value) => BigInteger.Abs(value) <= int.MaxValue;
            return Fits(denominator) && _terms.Values.All(c => c.IsInteger ? Fits(c.Numerator) : Fits(c.Numerator * (denominator / c.Denominator)));
        }
    }

    /// <summary>
    /// C# <c>int</c> code computing the polynomial, which must be integer-valued: its terms with integer
    /// coefficients, then the others over their common denominator, an exact division (<c>(j - j * j) / 2</c>).
    /// </summary>
    public string ToCode()
    {
        var whole = _terms.Where(t => t.Value.IsInteger).ToList();
        var fractional = _terms.Where(t => !t.Value.IsInteger).ToList();
        var denominator = fractional.Aggregate(BigInteger.One, (l, t) => l / BigInteger.GreatestCommonDivisor(l, t.Value.Denominator) * t.Value.Denominator);
        var text = Sum(whole.Select(t => (t.Key, t.Value.Numerator)));
        if (fractional.Count == 0)
        {
            return text.Length == 0 ? "0" : text;
        }

        // The numerator is denominator times a value that fits in an int: it may not, so it is computed in long.
        var numerator = Sum(fractional.Select(t => (t.Key, t.Value.Numerator * (denominator / t.Value.Denominator))), wide: true);
        var quotient = "(int)((" + numerator + ") / " + denominator.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
        return text.Length == 0 ? quotient : text + " + " + quotient;
    }

    /// <summary>Σ coefficient·monomial, highest degree first, then by text; each product in long when <paramref name="wide"/>.</summary>
    private static string Sum(IEnumerable<(string Key, BigInteger Coefficient)> terms, bool wide = false)
    {
        var text = "";
        foreach (var (atoms, coefficient) in terms
            .Select(t => (Atoms: Atoms(t.Key), t.Coefficient))
            .OrderByDescending(t => t.Atoms.Count)
            .ThenBy(t => string.Join(" * ", t.Atoms), StringComparer.Ordinal))
        {
            var magnitude = BigInteger.Abs(coefficient);
            var factors = (magnitude.IsOne && atoms.Count > 0 ? Array.Empty<string>() : new[] { magnitude.ToString(System.Globalization.CultureInfo.InvariantCulture) }).Concat(atoms.Select(Operand)).ToList();
            if (wide)
            {
                factors[0] = char.IsDigit(factors[0][0]) ? factors[0] + "L" : "(long)" + factors[0];
            }

            var product = string.Join(" * ", factors);
            text = text.Length == 0
                ? (coefficient.Sign < 0 ? "-" : "") + product
                : text + (coefficient.Sign < 0 ? " - " : " + ") + product;
        }

        return text;
    }

    private static string Operand(string atom) => SyntaxFacts.IsValidIdentifier(atom.TrimStart('@')) || atom.All(char.IsDigit) || IsPlain(atom) ? atom : "(" + atom + ")";

    private static IndexPolynomial? Build(ExpressionSyntax expression, string variable)
        => Structured(expression, variable) ?? (Reads(expression, variable) ? null : Atom(expression.WithoutTrivia().ToString()));

    /// <summary>Ring operations and exact divisions taken apart; null for anything else (a call, an inexact division).</summary>
    private static IndexPolynomial? Structured(ExpressionSyntax expression, string variable)
    {
        switch (expression)
        {
            case LiteralExpressionSyntax { Token.Value: int literal }:
                return Constant(new Rational(literal));
            case IdentifierNameSyntax:
                return Reads(expression, variable) ? Atom(variable) : Atom(expression.WithoutTrivia().ToString());
            case ParenthesizedExpressionSyntax parenthesized:
                return Build(parenthesized.Expression, variable);
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression } negation:
                return Build(negation.Operand, variable)?.Scaled(-Rational.One);
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryPlusExpression } plus:
                return Build(plus.Operand, variable);
            case BinaryExpressionSyntax binary:
                var left = Build(binary.Left, variable);
                var right = Build(binary.Right, variable);
                if (left is null || right is null)
                {
                    return null;
                }

                switch (binary.Kind())
                {
                    case SyntaxKind.AddExpression:
                        return left.Plus(right);
                    case SyntaxKind.SubtractExpression:
                        return left.Plus(right.Scaled(-Rational.One));
                    case SyntaxKind.MultiplyExpression:
                        var product = left.Times(right);
                        return product.TotalDegree > MaxDegree || product._terms.Count > MaxTerms ? null : product;
                    case SyntaxKind.DivideExpression when right.AsConstant is { IsZero: false, IsInteger: true } divisor && Reads(binary.Left, variable):
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

    private int TotalDegree => _terms.Keys.Select(k => Atoms(k).Count).DefaultIfEmpty(0).Max();

    /// <summary>Whether <paramref name="expression"/> reads <paramref name="variable"/> (not as a member after a dot).</summary>
    private static bool Reads(ExpressionSyntax expression, string variable)
        => expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(name =>
            name.Identifier.ValueText == variable.TrimStart('@')
            && !(name.Parent is MemberAccessExpressionSyntax access && access.Name == name));

    private static IndexPolynomial Normalized(Dictionary<string, Rational> terms, bool dividesVariable)
    {
        foreach (var key in terms.Where(t => t.Value.IsZero).Select(t => t.Key).ToList())
        {
            terms.Remove(key);
        }

        return new IndexPolynomial(terms) { DividesVariable = dividesVariable };
    }

    private static List<string> Atoms(string key) => key.Length == 0 ? new List<string>() : key.Split(Separator).ToList();

    private static string Key(IEnumerable<string> atoms) => string.Join(Separator.ToString(), atoms.OrderBy(a => a, StringComparer.Ordinal));

    private static BigInteger Stirling(int n, int k)
        => n == k ? BigInteger.One : k == 0 || k > n ? BigInteger.Zero : (k * Stirling(n - 1, k)) + Stirling(n - 1, k - 1);

    private static BigInteger Factorial(int n) => n <= 1 ? BigInteger.One : n * Factorial(n - 1);
}
