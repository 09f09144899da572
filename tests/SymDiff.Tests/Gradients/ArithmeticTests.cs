using SymDiff.Tests.Functions;
using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Gradients;

/// <summary>Literals, + − × ÷ and unary signs, against hand formulas and finite differences (1e-6 relative).</summary>
public sealed class ArithmeticTests
{
    [Theory]
    [InlineData(-3.0)]
    [InlineData(0.0)]
    [InlineData(7.25)]
    public void Constant_AnyPoint_ValueIsLiteralAndDerivativeZero(double x)
    {
        var value = Arithmetic.ConstantGradient(x, out var dx);

        Assert.Equal(4.5, value);
        GradientAssert.Exact([0.0], [dx]);
    }

    [Theory]
    [InlineData(-3.0)]
    [InlineData(0.0)]
    [InlineData(7.25)]
    public void Identity_AnyPoint_DerivativeIsOne(double x)
    {
        var value = Arithmetic.IdentityGradient(x, out var dx);

        Assert.Equal(x, value);
        GradientAssert.Exact([1.0], [dx]);
    }

    [Theory]
    [InlineData(-3.0)]
    [InlineData(0.0)]
    [InlineData(7.25)]
    public void Literals_AnyPoint_DerivativeIsSumOfCoefficients(double x)
    {
        var value = Arithmetic.LiteralsGradient(x, out var dx);

        GradientCheck.Verify(p => Arithmetic.Literals(p[0]), [x], value, [dx], [2 + 1e-3]);
    }

    [Theory]
    [InlineData(-3.0)]
    [InlineData(7.25)]
    public void IntegerDivisionLiteral_AnyPoint_FollowsCSharpIntegerDivision(double x)
    {
        var value = Arithmetic.IntegerDivisionLiteralGradient(x, out var dx);

        Assert.Equal(x, value);
        GradientAssert.Exact([1.0], [dx]);
    }

    [Theory]
    [InlineData(1.5, -2.0)]
    [InlineData(-0.25, 4.0)]
    public void Add_AnyPoint_BothPartialsOne(double x, double y)
    {
        var value = Arithmetic.AddGradient(x, y, out var dx, out var dy);

        GradientCheck.Verify(p => Arithmetic.Add(p[0], p[1]), [x, y], value, [dx, dy], [1, 1]);
    }

    [Theory]
    [InlineData(1.5, -2.0)]
    [InlineData(-0.25, 4.0)]
    public void Subtract_AnyPoint_PartialsOneAndMinusOne(double x, double y)
    {
        var value = Arithmetic.SubtractGradient(x, y, out var dx, out var dy);

        GradientCheck.Verify(p => Arithmetic.Subtract(p[0], p[1]), [x, y], value, [dx, dy], [1, -1]);
    }

    [Theory]
    [InlineData(1.5, -2.0)]
    [InlineData(-0.25, 4.0)]
    public void Multiply_AnyPoint_PartialsAreTheOtherFactor(double x, double y)
    {
        var value = Arithmetic.MultiplyGradient(x, y, out var dx, out var dy);

        GradientCheck.Verify(p => Arithmetic.Multiply(p[0], p[1]), [x, y], value, [dx, dy], [y, x]);
    }

    [Theory]
    [InlineData(1.5, -2.0)]
    [InlineData(-0.25, 4.0)]
    [InlineData(3.0, 0.5)]
    public void Divide_NonzeroDenominator_QuotientRule(double x, double y)
    {
        var value = Arithmetic.DivideGradient(x, y, out var dx, out var dy);

        GradientCheck.Verify(p => Arithmetic.Divide(p[0], p[1]), [x, y], value, [dx, dy], [1 / y, -x / (y * y)]);
    }

    [Theory]
    [InlineData(-3.0)]
    [InlineData(7.25)]
    public void Negate_AnyPoint_DerivativeMinusOne(double x)
    {
        var value = Arithmetic.NegateGradient(x, out var dx);

        Assert.Equal(-x, value);
        GradientAssert.Exact([-1.0], [dx]);
    }

    [Theory]
    [InlineData(1.5, -2.0)]
    [InlineData(-0.25, 2.0)]
    [InlineData(2.0, 3.0)]
    public void Mixed_SmoothPoints_MatchesQuotientRule(double x, double y)
    {
        var value = Arithmetic.MixedGradient(x, y, out var dx, out var dy);

        // f = (2y − x)/(xy + 1) + x.
        var n = 2 * y - x;
        var d = x * y + 1;
        GradientCheck.Verify(
            p => Arithmetic.Mixed(p[0], p[1]),
            [x, y],
            value,
            [dx, dy],
            [((-1 * d) - (n * y)) / (d * d) + 1, ((2 * d) - (n * x)) / (d * d)]);
    }

    [Theory]
    [InlineData(-3.0)]
    [InlineData(7.25)]
    public void Cast_AnyPoint_DerivativeThree(double x)
    {
        var value = Arithmetic.CastGradient(x, out var dx);

        GradientCheck.Verify(p => Arithmetic.Cast(p[0]), [x], value, [dx], [3]);
    }
}
