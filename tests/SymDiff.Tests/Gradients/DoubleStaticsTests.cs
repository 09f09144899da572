using SymDiff.Tests.Functions;
using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Gradients;

/// <summary><c>double.Sin(x)</c> and friends differentiate like their <c>Math</c> counterparts.</summary>
public sealed class DoubleStaticsTests
{
    [Theory]
    [InlineData(-1.0)]
    [InlineData(0.6)]
    [InlineData(2.2)]
    public void SinCos_SmoothPoints_CosineOfDoubleAngle(double x)
    {
        var value = DoubleStatics.SinCosGradient(x, out var dx);

        // sin·cos = sin(2x)/2, whose derivative is cos(2x).
        GradientCheck.Verify(p => DoubleStatics.SinCos(p[0]), [x], value, [dx], [Math.Cos(2 * x)]);
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(1.0)]
    [InlineData(3.0)]
    public void ExpPlusLog_PositivePoints_ExpPlusReciprocal(double x)
    {
        var value = DoubleStatics.ExpPlusLogGradient(x, out var dx);

        GradientCheck.Verify(p => DoubleStatics.ExpPlusLog(p[0]), [x], value, [dx], [Math.Exp(x) + (1 / x)]);
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(4.0)]
    public void Sqrt_PositivePoints_HalfOverRoot(double x)
    {
        var value = DoubleStatics.SqrtGradient(x, out var dx);

        GradientCheck.Verify(p => DoubleStatics.Sqrt(p[0]), [x], value, [dx], [0.5 / Math.Sqrt(x)]);
    }

    [Theory]
    [InlineData(1.5, 2.0)]
    [InlineData(0.7, -1.3)]
    public void Pow_PositiveBase_PowerAndExponentialRules(double x, double y)
    {
        var value = DoubleStatics.PowGradient(x, y, out var dx, out var dy);

        GradientCheck.Verify(
            p => DoubleStatics.Pow(p[0], p[1]),
            [x, y],
            value,
            [dx, dy],
            [y * Math.Pow(x, y - 1), Math.Pow(x, y) * Math.Log(x)]);
    }

    [Theory]
    [InlineData(1.0, 2.0)]
    [InlineData(-1.0, -0.5)]
    public void Atan2_AwayFromBranchCut_PolarPartials(double y, double x)
    {
        var value = DoubleStatics.Atan2Gradient(y, x, out var dy, out var dx);

        var r2 = (x * x) + (y * y);
        GradientCheck.Verify(p => DoubleStatics.Atan2(p[0], p[1]), [y, x], value, [dy, dx], [x / r2, -y / r2]);
    }
}
