using SymDiff.Generator.Ir;
using static SymDiff.Generator.Tests.Unit.Ir.IntText;

namespace SymDiff.Generator.Tests.Unit.Ir;

/// <summary>
/// The integer IR's normal form: equal polynomials compare equal however the source writes them, divisions count only
/// where they are exact (divisibility), and the expression written back computes the same value as the source's for
/// every value of its names, by C#'s own arithmetic.
/// </summary>
public sealed class IntPolynomialTests
{
    [Theory]
    [InlineData("i * (2 * d - i - 1) / 2", "d * i - (i * i + i) / 2")]
    [InlineData("(i + 1) * (i + 1)", "i * i + 2 * i + 1")]
    [InlineData("j - i - 1 + i", "j - 1")]
    [InlineData("-(k * m) + i", "i - m * k")]
    [InlineData("x.Length + 2 * n - i", "2 * n - i + x.Length")]
    public void NormalForm_IsTheSameForEqualPolynomials(string a, string b)
    {
        var difference = IntPolynomial.Of(E(a), "i")!.Plus(IntPolynomial.Of(E(b), "i")!.Scaled(-Rational.One));
        Assert.Equal(Rational.Zero, difference.AsConstant);
    }

    [Theory]
    [InlineData("i * (i + 1) / 2", true)]    // a triangle number: always an integer
    [InlineData("i * (i - 1) * (i - 2) / 6", true)]
    [InlineData("(2 * i + 4) / 2", true)]
    [InlineData("i * i / 2", false)]         // odd for odd i: C#'s / truncates, no polynomial does
    [InlineData("(i + 1) / 2", false)]
    [InlineData("i * (i + 1) / 4", false)]
    public void Divisibility_AcceptsOnlyDivisionsExactForEveryInteger(string index, bool exact)
        => Assert.Equal(exact, IntPolynomial.Of(E(index), "i") is not null);

    [Theory]
    [InlineData("i * i % 7")]
    [InlineData("n / i + i")]
    public void PartsThatReadTheVariableOutsideTheRing_HaveNoNormalForm(string index)
        => Assert.Null(IntPolynomial.Of(E(index), "i"));

    [Fact]
    public void PartsNotReadingTheVariable_AreAtomsKeptWhole()
    {
        var polynomial = IntPolynomial.Of(E("n / m + i"), "i")!;
        Assert.Equal(1, polynomial.DegreeIn("i"));
        Assert.Equal("(n / m)", polynomial.WithoutUnit("i")!.ToCode()); // written back as a factor, in parentheses
    }

    [Theory]
    [InlineData("k * (d * (d + 1) / 2) + d + i * (2 * d - i - 1) / 2 + (j - i - 1)")]
    [InlineData("i * (i + 1) / 2 + j")]
    [InlineData("(i * i * i - i) / 6")]
    [InlineData("3 * i * i - 2 * i * j + 7")]
    [InlineData("-(i * i) + d * i")]
    public void WrittenBack_ComputesTheSourcesValueEverywhere(string index)
    {
        var written = IntPolynomial.Of(E(index), "i")!.ToCode();
        var random = new Random(index.Length);
        for (var trial = 0; trial < 500; trial++)
        {
            var values = new Dictionary<string, long> { ["i"] = random.Next(-200, 200), ["j"] = random.Next(-200, 200), ["d"] = random.Next(0, 200), ["k"] = random.Next(0, 20) };
            Assert.Equal(Evaluate(index, values), Evaluate(written, values));
        }
    }

    [Theory]
    [InlineData("i + 3", 1, 3)]
    [InlineData("2 * i + 3", 2, 3)]
    [InlineData("i * n", null, null)]
    public void LinearCoefficient_AndOffset(string index, int? coefficient, int? offset)
    {
        var polynomial = IntPolynomial.Of(E(index), "i")!;
        Assert.Equal(coefficient is { } c ? new Rational(c) : null, polynomial.LinearCoefficient("i"));
        if (offset is { } o)
        {
            Assert.Equal(new Rational(o), polynomial.Plus(IntPolynomial.Atom("i").Scaled(-polynomial.LinearCoefficient("i")!.Value)).AsConstant);
        }
    }

    /// <summary>C#'s own int arithmetic on the text, as the generated code computes it (casts to long included).</summary>
    internal static long Evaluate(string text, IReadOnlyDictionary<string, long> values)
    {
        var expression = Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ParseExpression(text);
        return Value(expression);

        long Value(Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax e) => e switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax literal => Convert.ToInt64(literal.Token.Value, System.Globalization.CultureInfo.InvariantCulture),
            Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax name => values[name.Identifier.ValueText],
            Microsoft.CodeAnalysis.CSharp.Syntax.ParenthesizedExpressionSyntax group => Value(group.Expression),
            Microsoft.CodeAnalysis.CSharp.Syntax.CheckedExpressionSyntax @unchecked => Value(@unchecked.Expression),
            Microsoft.CodeAnalysis.CSharp.Syntax.CastExpressionSyntax cast => Value(cast.Expression),
            Microsoft.CodeAnalysis.CSharp.Syntax.PrefixUnaryExpressionSyntax unary => -Value(unary.Operand),
            Microsoft.CodeAnalysis.CSharp.Syntax.BinaryExpressionSyntax binary => binary.OperatorToken.Text switch
            {
                "+" => Value(binary.Left) + Value(binary.Right),
                "-" => Value(binary.Left) - Value(binary.Right),
                "*" => Value(binary.Left) * Value(binary.Right),
                "/" => Value(binary.Left) / Value(binary.Right),
                _ => Value(binary.Left) % Value(binary.Right),
            },
            _ => throw new ArgumentException("not in the tests' notation: " + e, nameof(text)),
        };
    }
}
