using SymDiff.Tests.Functions;
using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Gradients;

/// <summary>
/// The documented conventions at non-smooth points, asserted exactly: kinks take the mean of the
/// one-sided derivatives, steps are flat, √'(0) = 0, and a branch takes the taken branch's derivative.
/// </summary>
public sealed class ConventionsTests
{
    [Fact]
    public void Abs_AtZero_DerivativeIsZero()
    {
        var value = Conventions.AbsGradient(0.0, out var dx);

        Assert.Equal(0.0, value);
        GradientAssert.Exact([0.0], [dx]);
    }

    [Theory]
    [InlineData(-2.0, -1.0)]
    [InlineData(3.0, 1.0)]
    public void Abs_AwayFromZero_DerivativeIsSign(double x, double expected)
    {
        Conventions.AbsGradient(x, out var dx);

        GradientAssert.Exact([expected], [dx]);
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(-4.0)]
    [InlineData(0.0)]
    public void Max_Tie_HalfToEachArgument(double t)
    {
        var value = Conventions.MaxGradient(t, t, out var dx, out var dy);

        Assert.Equal(t, value);
        GradientAssert.Exact([0.5, 0.5], [dx, dy]);
    }

    [Theory]
    [InlineData(2.0, 1.0, 1.0, 0.0)]
    [InlineData(1.0, 2.0, 0.0, 1.0)]
    public void Max_NoTie_AllToLargerArgument(double x, double y, double expectedDx, double expectedDy)
    {
        Conventions.MaxGradient(x, y, out var dx, out var dy);

        GradientAssert.Exact([expectedDx, expectedDy], [dx, dy]);
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(-4.0)]
    [InlineData(0.0)]
    public void Min_Tie_HalfToEachArgument(double t)
    {
        var value = Conventions.MinGradient(t, t, out var dx, out var dy);

        Assert.Equal(t, value);
        GradientAssert.Exact([0.5, 0.5], [dx, dy]);
    }

    [Theory]
    [InlineData(2.0, 1.0, 0.0, 1.0)]
    [InlineData(1.0, 2.0, 1.0, 0.0)]
    public void Min_NoTie_AllToSmallerArgument(double x, double y, double expectedDx, double expectedDy)
    {
        Conventions.MinGradient(x, y, out var dx, out var dy);

        GradientAssert.Exact([expectedDx, expectedDy], [dx, dy]);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-3.0)]
    [InlineData(2.0)]
    public void Sign_AtAndAwayFromZero_DerivativeIsZero(double x)
    {
        var value = Conventions.SignGradient(x, out var dx);

        Assert.Equal(Math.Sign(x), value);
        GradientAssert.Exact([0.0], [dx]);
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(2.5)]
    [InlineData(-0.3)]
    public void Floor_AtAndAwayFromJumps_DerivativeIsZero(double x)
    {
        var value = Conventions.FloorGradient(x, out var dx);

        Assert.Equal(Math.Floor(x), value);
        GradientAssert.Exact([0.0], [dx]);
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(2.5)]
    [InlineData(-0.3)]
    public void Ceiling_AtAndAwayFromJumps_DerivativeIsZero(double x)
    {
        var value = Conventions.CeilingGradient(x, out var dx);

        Assert.Equal(Math.Ceiling(x), value);
        GradientAssert.Exact([0.0], [dx]);
    }

    [Theory]
    [InlineData(2.5)]
    [InlineData(2.2)]
    [InlineData(-0.7)]
    public void Round_AtAndAwayFromJumps_DerivativeIsZero(double x)
    {
        var value = Conventions.RoundGradient(x, out var dx);

        Assert.Equal(Math.Round(x), value);
        GradientAssert.Exact([0.0], [dx]);
    }

    [Fact]
    public void Sqrt_AtZero_DerivativeIsZeroNotInfinity()
    {
        var value = Conventions.SqrtGradient(0.0, out var dx);

        Assert.Equal(0.0, value);
        GradientAssert.Exact([0.0], [dx]);
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(9.0)]
    public void Sqrt_PositivePoints_HalfOverRoot(double x)
    {
        var value = Conventions.SqrtGradient(x, out var dx);

        GradientCheck.Verify(p => Conventions.Sqrt(p[0]), [x], value, [dx], [0.5 / Math.Sqrt(x)]);
    }

    [Fact]
    public void Norm_AtOrigin_GradientIsFiniteZero()
    {
        // √'(0) = 0 times the inner gradient (2x, 2y) = (0, 0).
        var value = Conventions.NormGradient(0.0, 0.0, out var dx, out var dy);

        Assert.Equal(0.0, value);
        GradientAssert.Finite([dx, dy]);
        GradientAssert.Exact([0.0, 0.0], [dx, dy]);
    }

    [Theory]
    [InlineData(3.0, 4.0)]
    [InlineData(-1.0, 0.5)]
    public void Norm_AwayFromOrigin_UnitVector(double x, double y)
    {
        var value = Conventions.NormGradient(x, y, out var dx, out var dy);

        var r = Math.Sqrt((x * x) + (y * y));
        GradientCheck.Verify(p => Conventions.Norm(p[0], p[1]), [x, y], value, [dx, dy], [x / r, y / r]);
    }

    [Fact]
    public void Kink_AtBoundary_ElseBranchDerivative()
    {
        // x > 0 is false at 0, so −x is taken: derivative −1.
        var value = Conventions.KinkGradient(0.0, out var dx);

        Assert.Equal(0.0, value);
        GradientAssert.Exact([-1.0], [dx]);
    }

    [Fact]
    public void KinkInclusive_AtBoundary_ThenBranchDerivative()
    {
        // x ≥ 0 is true at 0, so x² is taken: derivative 2·0 = 0.
        var value = Conventions.KinkInclusiveGradient(0.0, out var dx);

        Assert.Equal(0.0, value);
        GradientAssert.Exact([0.0], [dx]);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(-2.0)]
    public void Kink_InsideBranches_MatchesBranchFormula(double x)
    {
        var value = Conventions.KinkGradient(x, out var dx);

        GradientCheck.Verify(p => Conventions.Kink(p[0]), [x], value, [dx], [x > 0 ? 2 * x : -1]);
    }
}
