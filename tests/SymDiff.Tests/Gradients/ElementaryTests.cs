using SymDiff.Tests.Functions;
using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Gradients;

/// <summary>
/// Every supported <c>Math</c> function at smooth points, against its textbook derivative (1e-12 relative)
/// and central finite differences (1e-6 relative).
/// </summary>
public sealed class ElementaryTests
{
    [Theory]
    [InlineData(-2.0)]
    [InlineData(0.3)]
    [InlineData(1.7)]
    public void Sin_SmoothPoints_TwiceCosine(double x)
    {
        var value = Elementary.SinGradient(x, out var dx);

        GradientCheck.Verify(p => Elementary.Sin(p[0]), [x], value, [dx], [2 * Math.Cos(2 * x)]);
    }

    [Theory]
    [InlineData(-1.3)]
    [InlineData(0.4)]
    [InlineData(1.1)]
    public void Cos_SmoothPoints_MinusTwoXSine(double x)
    {
        var value = Elementary.CosGradient(x, out var dx);

        GradientCheck.Verify(p => Elementary.Cos(p[0]), [x], value, [dx], [-2 * x * Math.Sin(x * x)]);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(0.4)]
    [InlineData(2.0)]
    public void Tan_SmoothPoints_HalfSecantSquared(double x)
    {
        var value = Elementary.TanGradient(x, out var dx);

        var cos = Math.Cos(x / 2);
        GradientCheck.Verify(p => Elementary.Tan(p[0]), [x], value, [dx], [0.5 / (cos * cos)]);
    }

    [Theory]
    [InlineData(-1.5)]
    [InlineData(0.2)]
    [InlineData(1.2)]
    public void Asin_InsideDomain_InverseRoot(double x)
    {
        var value = Elementary.AsinGradient(x, out var dx);

        GradientCheck.Verify(p => Elementary.Asin(p[0]), [x], value, [dx], [0.5 / Math.Sqrt(1 - (x * x / 4))]);
    }

    [Theory]
    [InlineData(-1.5)]
    [InlineData(0.2)]
    [InlineData(1.2)]
    public void Acos_InsideDomain_MinusInverseRoot(double x)
    {
        var value = Elementary.AcosGradient(x, out var dx);

        GradientCheck.Verify(p => Elementary.Acos(p[0]), [x], value, [dx], [-0.5 / Math.Sqrt(1 - (x * x / 4))]);
    }

    [Theory]
    [InlineData(-2.0)]
    [InlineData(0.0)]
    [InlineData(0.7)]
    public void Atan_AnyPoint_ThreeOverOnePlusNineXSquared(double x)
    {
        var value = Elementary.AtanGradient(x, out var dx);

        GradientCheck.Verify(p => Elementary.Atan(p[0]), [x], value, [dx], [3 / (1 + (9 * x * x))]);
    }

    [Theory]
    [InlineData(1.0, 2.0)]
    [InlineData(-1.0, -0.5)]
    [InlineData(0.5, -3.0)]
    public void Atan2_AwayFromBranchCut_PolarPartials(double y, double x)
    {
        var value = Elementary.Atan2Gradient(y, x, out var dy, out var dx);

        var r2 = (x * x) + (y * y);
        GradientCheck.Verify(p => Elementary.Atan2(p[0], p[1]), [y, x], value, [dy, dx], [x / r2, -y / r2]);
    }

    [Theory]
    [InlineData(-4.0)]
    [InlineData(0.0)]
    [InlineData(2.5)]
    public void Sinh_AnyPoint_ThirdOfCosh(double x)
    {
        var value = Elementary.SinhGradient(x, out var dx);

        GradientCheck.Verify(p => Elementary.Sinh(p[0]), [x], value, [dx], [Math.Cosh(x / 3) / 3]);
    }

