using SymDiff.Tests.Functions;
using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Gradients;

/// <summary>Where a naive derivative evaluates Log of a negative number or an unused NaN, the gradient stays a number.</summary>
public sealed class HygieneTests
{
    [Fact]
    public void Cube_NegativeBase_DerivativeIsTwelveExactly()
    {
        var value = Hygiene.CubeGradient(-2.0, out var dx);

        Assert.Equal(-8.0, value);
        GradientAssert.Exact([12.0], [dx]);
    }

    [Theory]
    [InlineData(-2.0)]
    [InlineData(0.5)]
    [InlineData(3.0)]
    public void Cube_AnyPoint_ThreeXSquared(double x)
    {
        var value = Hygiene.CubeGradient(x, out var dx);

        GradientCheck.Verify(p => Hygiene.Cube(p[0]), [x], value, [dx], [3 * x * x]);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(2.0)]
    [InlineData(7.0)]
    public void FractionalPower_PositiveBase_PowerRule(double x)
    {
        var value = Hygiene.FractionalPowerGradient(x, out var dx);

        GradientCheck.Verify(p => Hygiene.FractionalPower(p[0]), [x], value, [dx], [2.5 * Math.Pow(x, 1.5)]);
    }

    [Theory]
    [InlineData(-3.0)]
    [InlineData(0.5)]
    [InlineData(2.0)]
    public void InverseSquare_NonzeroBase_MinusTwoOverXCubed(double x)
    {
        var value = Hygiene.InverseSquareGradient(x, out var dx);

        GradientCheck.Verify(p => Hygiene.InverseSquare(p[0]), [x], value, [dx], [-2 / (x * x * x)]);
    }

    [Fact]
    public void Pow_NegativeBaseIntegerExponent_ExponentPartialIsZeroNotNaN()
    {
        // ∂x = y·x^(y−1) = 3·4 = 12; ∂y would be x^y·ln x = NaN, by convention 0 where x ≤ 0.
        var value = Elementary.PowGradient(-2.0, 3.0, out var dx, out var dy);

        Assert.Equal(-8.0, value);
        GradientAssert.Exact([12.0, 0.0], [dx, dy]);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-1.0)]
    [InlineData(10.0)]
    public void DeadLocal_UnusedNaNLocal_GradientIsTwoX(double x)
    {
        Assert.True(double.IsNaN(Math.Acos((2.0 * x) + 5)), "the test point must make the dead local NaN");

        var value = Hygiene.DeadLocalGradient(x, out var dx);

        Assert.Equal(x * x, value);
        GradientAssert.Exact([2 * x], [dx]);
    }

    [Fact]
    public void GuardedSqrt_UntakenNaNBranch_DerivativeIsZero()
    {
        var value = Hygiene.GuardedSqrtGradient(-1.0, out var dx);

        Assert.Equal(0.0, value);
        GradientAssert.Exact([0.0], [dx]);
    }

    [Fact]
    public void GuardedSqrt_TakenBranch_HalfOverRoot()
    {
        var value = Hygiene.GuardedSqrtGradient(4.0, out var dx);

        GradientCheck.Verify(p => Hygiene.GuardedSqrt(p[0]), [4.0], value, [dx], [0.25]);
    }

    [Fact]
    public void GuardedLog_UntakenNaNBranch_DerivativeIsOne()
    {
        var value = Hygiene.GuardedLogGradient(-3.0, out var dx);

        Assert.Equal(-3.0, value);
        GradientAssert.Exact([1.0], [dx]);
    }

    [Fact]
    public void GuardedLog_TakenBranch_Reciprocal()
    {
        var value = Hygiene.GuardedLogGradient(2.0, out var dx);

        GradientCheck.Verify(p => Hygiene.GuardedLog(p[0]), [2.0], value, [dx], [0.5]);
    }
}
