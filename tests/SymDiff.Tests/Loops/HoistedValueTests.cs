using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Loops;

/// <summary>Loop nests whose innermost loop reads differences of elements that do not change with the loop around it.</summary>
public static partial class CentredNests
{
    /// <summary>
    /// Σ_p Σ_k Π_j (1 + 0.1·Σ_{i&lt;j} w[i]·(x[p·m + i] − μ[k·m + i])): the centred element is the same on every
    /// iteration over j, so it is tabulated per (p, k); the product makes the loop over j swept backward.
    /// </summary>
    [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double Triangle(ReadOnlySpan<double> w, ReadOnlySpan<double> x, ReadOnlySpan<double> mu, int m)
    {
        var total = 0.0;
        for (int p = 0; p < x.Length / m; p++)
        {
            for (int k = 0; k < mu.Length / m; k++)
            {
                var product = 1.0;
                for (int j = 0; j < m; j++)
                {
                    var s = 0.0;
                    for (int i = 0; i < j; i++)
                    {
                        s += w[i] * (x[p * m + i] - mu[k * m + i]);
                    }

                    product *= 1 + 0.1 * s;
                }

                total += product;
            }
        }

        return total;
    }

    /// <summary>
    /// As the GMM: lx = e^{w[j]}·(x[p·m + j] − μ[k·m + j]) + Σ_{i&lt;j + shift} w[m + i]·(x[p·m + i] − μ[k·m + i]), summed
    /// as log(1 + Σ_j lx²): the loop over j reads the centred element at j and its inner loop at i, so one table serves
    /// both (shift 0: the inner loop from 0; shift 1 starts it at 1, where the ranges no longer start alike).
    /// </summary>
    [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double Shared(ReadOnlySpan<double> w, ReadOnlySpan<double> x, ReadOnlySpan<double> mu, int m)
    {
        var total = 0.0;
        for (int p = 0; p < x.Length / m; p++)
        {
            for (int k = 0; k < mu.Length / m; k++)
            {
                var term = 0.0;
                for (int j = 0; j < m; j++)
                {
                    var lx = Math.Exp(w[j]) * (x[p * m + j] - mu[k * m + j]);
                    for (int i = 0; i < j; i++)
                    {
                        lx += w[m + i] * (x[p * m + i] - mu[k * m + i]);
                    }

                    term += lx * lx;
                }

                total += Math.Log(1 + term);
            }
        }

        return total;
    }

    /// <summary>As <see cref="Shared"/>, the inner loop starting at 1: its table and the outer loop's values are kept apart.</summary>
    [Differentiable]
    public static double Apart(ReadOnlySpan<double> w, ReadOnlySpan<double> x, ReadOnlySpan<double> mu, int m)
    {
        var total = 0.0;
        for (int p = 0; p < x.Length / m; p++)
        {
            for (int k = 0; k < mu.Length / m; k++)
            {
                var term = 0.0;
                for (int j = 0; j < m; j++)
                {
                    var lx = Math.Exp(w[j]) * (x[p * m + j] - mu[k * m + j]);
                    for (int i = 1; i < j; i++)
                    {
                        lx += w[m + i] * (x[p * m + i] - mu[k * m + i]);
                    }

                    term += lx * lx;
                }

                total += Math.Log(1 + term);
            }
        }

        return total;
    }

    /// <summary>The same, the inner loop's body guarded by j &lt; limit: its elements past the limit are never read, so none may be tabulated.</summary>
    [Differentiable]
    public static double Guarded(ReadOnlySpan<double> w, ReadOnlySpan<double> x, ReadOnlySpan<double> mu, int m, int limit)
    {
        var total = 0.0;
        for (int p = 0; p < 2; p++)
        {
            for (int k = 0; k < 2; k++)
            {
                var product = 1.0;
                for (int j = 0; j < m; j++)
                {
                    var s = 0.0;
                    for (int i = 0; i < j; i++)
                    {
                        if (j < limit)
                        {
                            s += w[i] * (x[p * limit + i] - mu[k * limit + i]);
                        }
                    }

                    product *= 1 + 0.1 * s;
                }

                total += product;
            }
        }

        return total;
    }

    /// <summary>Σ_p Σ_k Σ_j Σ_{i&lt;j+2} j·(x[p(m + 1) + i] − μ[k(m + 1) + i]): the inner range reaches past j, so a table filled when the loop over j does not run would read elements.</summary>
    [Differentiable]
    public static double Ahead(ReadOnlySpan<double> x, ReadOnlySpan<double> mu, int m)
    {
        var total = 0.0;
        for (int p = 0; p < 2; p++)
        {
            for (int k = 0; k < 2; k++)
            {
                for (int j = 0; j < m; j++)
                {
                    for (int i = 0; i < j + 2; i++)
                    {
                        total += (x[p * (m + 1) + i] - mu[k * (m + 1) + i]) * j;
                    }
                }
            }
        }

        return total;
    }

    /// <summary>The centred product read only when i &lt; limit has decided &amp;&amp;: evaluated on some iterations only, so not tabulated.</summary>
    [Differentiable]
    public static double ShortCircuit(ReadOnlySpan<double> w, ReadOnlySpan<double> x, ReadOnlySpan<double> mu, int m, int limit)
    {
        var total = 0.0;
        for (int p = 0; p < 2; p++)
        {
            for (int k = 0; k < 2; k++)
            {
                var product = 1.0;
                for (int j = 0; j < m; j++)
                {
                    var s = 0.0;
                    for (int i = 0; i < j; i++)
                    {
                        s += (i < limit && x[p * limit + i] * mu[k * limit + i] > 0.1) ? w[i] : 0.5 * w[i];
                    }

                    product *= 1 + 0.1 * s;
                }

                total += product;
            }
        }

        return total;
    }

    /// <summary>An inner loop that shrinks as j grows (i &lt; m − j): its range over all j is not its last one, so it is not tabulated.</summary>
    [Differentiable]
    public static double Shrinking(ReadOnlySpan<double> x, ReadOnlySpan<double> mu, int m)
    {
        var total = 0.0;
        for (int p = 0; p < x.Length / m; p++)
        {
            for (int k = 0; k < mu.Length / m; k++)
            {
                for (int j = 0; j < m; j++)
                {
                    var s = 0.0;
                    for (int i = 0; i < m - j; i++)
                    {
                        s += Math.Sin(x[p * m + i] * mu[k * m + i]);
                    }

                    total += s * s;
                }
            }
        }

        return total;
    }
}

public sealed class HoistedValueTests
{
    private const int M = 5;

    [Fact]
    public void Triangle_GradientMatchesFiniteDifferences_ValueIsTheSources()
    {
        var (w, x, mu) = (Point(M, 1.0, 1), Point(3 * M, 1.0, 2), Point(2 * M, 1.0, 3));
        var (dw, dx, dmu) = (new double[w.Length], new double[x.Length], new double[mu.Length]);
        var value = CentredNests.TriangleGradient(w, x, mu, M, dw, dx, dmu);

        Assert.Equal(CentredNests.Triangle(w, x, mu, M), value);
        GradientAssert.Close(FiniteDifference.Gradient(p => CentredNests.Triangle(p, x, mu, M), w), dw, 1e-7, 1e-9);
        GradientAssert.Close(FiniteDifference.Gradient(p => CentredNests.Triangle(w, p, mu, M), x), dx, 1e-7, 1e-9);
        GradientAssert.Close(FiniteDifference.Gradient(p => CentredNests.Triangle(w, x, p, M), mu), dmu, 1e-7, 1e-9);
    }

    [Fact]
    public void Triangle_TangentAndHessianVectorMatchDifferencesOfTheGradient()
    {
        var (w, x, mu) = (Point(M, 1.0, 4), Point(2 * M, 1.0, 5), Point(2 * M, 1.0, 6));
        var (tw, tx, tmu) = (Point(w.Length, 1.0, 7), Point(x.Length, 1.0, 8), Point(mu.Length, 1.0, 9));
        var gradient = Gradient(w, x, mu);

        CentredNests.TriangleTangent(w, x, mu, M, tw, tx, tmu, out var tangent);
        Assert.Equal(gradient.Zip([.. tw, .. tx, .. tmu], (a, b) => a * b).Sum(), tangent, 1e-12);

        var (hw, hx, hmu) = (new double[w.Length], new double[x.Length], new double[mu.Length]);
        CentredNests.TriangleHessianVector(w, x, mu, M, tw, tx, tmu, new double[w.Length], new double[x.Length], new double[mu.Length], hw, hx, hmu);
        const double h = 1e-5;
        double[] Shifted(double[] v, double[] t, double step) => v.Zip(t, (a, b) => a + (step * b)).ToArray();
        var plus = Gradient(Shifted(w, tw, h), Shifted(x, tx, h), Shifted(mu, tmu, h));
        var minus = Gradient(Shifted(w, tw, -h), Shifted(x, tx, -h), Shifted(mu, tmu, -h));
        GradientAssert.Close(plus.Zip(minus, (a, b) => (a - b) / (2 * h)).ToArray(), [.. hw, .. hx, .. hmu], 1e-6, 1e-8);
    }

    [Fact]
    public void NoIterationsOverJ_TheTableReadsNothing()
    {
        // m = 0: the loop over j never runs, so the source reads no element, though the inner range i < j + 2 would start at [0, 1).
        var (dx, dmu) = (new double[0], new double[0]);
        var value = CentredNests.AheadGradient([], [], 0, dx, dmu);

        Assert.Equal(0.0, value);
    }

    [Fact]
    public void InnerLoopReachingPastTheOuterIndex_GradientIsExact()
    {
        // ∂/∂x[p·3 + i] = Σ_k Σ_{j < 2, i < j + 2} j = 2·(i < 3 ? 1 : 0) for m = 2 (only j = 1 weighs), and −that for μ.
        var (x, mu) = (Point(6, 1.0, 15), Point(6, 1.0, 16));
        var (dx, dmu) = (new double[6], new double[6]);
        var value = CentredNests.AheadGradient(x, mu, 2, dx, dmu);

        Assert.Equal(CentredNests.Ahead(x, mu, 2), value);
        Assert.Equal([2.0, 2.0, 2.0, 2.0, 2.0, 2.0], dx);
        Assert.Equal([-2.0, -2.0, -2.0, -2.0, -2.0, -2.0], dmu);
    }

    [Fact]
    public void InnerLoopUnderACondition_ReadsOnlyWhatTheSourceReads()
    {
        // limit = 2: the source reads x[p·2 + i] and μ[k·2 + i] for i < 1 only; a table over j < m would read past both.
        const int limit = 2;
        var (w, x, mu) = (Point(M, 1.0, 10), Point(2 * limit, 1.0, 11), Point(2 * limit, 1.0, 12));
        var (dw, dx, dmu) = (new double[w.Length], new double[x.Length], new double[mu.Length]);
        var value = CentredNests.GuardedGradient(w, x, mu, M, limit, dw, dx, dmu);

        Assert.Equal(CentredNests.Guarded(w, x, mu, M, limit), value);
        GradientAssert.Close(FiniteDifference.Gradient(p => CentredNests.Guarded(w, p, mu, M, limit), x), dx, 1e-7, 1e-9);
        GradientAssert.Close(FiniteDifference.Gradient(p => CentredNests.Guarded(w, x, p, M, limit), mu), dmu, 1e-7, 1e-9);
    }

    [Fact]
    public void ValueAfterAnAnd_ReadsOnlyWhatTheSourceReads()
    {
        // limit = 2, x and μ of 4: the source reads x[p·2 + i] only for i < 2; a table over i < m − 1 would read past them.
        var (w, x, mu) = (Point(M, 1.0, 26), Point(4, 1.0, 27), Point(4, 1.0, 28));
        var dw = new double[w.Length];
        var value = CentredNests.ShortCircuitGradient(w, x, mu, M, 2, dw, new double[4], new double[4]);

        Assert.Equal(CentredNests.ShortCircuit(w, x, mu, M, 2), value);
        GradientAssert.Close(FiniteDifference.Gradient(p => CentredNests.ShortCircuit(p, x, mu, M, 2), w), dw, 1e-7, 1e-9);
    }

    [Fact]
    public void ShrinkingInnerLoop_GradientMatchesFiniteDifferences()
    {
        var (x, mu) = (Point(2 * M, 1.0, 13), Point(3 * M, 1.0, 14));
        var (dx, dmu) = (new double[x.Length], new double[mu.Length]);
        var value = CentredNests.ShrinkingGradient(x, mu, M, dx, dmu);

        Assert.Equal(CentredNests.Shrinking(x, mu, M), value);
        GradientAssert.Close(FiniteDifference.Gradient(p => CentredNests.Shrinking(p, mu, M), x), dx, 1e-7, 1e-9);
        GradientAssert.Close(FiniteDifference.Gradient(p => CentredNests.Shrinking(x, p, M), mu), dmu, 1e-7, 1e-9);
    }

    [Fact]
    public void SharedByBothLoops_GradientTangentAndHessianVectorMatchDifferences()
    {
        var (w, x, mu) = (Point(2 * M, 0.5, 17), Point(3 * M, 1.0, 18), Point(2 * M, 1.0, 19));
        var (dw, dx, dmu) = (new double[w.Length], new double[x.Length], new double[mu.Length]);
        var value = CentredNests.SharedGradient(w, x, mu, M, dw, dx, dmu);

        Assert.Equal(CentredNests.Shared(w, x, mu, M), value);
        GradientAssert.Close(FiniteDifference.Gradient(p => CentredNests.Shared(p, x, mu, M), w), dw, 1e-7, 1e-9);
        GradientAssert.Close(FiniteDifference.Gradient(p => CentredNests.Shared(w, p, mu, M), x), dx, 1e-7, 1e-9);
        GradientAssert.Close(FiniteDifference.Gradient(p => CentredNests.Shared(w, x, p, M), mu), dmu, 1e-7, 1e-9);

        var (tw, tx, tmu) = (Point(w.Length, 1.0, 20), Point(x.Length, 1.0, 21), Point(mu.Length, 1.0, 22));
        CentredNests.SharedTangent(w, x, mu, M, tw, tx, tmu, out var tangent);
        Assert.Equal(dw.Zip(tw, (a, b) => a * b).Sum() + dx.Zip(tx, (a, b) => a * b).Sum() + dmu.Zip(tmu, (a, b) => a * b).Sum(), tangent, 1e-10);

        var (hw, hx, hmu) = (new double[w.Length], new double[x.Length], new double[mu.Length]);
        CentredNests.SharedHessianVector(w, x, mu, M, tw, tx, tmu, new double[w.Length], new double[x.Length], new double[mu.Length], hw, hx, hmu);
        const double h = 1e-5;
        double[] At(double step)
        {
            double[] Shifted(double[] v, double[] t) => v.Zip(t, (a, b) => a + (step * b)).ToArray();
            var (gw, gx, gmu) = (new double[w.Length], new double[x.Length], new double[mu.Length]);
            CentredNests.SharedGradient(Shifted(w, tw), Shifted(x, tx), Shifted(mu, tmu), M, gw, gx, gmu);
            return [.. gw, .. gx, .. gmu];
        }

        var (plus, minus) = (At(h), At(-h));
        GradientAssert.Close(plus.Zip(minus, (a, b) => (a - b) / (2 * h)).ToArray(), [.. hw, .. hx, .. hmu], 1e-6, 1e-8);
    }

    [Fact]
    public void RangesStartingApart_GradientMatchesFiniteDifferences()
    {
        var (w, x, mu) = (Point(2 * M, 0.5, 23), Point(2 * M, 1.0, 24), Point(3 * M, 1.0, 25));
        var (dw, dx, dmu) = (new double[w.Length], new double[x.Length], new double[mu.Length]);
        var value = CentredNests.ApartGradient(w, x, mu, M, dw, dx, dmu);

        Assert.Equal(CentredNests.Apart(w, x, mu, M), value);
        GradientAssert.Close(FiniteDifference.Gradient(p => CentredNests.Apart(w, p, mu, M), x), dx, 1e-7, 1e-9);
        GradientAssert.Close(FiniteDifference.Gradient(p => CentredNests.Apart(w, x, p, M), mu), dmu, 1e-7, 1e-9);
    }

    private static double[] Gradient(double[] w, double[] x, double[] mu)
    {
        var (dw, dx, dmu) = (new double[w.Length], new double[x.Length], new double[mu.Length]);
        CentredNests.TriangleGradient(w, x, mu, M, dw, dx, dmu);
        return [.. dw, .. dx, .. dmu];
    }

    private static double[] Point(int length, double scale, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => scale * ((random.NextDouble() * 2) - 1)).ToArray();
    }
}
