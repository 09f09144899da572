using SymDiff.Tests.Functions;
using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Gradients;

public sealed class DetachedTests
{
    [Theory]
    [InlineData(1.5, -2.0)]
    [InlineData(-0.75, 3.25)]
    public void MarkedValues_AreConstantsToEveryDerivative(double x, double y)
    {
        var value = Detached.ScaledGradient(x, y, out var dx, out var dy);
        Assert.Equal(x * x * y + x * y, value);
        Assert.Equal(2 * x * y, dx);
        Assert.Equal(0.0, dy);

        Detached.ScaledTangent(x, y, 0.5, 4.0, out var tangent);
        Assert.Equal(2 * x * y * 0.5, tangent, 1e-15);

        var hessian = new double[4];
        Detached.ScaledHessian(x, y, new double[2], hessian);
        Assert.Equal([2 * y, 0.0, 0.0, 0.0], hessian);
    }

    [Fact]
    public void GenericMath_MarkedFactorIsConstant()
    {
        const double x = 0.7;
        Detached.GenericTangent(x, 1.0, out var tangent);
        Assert.Equal(x * Math.Cos(x), tangent, 1e-15);
        Detached.GenericTangent(0.7f, 1f, out var single);
        Assert.Equal(0.7f * MathF.Cos(0.7f), single, 1e-6f);
    }

    [Fact]
    public void LogSumExpWithMarkedShift_HasTheSoftmaxGradient()
    {
        double[] z = [0.3, -1.2, 2.5, 2.5, 0.0];
        var dz = new double[z.Length];
        var value = Detached.LogSumExpGradient(z, dz);

        var sum = z.Sum(Math.Exp);
        Assert.Equal(Math.Log(sum), value, 1e-14);
        GradientAssert.Close(z.Select(v => Math.Exp(v) / sum).ToArray(), dz, 1e-14, 1e-15);
        GradientAssert.Close(FiniteDifference.Gradient(p => Detached.LogSumExp(p), z), dz, 1e-7, 1e-9);

        double[] t = [1.0, -0.5, 0.25, 2.0, -1.0];
        Detached.LogSumExpTangent(z, t, out var tangent);
        Assert.Equal(dz.Zip(t, (a, b) => a * b).Sum(), tangent, 1e-14);

        var hv = new double[z.Length];
        Detached.LogSumExpHessianVector(z, t, new double[z.Length], hv);
        var p = dz;
        var pt = p.Zip(t, (a, b) => a * b).Sum();
        GradientAssert.Close(p.Zip(t, (a, b) => a * (b - pt)).ToArray(), hv, 1e-13, 1e-14);
    }

    [Fact]
    public void LogSumExpWithMarkedShift_IsFiniteFarFromZero()
    {
        double[] z = [1000.0, 999.0];
        var dz = new double[2];
        var value = Detached.LogSumExpGradient(z, dz);
        Assert.Equal(1000.0 + Math.Log(1 + Math.Exp(-1)), value, 1e-12);
        Assert.Equal(1 / (1 + Math.Exp(-1)), dz[0], 1e-15);
    }
}