    [Theory]
    [InlineData(-2.0)]
    [InlineData(1.0)]
    [InlineData(3.5)]
    public void Cosh_AnyPoint_Sinh(double x)
    {
        var value = Elementary.CoshGradient(x, out var dx);

        GradientCheck.Verify(p => Elementary.Cosh(p[0]), [x], value, [dx], [Math.Sinh(x - 1)]);
    }

    [Theory]
    [InlineData(-1.2)]
    [InlineData(0.0)]
    [InlineData(0.6)]
    public void Tanh_AnyPoint_TwiceSechSquared(double x)
    {
        var value = Elementary.TanhGradient(x, out var dx);

        var cosh = Math.Cosh(2 * x);
        GradientCheck.Verify(p => Elementary.Tanh(p[0]), [x], value, [dx], [2 / (cosh * cosh)]);
    }

    [Theory]
    [InlineData(-1.5)]
    [InlineData(0.0)]
    [InlineData(0.8)]
    public void Exp_AnyPoint_GaussianDerivative(double x)
    {
        var value = Elementary.ExpGradient(x, out var dx);

        GradientCheck.Verify(p => Elementary.Exp(p[0]), [x], value, [dx], [-2 * x * Math.Exp(-x * x)]);
    }

    [Theory]
    [InlineData(-2.0)]
    [InlineData(0.0)]
    [InlineData(3.0)]
    public void Log_AnyPoint_TwoXOverXSquaredPlusOne(double x)
    {
        var value = Elementary.LogGradient(x, out var dx);

        GradientCheck.Verify(p => Elementary.Log(p[0]), [x], value, [dx], [2 * x / ((x * x) + 1)]);
    }

