using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Loops;

/// <summary>
/// Loops whose body does not pass its carried value on (its adjoint through one iteration is zero): the value
/// still reaches the result when the loop runs no iteration.
/// </summary>
public static partial class DroppedCarries
{
    /// <summary>2a when n ≤ 0, else 0·(…) = 0: ∂/∂a = 2 or 0.</summary>
    [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double Zeroed(ReadOnlySpan<double> x, double a, int n)
    {
        var s = a + a;
        for (int i = 0; i < n; i++)
        {
            s = 0.0 * s;
        }

        return s;
    }

    /// <summary>a² when n ≤ 0, else x[n − 1]·a: the loop overwrites s, reading a.</summary>
    [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double Overwritten(ReadOnlySpan<double> x, double a, int n)
    {
        var s = a * a;
        for (int i = 0; i < n; i++)
        {
            s = x[i] * a;
        }

        return s;
    }

    /// <summary>
    /// a + Σ x[i]²: t is overwritten and never read after the loop, so its initial value, log a, has no adjoint, and
    /// its partial, 1/a, infinite at a = 0, must not be multiplied in (found in review: da was NaN at a = 0).
    /// </summary>
    [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double DeadCarry(ReadOnlySpan<double> x, double a, int n)
    {
        var s = a;
        var t = Math.Log(a);
        for (int i = 0; i < n; i++)
        {
            t = x[i];
            s += t * x[i];
        }

        return s;
    }

    /// <summary>sin(a) when n ≤ 0, else 0 (s − s): the gradient's sweep drops s, and H·v's tangent of s is 0·ts.</summary>
    [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double Cancelled(ReadOnlySpan<double> x, double a, int n)
    {
        var s = Math.Sin(a);
        for (int i = 0; i < n; i++)
        {
            s -= s;
        }

        return s;
    }
}

public sealed class DroppedCarryTests
{
    public static TheoryData<int> Sizes => new() { 0, 1, 3 };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Zeroed_AllModesMatchTheDerivativeByHand(int n)
    {
        double[] x = [0.5, -1.0, 0.25];
        const double a = 0.3;
        var expected = n == 0 ? 2.0 : 0.0;
        var dx = new double[3];
        Assert.Equal(DroppedCarries.Zeroed(x, a, n), DroppedCarries.ZeroedGradient(x, a, n, dx, out var da));
        Assert.Equal(expected, da);
        DroppedCarries.ZeroedTangent(x, a, n, [1.0, 1.0, 1.0], 1.0, out var tangent);
        Assert.Equal(expected, tangent);
        var hx = new double[3];
        DroppedCarries.ZeroedHessianVector(x, a, n, [1.0, 1.0, 1.0], 1.0, dx, out var hvGradient, hx, out var hva);
        Assert.Equal(expected, hvGradient);
        Assert.Equal(0.0, hva);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Overwritten_AllModesMatchDifferences(int n)
    {
        double[] x = [0.5, -1.0, 0.25];
        const double a = 0.3;
        var dx = new double[3];
        Assert.Equal(DroppedCarries.Overwritten(x, a, n), DroppedCarries.OverwrittenGradient(x, a, n, dx, out var da));
        Assert.Equal(n == 0 ? 2 * a : x[n - 1], da, 1e-15);
        GradientAssert.Close(FiniteDifference.Gradient(p => DroppedCarries.Overwritten(p, a, n), x), dx, 1e-8, 1e-10);

        double[] v = [0.2, -0.4, 0.7];
        const double va = -0.6;
        DroppedCarries.OverwrittenTangent(x, a, n, v, va, out var tangent);
        Assert.Equal(da * va + dx.Zip(v, (g, t) => g * t).Sum(), tangent, 1e-14);

        var hx = new double[3];
        DroppedCarries.OverwrittenHessianVector(x, a, n, v, va, new double[3], out var hvGradient, hx, out var hva);
        Assert.Equal(da, hvGradient, 1e-15);
        // H of a² is [2]; of x[n−1]·a it couples x[n−1] and a.
        Assert.Equal(n == 0 ? 2 * va : v[n - 1], hva, 1e-14);
        Assert.Equal(n == 0 ? 0.0 : va, hx[Math.Max(n - 1, 0)], 1e-14);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void DeadCarry_HasNoPartialThroughTheDeadValue(int n)
    {
        double[] x = [0.5, -1.0, 0.25];
        var dx = new double[3];
        DroppedCarries.DeadCarryGradient(x, 0.0, n, dx, out var da);
        Assert.Equal(1.0, da);
        Assert.Equal(x.Select((v, i) => i < n ? 2 * v : 0.0), dx);
        var hx = new double[3];
        DroppedCarries.DeadCarryHessianVector(x, 0.0, n, [1.0, 1.0, 1.0], 1.0, dx, out var hvGradient, hx, out var hva);
        Assert.Equal(1.0, hvGradient);
        Assert.Equal(0.0, hva);
        Assert.Equal(x.Select((_, i) => i < n ? 2.0 : 0.0), hx);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Cancelled_AllModesMatchTheDerivativeByHand(int n)
    {
        double[] x = [0.5, -1.0, 0.25];
        const double a = 0.3;
        var expected = n == 0 ? Math.Cos(a) : 0.0;
        var dx = new double[3];
        DroppedCarries.CancelledGradient(x, a, n, dx, out var da);
        Assert.Equal(expected, da, 1e-15);
        DroppedCarries.CancelledTangent(x, a, n, [1.0, 1.0, 1.0], 1.0, out var tangent);
        Assert.Equal(expected, tangent, 1e-15);
        var hx = new double[3];
        DroppedCarries.CancelledHessianVector(x, a, n, [1.0, 1.0, 1.0], 1.0, dx, out var hvGradient, hx, out var hva);
        Assert.Equal(expected, hvGradient, 1e-15);
        Assert.Equal(n == 0 ? -Math.Sin(a) : 0.0, hva, 1e-15);
    }
}
