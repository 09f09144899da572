using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Loops;

/// <summary>
/// Values that are infinite or NaN where their adjoint is zero at run time: a carried value the result never reads
/// again, a loop after an early return, a loop that runs no iteration. The source's own path gives a finite
/// derivative; so must every mode (a strong zero: the zero adjoint is not multiplied by the non-finite partial).
/// </summary>
public static partial class VanishingAdjoints
{
    /// <summary>Σ x[i]·a: t becomes NaN for v &lt; 0 and is never read after the loop, so ∂/∂v = 0.</summary>
    [Differentiable(Modes = DerivativeModes.Gradient | DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double DeadQuotient(ReadOnlySpan<double> x, double a, double v)
    {
        var s = 0.0;
        var t = a;
        for (int i = 0; i < x.Length; i++)
        {
            t /= Math.Log10(v);
            s += x[i] * a;
        }

        return s;
    }

    /// <summary>
    /// a·b when w &lt; 1; else the loop over a power of a negative base (NaN) runs. The returned branch does not read
    /// the loop, whose sweep is seeded with a zero that is only known at run time.
    /// </summary>
    [Differentiable(Modes = DerivativeModes.All)]
    public static double EarlyReturnBeforeLoop(double a, double b, double w)
    {
        if (w < 1.0)
        {
            return a * b;
        }

        b /= w + Math.Pow(a + a, 0.25);
        for (int i = 1; i < 4; i++)
        {
            w *= b / a - 1.0;
            b -= Math.Log10(1.0 + a * a) * w;
        }

        return w + b;
    }

    /// <summary>The same with one carried value: the sweep is skipped where its seed is zero, and its result, zero there, meets 1/b.</summary>
    [Differentiable(Modes = DerivativeModes.All)]
    public static double EarlyReturnBeforeOneCarry(double a, double b, double w)
    {
        if (w < 1.0)
        {
            return a * b;
        }

        b /= w + Math.Pow(a + a, 0.25);
        for (int i = 1; i < 4; i++)
        {
            b = b * w - Math.Sqrt(a);
        }

        return b;
    }

    /// <summary>
    /// An output vector beside a dead carried value whose sweep is guarded: the guarded terms read x[i] through a cos
    /// the forward pass keeps (found by the output-vector fuzzer: the element was declared inside one guard's branch
    /// and read in another, SD2999).
    /// </summary>
    [Differentiable]
    public static void DeadCarryBesideOutput(ReadOnlySpan<double> x, double a, int n, Span<double> z)
    {
        var s = a + -2.0;
        for (int i = n - 1; i >= 0; i--)
        {
            var t = x[i] / (1.5 + Math.Cos(x[i] * 0.5));
            s = 0.5 * (t / (1.5 + Math.Cos(x[i])));
            z[i] = x[i];
        }
    }

    /// <summary>w·Σ∛x[i] with w = 0 for p ≤ 0: the sum's sweep runs inside its loop (fused), seeded with w, and meets ∛'s infinite slope at 0.</summary>
    [Differentiable(Modes = DerivativeModes.Gradient | DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double WeightedRoots(ReadOnlySpan<double> x, double p)
    {
        double w = p > 0 ? 1.0 : 0.0;
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s += Math.Cbrt(x[i]);
        }

        return w * s;
    }

    /// <summary>Running sums written to z, the total to w[0]: the sweep adds z's cotangents even where w's is zero.</summary>
    [Differentiable]
    public static void RunningSums(ReadOnlySpan<double> x, Span<double> z, Span<double> w)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s += x[i];
            z[i] = s;
        }

        w[0] = s;
    }

    /// <summary>c·n: c = ln v is NaN for v &lt; 0, and the loop that reads it runs n ≤ 0 times, so ∂/∂v = 0.</summary>
    [Differentiable(Modes = DerivativeModes.Gradient | DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double CapturedByAnEmptyLoop(ReadOnlySpan<double> x, double a, double v)
    {
        var c = Math.Log(v);
        var s = a * a;
        for (int i = 0; i < x.Length; i++)
        {
            s += c * x[i];
        }

        return s;
    }

    /// <summary>
    /// s is reset to a where x[i] &gt; 0, so the adjoint it passes back is zero there; the product before the reset
    /// reads √v, NaN for v &lt; 0, which never reaches the result when the last element is positive.
    /// </summary>
    [Differentiable(Modes = DerivativeModes.Gradient | DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double ResetCarry(ReadOnlySpan<double> x, double a, double v)
    {
        var s = 1.0;
        for (int i = 0; i < x.Length; i++)
        {
            s *= Math.Sqrt(v) + x[i];
            s = x[i] > 0 ? a * x[i] : s;
        }

        return s;
    }
}

public sealed class VanishingAdjointTests
{
    [Fact]
    public void DeadQuotient_NaNInADeadCarry_GivesFiniteDerivativesInEveryMode()
    {
        double[] x = [0.5, -1.0, 0.25];
        const double a = 0.7;
        const double v = -2.0;
        var dx = new double[3];
        var value = VanishingAdjoints.DeadQuotientGradient(x, a, v, dx, out var da, out var dv);
        Assert.Equal(VanishingAdjoints.DeadQuotient(x, a, v), value);
        Assert.Equal(x.Sum(), da, 1e-15);
        Assert.Equal(0.0, dv);
        Assert.Equal(x.Select(_ => a), dx);

        double[] tx = [0.1, 0.2, 0.3];
        VanishingAdjoints.DeadQuotientTangent(x, a, v, tx, 0.5, 0.25, out var tangent);
        Assert.Equal(dx.Zip(tx, (g, t) => g * t).Sum() + da * 0.5, tangent, 1e-14);

        // H = ∂²(a·Σx)/∂a∂x[i] = 1: H·(tx, 0.5, 0.25) has a-row Σ tx and x-rows 0.5.
        var hx = new double[3];
        VanishingAdjoints.DeadQuotientHessianVector(x, a, v, tx, 0.5, 0.25, new double[3], out _, out _, hx, out var ha, out var hv);
        Assert.Equal(tx.Sum(), ha, 1e-14);
        Assert.Equal(0.0, hv);
        Assert.All(hx, h => Assert.Equal(0.5, h, 1e-14));
    }

    [Fact]
    public void EarlyReturnBeforeLoop_TakenReturn_GivesTheReturnsPartials()
    {
        const double a = -0.2;
        const double b = 0.75;
        const double w = 0.5;
        Assert.Equal(VanishingAdjoints.EarlyReturnBeforeLoop(a, b, w), VanishingAdjoints.EarlyReturnBeforeLoopGradient(a, b, w, out var da, out var db, out var dw));
        Assert.Equal((b, a, 0.0), (da, db, dw));
        double pa = 0, pb = 0, pw = 0;
        VanishingAdjoints.EarlyReturnBeforeLoopPullback(a, b, w, 3.0, ref pa, ref pb, ref pw);
        Assert.Equal((3 * b, 3 * a, 0.0), (pa, pb, pw));
        var hessian = new double[9];
        VanishingAdjoints.EarlyReturnBeforeLoopHessian(a, b, w, new double[3], hessian);
        Assert.Equal(new[] { 0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0 }, hessian);
        VanishingAdjoints.EarlyReturnBeforeLoopHessianVector(a, b, w, 1.0, 2.0, 3.0, out _, out _, out _, out var ha, out var hb, out var hw);
        Assert.Equal((2.0, 1.0, 0.0), (ha, hb, hw));
    }

    [Fact]
    public void EarlyReturnBeforeOneCarry_TakenReturn_GivesTheReturnsPartials()
    {
        const double a = -0.2;
        const double b = 0.75;
        Assert.Equal(VanishingAdjoints.EarlyReturnBeforeOneCarry(a, b, 0.5), VanishingAdjoints.EarlyReturnBeforeOneCarryGradient(a, b, 0.5, out var da, out var db, out var dw));
        Assert.Equal((b, a, 0.0), (da, db, dw));
        VanishingAdjoints.EarlyReturnBeforeOneCarryHessianVector(a, b, 0.5, 1.0, 2.0, 3.0, out _, out _, out _, out var ha, out var hb, out var hw);
        Assert.Equal((2.0, 1.0, 0.0), (ha, hb, hw));

        double[] p = [0.3, 0.75, 1.5];
        VanishingAdjoints.EarlyReturnBeforeOneCarryGradient(p[0], p[1], p[2], out da, out db, out dw);
        GradientAssert.Close(FiniteDifference.Gradient(q => VanishingAdjoints.EarlyReturnBeforeOneCarry(q[0], q[1], q[2]), p), [da, db, dw], 1e-7, 1e-9);
    }

    [Fact]
    public void EarlyReturnBeforeLoop_LoopRuns_MatchesDifferences()
    {
        double[] p = [0.3, 0.75, 1.5];
        var value = VanishingAdjoints.EarlyReturnBeforeLoopGradient(p[0], p[1], p[2], out var da, out var db, out var dw);
        Assert.Equal(VanishingAdjoints.EarlyReturnBeforeLoop(p[0], p[1], p[2]), value);
        GradientAssert.Close(FiniteDifference.Gradient(q => VanishingAdjoints.EarlyReturnBeforeLoop(q[0], q[1], q[2]), p), [da, db, dw], 1e-7, 1e-9);
    }

    [Fact]
    public void DeadCarryBesideOutput_VjpAndJacobianMatchTheOutputsPartials()
    {
        double[] x = [0.5, -1.0, 0.25];
        const double a = 0.7;
        double[] w = [0.3, -0.6, 1.1];
        var z = new double[3];
        var dx = new double[3];
        VanishingAdjoints.DeadCarryBesideOutputVjp(x, a, 3, z, w, dx, out var da);
        Assert.Equal(x, z);
        Assert.Equal(w, dx);
        Assert.Equal(0.0, da);
        var jacobian = new double[3 * 4];
        VanishingAdjoints.DeadCarryBesideOutputJacobian(x, a, 3, z, jacobian);
        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(Enumerable.Range(0, 4).Select(p => p == k ? 1.0 : 0.0), jacobian.Skip(4 * k).Take(4));
        }
    }

    [Fact]
    public void WeightedRoots_ZeroWeight_GivesZeroWhereARootIsZero()
    {
        double[] x = [0.0, 0.25, 4.0];
        var dx = new double[3];
        VanishingAdjoints.WeightedRootsGradient(x, -1.0, dx, out var dp);
        Assert.Equal(new[] { 0.0, 0.0, 0.0 }, dx);
        Assert.Equal(0.0, dp);
        double[] y = [0.125, 1.0, 8.0];
        VanishingAdjoints.WeightedRootsGradient(y, 1.0, dx, out _);
        GradientAssert.Close(y.Select(v => 1.0 / (3.0 * Math.Cbrt(v) * Math.Cbrt(v))).ToArray(), dx, 1e-15, 1e-15);
    }

    [Fact]
    public void RunningSums_VjpWithAZeroTotalCotangent_AddsTheRunningSumsCotangents()
    {
        double[] x = [0.5, -1.0, 0.25];
        var (z, w, dx) = (new double[3], new double[1], new double[3]);
        VanishingAdjoints.RunningSumsVjp(x, z, w, [1.0, 1.0, 1.0], [0.0], dx);
        Assert.Equal(new[] { 3.0, 2.0, 1.0 }, dx);
        VanishingAdjoints.RunningSumsVjp(x, z, w, [0.5, 0.0, 2.0], [3.0], dx);
        Assert.Equal(new[] { 5.5, 5.0, 5.0 }, dx);
    }

    [Fact]
    public void CapturedByAnEmptyLoop_NaNCapturedValue_HasNoPartial()
    {
        const double a = 0.4;
        VanishingAdjoints.CapturedByAnEmptyLoopGradient([], a, -1.0, [], out var da, out var dv);
        Assert.Equal(2 * a, da);
        Assert.Equal(0.0, dv);
        VanishingAdjoints.CapturedByAnEmptyLoopHessianVector([], a, -1.0, [], 1.0, 1.0, [], out _, out _, [], out var ha, out var hv);
        Assert.Equal(2.0, ha);
        Assert.Equal(0.0, hv);

        // With elements, the loop reads c: ∂/∂v = Σx / v.
        double[] x = [0.5, 0.25];
        var dx = new double[2];
        VanishingAdjoints.CapturedByAnEmptyLoopGradient(x, a, 2.0, dx, out _, out dv);
        Assert.Equal(0.75 / 2.0, dv, 1e-15);
    }

    [Fact]
    public void ResetCarry_LastElementPositive_GivesFiniteDerivatives()
    {
        double[] x = [-0.5, 1.5, -2.0, 0.25];
        const double a = 0.6;
        const double v = -1.0;
        var dx = new double[4];
        VanishingAdjoints.ResetCarryGradient(x, a, v, dx, out var da, out var dv);
        Assert.Equal(x[3], da, 1e-15);
        Assert.Equal(0.0, dv);
        Assert.Equal(new[] { 0.0, 0.0, 0.0, a }, dx);

        // At a point where every value is finite, every partial matches differences.
        double[] y = [-0.5, 1.5, -2.0, -0.25];
        var dy = new double[4];
        VanishingAdjoints.ResetCarryGradient(y, a, 2.0, dy, out da, out dv);
        var all = FiniteDifference.Gradient(q => VanishingAdjoints.ResetCarry(q.AsSpan(0, 4), q[4], q[5]), [.. y, a, 2.0]);
        GradientAssert.Close(all, [.. dy, da, dv], 1e-7, 1e-9);
    }
}