    [Theory]
    [InlineData(3.0, 2.0)]
    [InlineData(0.5, 10.0)]
    [InlineData(7.0, 0.5)]
    public void LogBase_PositiveArguments_ChangeOfBase(double x, double b)
    {
        var value = Elementary.LogBaseGradient(x, b, out var dx, out var db);

        // log_b x = ln x / ln b.
        var lnb = Math.Log(b);
        GradientCheck.Verify(
            p => Elementary.LogBase(p[0], p[1]),
            [x, b],
            value,
            [dx, db],
            [1 / (x * lnb), -Math.Log(x) / (b * lnb * lnb)]);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.0)]
    [InlineData(250.0)]
    public void Log10_PositivePoints_InverseXLnTen(double x)
    {
        var value = Elementary.Log10Gradient(x, out var dx);

        GradientCheck.Verify(p => Elementary.Log10(p[0]), [x], value, [dx], [1 / (x * Math.Log(10))]);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.0)]
    [InlineData(250.0)]
    public void Log2_PositivePoints_InverseXLnTwo(double x)
    {
        var value = Elementary.Log2Gradient(x, out var dx);

        GradientCheck.Verify(p => Elementary.Log2(p[0]), [x], value, [dx], [1 / (x * Math.Log(2))]);
    }

    [Theory]
    [InlineData(-3.0)]
    [InlineData(0.0)]
    [InlineData(1.5)]
    public void Sqrt_AnyPoint_XOverRoot(double x)
    {
        var value = Elementary.SqrtGradient(x, out var dx);

        GradientCheck.Verify(p => Elementary.Sqrt(p[0]), [x], value, [dx], [x / Math.Sqrt((x * x) + 1)]);
    }

    [Theory]
    [InlineData(-8.0)]
    [InlineData(0.5)]
    [InlineData(27.0)]
    public void Cbrt_NonzeroPoints_OneThirdPowerRule(double x)
    {
        var value = Elementary.CbrtGradient(x, out var dx);

        var root = Math.Cbrt(x);
        GradientCheck.Verify(p => Elementary.Cbrt(p[0]), [x], value, [dx], [1 / (3 * root * root)]);
    }

    [Theory]
    [InlineData(1.5, 2.0)]
    [InlineData(0.7, -1.3)]
    [InlineData(3.0, 0.5)]
    public void Pow_PositiveBase_PowerAndExponentialRules(double x, double y)
    {
        var value = Elementary.PowGradient(x, y, out var dx, out var dy);

        GradientCheck.Verify(
            p => Elementary.Pow(p[0], p[1]),
            [x, y],
            value,
            [dx, dy],
            [y * Math.Pow(x, y - 1), Math.Pow(x, y) * Math.Log(x)]);
    }

    [Theory]
    [InlineData(2.0, 3.0)]
    [InlineData(0.5, 1.0)]
    [InlineData(-1.5, 2.0)]
    public void Abs_AwayFromKink_SignTimesInnerDerivative(double x, double y)
    {
        var value = Elementary.AbsGradient(x, y, out var dx, out var dy);

        var sign = Math.Sign((x * y) - 1);
        GradientCheck.Verify(p => Elementary.Abs(p[0], p[1]), [x, y], value, [dx, dy], [sign * y, sign * x]);
    }

    [Theory]
    [InlineData(2.0, 1.0)]
    [InlineData(0.5, 1.0)]
    [InlineData(-1.5, 3.0)]
    public void Max_AwayFromTie_DerivativeOfLargerArgument(double x, double y)
    {
        var value = Elementary.MaxGradient(x, y, out var dx, out var dy);

        var formula = x * x > y ? new[] { 2 * x, 0.0 } : [0.0, 1.0];
        GradientCheck.Verify(p => Elementary.Max(p[0], p[1]), [x, y], value, [dx, dy], formula);
    }

    [Theory]
    [InlineData(2.0, 1.0)]
    [InlineData(0.5, 1.0)]
    [InlineData(-1.5, 3.0)]
    public void Min_AwayFromTie_DerivativeOfSmallerArgument(double x, double y)
    {
        var value = Elementary.MinGradient(x, y, out var dx, out var dy);

        var formula = x * x < y ? new[] { 2 * x, 0.0 } : [0.0, 1.0];
        GradientCheck.Verify(p => Elementary.Min(p[0], p[1]), [x, y], value, [dx, dy], formula);
    }

    [Theory]
    [InlineData(-2.5, 3.0)]
    [InlineData(0.75, -1.5)]
    public void Sign_AwayFromZero_StepIsFlat(double x, double y)
    {
        var value = Elementary.SignGradient(x, y, out var dx, out var dy);

        GradientCheck.Verify(p => Elementary.Sign(p[0], p[1]), [x, y], value, [dx, dy], [0, Math.Sign(x)]);
        Assert.Equal(0.0, dx);
    }

    [Theory]
    [InlineData(1.3, 2.0)]
    [InlineData(-2.7, -0.5)]
    public void Floor_AwayFromIntegers_StepIsFlat(double x, double y)
    {
        var value = Elementary.FloorGradient(x, y, out var dx, out var dy);

        GradientCheck.Verify(p => Elementary.Floor(p[0], p[1]), [x, y], value, [dx, dy], [0, Math.Floor(x)]);
        Assert.Equal(0.0, dx);
    }

    [Theory]
    [InlineData(1.3, 2.0)]
    [InlineData(-2.7, -0.5)]
    public void Ceiling_AwayFromIntegers_StepIsFlat(double x, double y)
    {
        var value = Elementary.CeilingGradient(x, y, out var dx, out var dy);

        GradientCheck.Verify(p => Elementary.Ceiling(p[0], p[1]), [x, y], value, [dx, dy], [0, Math.Ceiling(x)]);
        Assert.Equal(0.0, dx);
    }

    [Theory]
    [InlineData(1.3, 2.0)]
    [InlineData(-2.7, -0.5)]
    public void Round_AwayFromHalves_StepIsFlat(double x, double y)
    {
        var value = Elementary.RoundGradient(x, y, out var dx, out var dy);

        GradientCheck.Verify(p => Elementary.Round(p[0], p[1]), [x, y], value, [dx, dy], [0, Math.Round(x)]);
        Assert.Equal(0.0, dx);
    }
}
