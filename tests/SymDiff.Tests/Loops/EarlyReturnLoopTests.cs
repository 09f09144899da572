using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Loops;

/// <summary>Loops after an early return: they run only when the source gets there, since they may read past their vectors otherwise.</summary>
public static partial class StoppedLoops
{
    /// <summary>0 when stop &gt; 0, else stop·Σ_{i&lt;n} x[i]²: a sum, whose backward sweep runs inside the forward loop.</summary>
    [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double Sum(ReadOnlySpan<double> x, int n, double stop)
    {
        if (stop > 0)
        {
            return 0.0;
        }

        var total = 0.0;
        for (int i = 0; i < n; i++)
        {
            total += x[i] * x[i];
        }

        return total * stop;
    }

    /// <summary>0 when stop &gt; 0, else Π_{i&lt;n} (1 + 0.5·x[i]): a product, swept backward from its tape.</summary>
    [Differentiable]
    public static double Product(ReadOnlySpan<double> x, int n, double stop)
    {
        if (stop > 0)
        {
            return 0.0;
        }

        var product = 1.0;
        for (int i = 0; i < n; i++)
        {
            product *= 1 + 0.5 * x[i];
        }

        return product;
    }

    /// <summary>0 when stop &gt; 0, else Π_p (1 + 0.1·Σ_{k&lt;m} e^{w[k]}·x[p]): e^{w[k]} is tabulated before the loop over p.</summary>
    [Differentiable]
    public static double Tabulated(ReadOnlySpan<double> w, ReadOnlySpan<double> x, int m, double stop)
    {
        if (stop > 0)
        {
            return 0.0;
        }

        var product = 1.0;
        for (int p = 0; p < x.Length; p++)
        {
            var s = 0.0;
            for (int k = 0; k < m; k++)
            {
                s += Math.Exp(w[k]) * x[p];
            }

            product *= 1 + 0.1 * s;
        }

        return product;
    }
}

public sealed class EarlyReturnLoopTests
{
    [Fact]
    public void Stopped_TheLoopsDoNotRun()
    {
        // n = 5 and m = 5 reach past x and w: the source never gets there.
        double[] x = [0.5, -1.0];
        var dx = new double[2];
        Assert.Equal(0.0, StoppedLoops.SumGradient(x, 5, 1.0, dx, out var dstop));
        Assert.Equal([0.0, 0.0], dx);
        Assert.Equal(0.0, dstop);
        StoppedLoops.SumTangent(x, 5, 1.0, [1.0, 1.0], 1.0, out var tangent);
        Assert.Equal(0.0, tangent);
        var hx = new double[2];
        StoppedLoops.SumHessianVector(x, 5, 1.0, [1.0, 1.0], 1.0, dx, out _, hx, out var hstop);
        Assert.Equal([0.0, 0.0], hx);
        Assert.Equal(0.0, hstop);

        Assert.Equal(0.0, StoppedLoops.ProductGradient(x, 5, 1.0, dx, out _));
        Assert.Equal([0.0, 0.0], dx);

        var dw = new double[2];
        Assert.Equal(0.0, StoppedLoops.TabulatedGradient([0.1, 0.2], x, 5, 1.0, dw, dx, out _));
        Assert.Equal([0.0, 0.0], dw);
    }

    [Fact]
    public void Running_GradientsMatchFiniteDifferences()
    {
        double[] x = [0.5, -1.0, 0.25];
        double[] w = [0.1, -0.3];
        var dx = new double[3];
        var value = StoppedLoops.SumGradient(x, 3, -2.0, dx, out var dstop);
        Assert.Equal(StoppedLoops.Sum(x, 3, -2.0), value);
        GradientAssert.Close(FiniteDifference.Gradient(p => StoppedLoops.Sum(p, 3, -2.0), x), dx, 1e-8, 1e-10);
        Assert.Equal(x.Sum(v => v * v), dstop, 1e-14);

        Assert.Equal(StoppedLoops.Product(x, 3, -2.0), StoppedLoops.ProductGradient(x, 3, -2.0, dx, out _));
        GradientAssert.Close(FiniteDifference.Gradient(p => StoppedLoops.Product(p, 3, -2.0), x), dx, 1e-8, 1e-10);

        var dw = new double[2];
        Assert.Equal(StoppedLoops.Tabulated(w, x, 2, -2.0), StoppedLoops.TabulatedGradient(w, x, 2, -2.0, dw, dx, out _));
        GradientAssert.Close(FiniteDifference.Gradient(p => StoppedLoops.Tabulated(p, x, 2, -2.0), w), dw, 1e-8, 1e-10);
        GradientAssert.Close(FiniteDifference.Gradient(p => StoppedLoops.Tabulated(w, p, 2, -2.0), x), dx, 1e-8, 1e-10);
    }
}
