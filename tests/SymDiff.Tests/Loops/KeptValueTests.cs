using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Loops;

/// <summary>Loops whose backward sweep reads the costly calls (Exp, Sin, Log) their forward pass computed, from a tape.</summary>
public static partial class KeptCalls
{
    /// <summary>log Σ exp(z_i − shift) + shift: the sum's sweep reads each exp(z_i − shift) from the forward pass.</summary>
    [Differentiable]
    public static double LogSumExp(ReadOnlySpan<double> z)
    {
        var max = double.NegativeInfinity;
        for (int i = 0; i < z.Length; i++)
        {
            max = Math.Max(max, z[i]);
        }

        var shift = Derivatives.WithoutDerivative(max);
        var sum = 0.0;
        for (int i = 0; i < z.Length; i++)
        {
            sum += Math.Exp(z[i] - shift);
        }

        return shift + Math.Log(sum);
    }

    /// <summary>Π (2 + sin x_i · exp(−x_i²)): a product, so the sweep reads its carried value and two kept calls per iteration.</summary>
    [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double ProductOfDampedSines(ReadOnlySpan<double> x)
    {
        var product = 1.0;
        for (int i = 0; i < x.Length; i++)
        {
            product *= 2 + Math.Sin(x[i]) * Math.Exp(-x[i] * x[i]);
        }

        return product;
    }

    /// <summary>Calls in branches of the body: computed on some iterations only, so the sweep computes them again.</summary>
    [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double BranchingCalls(ReadOnlySpan<double> x)
    {
        var s = 1.0;
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] > 0)
            {
                s = s * 0.5 + Math.Exp(x[i] - s * s);
            }
            else
            {
                s *= 1.5 + Math.Cos(x[i]);
            }
        }

        return s;
    }

    /// <summary>Σ_p log Σ_k exp(w_k · x_p): the inner sum over k is swept in every point's iteration and keeps its exponentials.</summary>
    [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double MixtureLogLikelihood(ReadOnlySpan<double> w, ReadOnlySpan<double> x)
    {
        var total = 0.0;
        for (int p = 0; p < x.Length; p++)
        {
            var sum = 0.0;
            for (int k = 0; k < w.Length; k++)
            {
                sum += Math.Exp(w[k] * x[p]);
            }

            total += Math.Log(sum);
        }

        return total;
    }

    /// <summary>
    /// Σ_p log Σ_k exp(s_pk − shift_p), s_pk = −Σ_j lx², lx = c_j + Σ_{i&lt;j} w[j, i]·c_i, c = x_p − μ_k, shifted by a max pass:
    /// the sum's sweep reads the max pass's centred points, kept per component, and its own exponentials.
    /// </summary>
    [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double Mixture(ReadOnlySpan<double> w, ReadOnlySpan<double> x, ReadOnlySpan<double> mu, int m)
    {
        var total = 0.0;
        for (int p = 0; p < x.Length / m; p++)
        {
            var max = double.NegativeInfinity;
            for (int k = 0; k < mu.Length / m; k++)
            {
                var score = 0.0;
                for (int j = 0; j < m; j++)
                {
                    var lx = x[p * m + j] - mu[k * m + j];
                    for (int i = 0; i < j; i++)
                    {
                        lx += w[j * m + i] * (x[p * m + i] - mu[k * m + i]);
                    }

                    score -= lx * lx;
                }

                max = Math.Max(max, score);
            }

            var shift = Derivatives.WithoutDerivative(max);
            var sum = 0.0;
            for (int k = 0; k < mu.Length / m; k++)
            {
                var score = 0.0;
                for (int j = 0; j < m; j++)
                {
                    var lx = x[p * m + j] - mu[k * m + j];
                    for (int i = 0; i < j; i++)
                    {
                        lx += w[j * m + i] * (x[p * m + i] - mu[k * m + i]);
                    }

                    score -= lx * lx;
                }

                sum += Math.Exp(score - shift);
            }

            total += shift + Math.Log(sum);
        }

        return total;
    }

    /// <summary>As <see cref="Mixture"/> for one point, with the max pass and the sum as the method's top-level loops.</summary>
    [Differentiable]
    public static double TopLevelMixture(ReadOnlySpan<double> w, ReadOnlySpan<double> x, ReadOnlySpan<double> mu, int m)
    {
        var max = double.NegativeInfinity;
        for (int k = 0; k < mu.Length / m; k++)
        {
            var score = 0.0;
            for (int j = 0; j < m; j++)
            {
                var lx = x[j] - mu[k * m + j];
                for (int i = 0; i < j; i++)
                {
                    lx += w[j * m + i] * (x[i] - mu[k * m + i]);
                }

                score -= lx * lx;
            }

            max = Math.Max(max, score);
        }

        var shift = Derivatives.WithoutDerivative(max);
        var sum = 0.0;
        for (int k = 0; k < mu.Length / m; k++)
        {
            var score = 0.0;
            for (int j = 0; j < m; j++)
            {
                var lx = x[j] - mu[k * m + j];
                for (int i = 0; i < j; i++)
                {
                    lx += w[j * m + i] * (x[i] - mu[k * m + i]);
                }

                score -= lx * lx;
            }

            sum += Math.Exp(score - shift);
        }

        return shift + Math.Log(sum);
    }

    /// <summary>log Σ exp(z[i·m]) · stop, after an early return for m = 0: the loop's bound divides by m, which the source never does at m = 0.</summary>
    [Differentiable]
    public static double GuardedLogSumExp(ReadOnlySpan<double> z, int m, double stop)
    {
        if (m == 0)
        {
            return 0.0;
        }

        var sum = 0.0;
        for (int i = 0; i < z.Length / m; i++)
        {
            sum += Math.Exp(z[i * m]);
        }

        return Math.Log(sum) * stop;
    }

    /// <summary>Π (1 + z[i·m]²) after the same early return: the product's tape of carried values is sized by the same bound.</summary>
    [Differentiable]
    public static double GuardedProduct(ReadOnlySpan<double> z, int m)
    {
        if (m == 0)
        {
            return 0.0;
        }

        var product = 1.0;
        for (int i = 0; i < z.Length / m; i++)
        {
            product *= 1 + z[i * m] * z[i * m];
        }

        return product;
    }
}

public sealed class KeptValueTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(300)]
    public void LogSumExp_GradientIsTheSoftmax(int n)
    {
        var z = Point(n, 3.0, 40);
        var dz = new double[n];
        var value = KeptCalls.LogSumExpGradient(z, dz);
        var max = z.Max();
        var sum = z.Sum(v => Math.Exp(v - max));
        Assert.Equal(max + Math.Log(sum), value, 1e-13);
        GradientAssert.Close(z.Select(v => Math.Exp(v - max) / sum).ToArray(), dz, 1e-13, 1e-15);
        if (n < 10)
        {
            GradientAssert.Close(FiniteDifference.Gradient(p => KeptCalls.LogSumExp(p), z), dz, 1e-6, 1e-9);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(200)]
    public void ProductOfDampedSines_GradientMatchesTheProductRule(int n)
    {
        var x = Point(n, 1.5, 41);
        var dx = new double[n];
        var value = KeptCalls.ProductOfDampedSinesGradient(x, dx);
        var factors = x.Select(v => 2 + Math.Sin(v) * Math.Exp(-v * v)).ToArray();
        var product = factors.Aggregate(1.0, (p, f) => p * f);
        Assert.Equal(product, value, 1e-12 * Math.Max(1, Math.Abs(product)));

        // ∂/∂x_i = Π_{j≠i} f_j · exp(−x_i²)(cos x_i − 2 x_i sin x_i).
        var expected = x.Select((v, i) => factors.Where((_, j) => j != i).Aggregate(1.0, (p, f) => p * f) * Math.Exp(-v * v) * (Math.Cos(v) - 2 * v * Math.Sin(v))).ToArray();
        GradientAssert.Close(expected, dx, 1e-11, 1e-12 * Math.Max(1, Math.Abs(product)));
    }

    [Theory]
    [InlineData(nameof(KeptCalls.ProductOfDampedSines), 6)]
    [InlineData(nameof(KeptCalls.BranchingCalls), 8)]
    public void SingleVector_AllModesMatchFiniteDifferences(string name, int n)
    {
        var (f, gradient, tangent, hessianVector) = Modes(name);
        var x = Point(n, 1.2, 42);
        var v = Point(n, 1.0, 43);
        var dx = new double[n];
        var value = gradient(x, dx);
        GradientCheck.VerifyAgainstFiniteDifferences(f, x, value, dx);

        Assert.Equal(dx.Zip(v, (d, t) => d * t).Sum(), tangent(x, v), 1e-10);

        var (hvGradient, hv) = (new double[n], new double[n]);
        Assert.Equal(value, hessianVector(x, v, hvGradient, hv), 1e-12);
        GradientAssert.Close(dx, hvGradient, 1e-12, 1e-14);
        GradientAssert.Close(FiniteDifference.Directional(p => Gradient(gradient, p), x, v), hv, 1e-6, 1e-8);
    }

    [Theory]
    [InlineData(3, 4)]
    [InlineData(1, 1)]
    [InlineData(200, 2)]
    public void MixtureLogLikelihood_AllModesMatchFiniteDifferences(int components, int points)
    {
        var (w, x) = (Point(components, 1.0, 44), Point(points, 1.0, 45));
        var (dw, dx) = (new double[w.Length], new double[x.Length]);
        var value = KeptCalls.MixtureLogLikelihoodGradient(w, x, dw, dx);
        Assert.Equal(KeptCalls.MixtureLogLikelihood(w, x), value, 1e-12);

        // ∂/∂w_k = Σ_p x_p softmax_k(w·x_p); ∂/∂x_p = Σ_k w_k softmax_k(w·x_p).
        var expectedW = new double[w.Length];
        var expectedX = new double[x.Length];
        for (var p = 0; p < x.Length; p++)
        {
            var sum = w.Sum(wk => Math.Exp(wk * x[p]));
            for (var k = 0; k < w.Length; k++)
            {
                var softmax = Math.Exp(w[k] * x[p]) / sum;
                expectedW[k] += x[p] * softmax;
                expectedX[p] += w[k] * softmax;
            }
        }

        GradientAssert.Close(expectedW, dw, 1e-12, 1e-13);
        GradientAssert.Close(expectedX, dx, 1e-12, 1e-13);

        var (vw, vx) = (Point(w.Length, 1.0, 46), Point(x.Length, 1.0, 47));
        KeptCalls.MixtureLogLikelihoodTangent(w, x, vw, vx, out var tangent);
        Assert.Equal(dw.Zip(vw, (d, t) => d * t).Sum() + dx.Zip(vx, (d, t) => d * t).Sum(), tangent, 1e-10);

        var (gw, gx, hvw, hvx) = (new double[w.Length], new double[x.Length], new double[w.Length], new double[x.Length]);
        KeptCalls.MixtureLogLikelihoodHessianVector(w, x, vw, vx, gw, gx, hvw, hvx);
        GradientAssert.Close(dw, gw, 1e-12, 1e-14);
        double[] Joined(double[] p)
        {
            var (pw, px) = (p[..w.Length], p[w.Length..]);
            var (qw, qx) = (new double[w.Length], new double[x.Length]);
            KeptCalls.MixtureLogLikelihoodGradient(pw, px, qw, qx);
            return [.. qw, .. qx];
        }

        var expectedHv = FiniteDifference.Directional(Joined, [.. w, .. x], [.. vw, .. vx]);
        GradientAssert.Close(expectedHv, [.. hvw, .. hvx], 1e-6, 1e-8);
    }

    [Theory]
    [InlineData(3, 4, 2)]
    [InlineData(1, 1, 1)]
    [InlineData(4, 3, 5)]
    [InlineData(2, 2, 0)]
    public void MaxPassTablesKeptForTheSumsSweep_AllModesMatchFiniteDifferences(int m, int components, int points)
    {
        var (w, x, mu) = (Point(m * m, 0.5, 51), Point(points * m, 1.0, 52), Point(components * m, 1.0, 53));
        double F(double[] p) => KeptCalls.Mixture(p[..w.Length], p[w.Length..(w.Length + x.Length)], p[(w.Length + x.Length)..], m);
        double[] Gradient(double[] p)
        {
            var (dw, dx, dmu) = (new double[w.Length], new double[x.Length], new double[mu.Length]);
            KeptCalls.MixtureGradient(p[..w.Length], p[w.Length..(w.Length + x.Length)], p[(w.Length + x.Length)..], m, dw, dx, dmu);
            return [.. dw, .. dx, .. dmu];
        }

        double[] point = [.. w, .. x, .. mu];
        var (gw, gx, gmu) = (new double[w.Length], new double[x.Length], new double[mu.Length]);
        var value = KeptCalls.MixtureGradient(w, x, mu, m, gw, gx, gmu);
        double[] gradient = [.. gw, .. gx, .. gmu];
        GradientCheck.VerifyAgainstFiniteDifferences(F, point, value, gradient);

        var v = Point(point.Length, 1.0, 54);
        KeptCalls.MixtureTangent(w, x, mu, m, v[..w.Length], v[w.Length..(w.Length + x.Length)], v[(w.Length + x.Length)..], out var tangent);
        Assert.Equal(gradient.Zip(v, (d, t) => d * t).Sum(), tangent, 1e-10);

        var (dw, dx, dmu) = (new double[w.Length], new double[x.Length], new double[mu.Length]);
        var (hvw, hvx, hvmu) = (new double[w.Length], new double[x.Length], new double[mu.Length]);
        KeptCalls.MixtureHessianVector(w, x, mu, m, v[..w.Length], v[w.Length..(w.Length + x.Length)], v[(w.Length + x.Length)..], dw, dx, dmu, hvw, hvx, hvmu);
        GradientAssert.Close(gradient, [.. dw, .. dx, .. dmu], 1e-12, 1e-14);
        GradientAssert.Close(FiniteDifference.Directional(Gradient, point, v), [.. hvw, .. hvx, .. hvmu], 1e-6, 1e-8);
    }

    [Theory]
    [InlineData(3, 4)]
    [InlineData(2, 1)]
    [InlineData(4, 3)]
    public void TopLevelMaxPassAndSum_GradientMatchesFiniteDifferences(int m, int components)
    {
        // Regression: the max pass kept its tables for the sum's sweep after giving their array back at its end.
        var (w, x, mu) = (Point(m * m, 0.5, 55), Point(m, 1.0, 56), Point(components * m, 1.0, 57));
        double F(double[] p) => KeptCalls.TopLevelMixture(p[..w.Length], p[w.Length..(w.Length + x.Length)], p[(w.Length + x.Length)..], m);
        var (dw, dx, dmu) = (new double[w.Length], new double[x.Length], new double[mu.Length]);
        var value = KeptCalls.TopLevelMixtureGradient(w, x, mu, m, dw, dx, dmu);
        GradientCheck.VerifyAgainstFiniteDifferences(F, [.. w, .. x, .. mu], value, [.. dw, .. dx, .. dmu]);
    }

    [Fact]
    public void LoopAfterAnEarlyReturn_BoundDividingByZero_TapesAreNotSizedThere()
    {
        // Regression: the tapes' lengths (z.Length / m) were computed before the loop's guard, and threw at m = 0.
        var z = Point(6, 1.0, 58);
        var dz = new double[z.Length];
        Assert.Equal(0.0, KeptCalls.GuardedLogSumExpGradient(z, 0, 1.3, dz, out var dstop));
        Assert.All(dz, d => Assert.Equal(0.0, d));
        Assert.Equal(0.0, dstop);
        Assert.Equal(0.0, KeptCalls.GuardedProductGradient(z, 0, dz));
        Assert.All(dz, d => Assert.Equal(0.0, d));

        var value = KeptCalls.GuardedLogSumExpGradient(z, 2, 1.3, dz, out _);
        GradientCheck.VerifyAgainstFiniteDifferences(p => KeptCalls.GuardedLogSumExp(p, 2, 1.3), z, value, dz);
        value = KeptCalls.GuardedProductGradient(z, 2, dz);
        GradientCheck.VerifyAgainstFiniteDifferences(p => KeptCalls.GuardedProduct(p, 2), z, value, dz);
    }

    [Fact]
    public void RentedTapes_AllocateNothingPerCall()
    {
        var (w, x) = (Point(200, 1.0, 48), Point(300, 1.0, 49));
        var (dw, dx) = (new double[w.Length], new double[x.Length]);
        var z = Point(300, 3.0, 50);
        var dz = new double[z.Length];
        KeptCalls.MixtureLogLikelihoodGradient(w, x, dw, dx);
        KeptCalls.LogSumExpGradient(z, dz);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sink = 0.0;
        for (var i = 0; i < 20; i++)
        {
            sink += KeptCalls.MixtureLogLikelihoodGradient(w, x, dw, dx) + KeptCalls.LogSumExpGradient(z, dz);
        }

        Assert.True(double.IsFinite(sink));
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private delegate double GradientMode(ReadOnlySpan<double> x, Span<double> dx);

    private delegate double HessianVectorMode(ReadOnlySpan<double> x, ReadOnlySpan<double> v, Span<double> dx, Span<double> hv);

    private static (Func<double[], double> F, GradientMode Gradient, Func<double[], double[], double> Tangent, HessianVectorMode HessianVector) Modes(string name) => name switch
    {
        nameof(KeptCalls.ProductOfDampedSines) => (
            x => KeptCalls.ProductOfDampedSines(x),
            KeptCalls.ProductOfDampedSinesGradient,
            (x, t) => { KeptCalls.ProductOfDampedSinesTangent(x, t, out var d); return d; },
            KeptCalls.ProductOfDampedSinesHessianVector),
        nameof(KeptCalls.BranchingCalls) => (
            x => KeptCalls.BranchingCalls(x),
            KeptCalls.BranchingCallsGradient,
            (x, t) => { KeptCalls.BranchingCallsTangent(x, t, out var d); return d; },
            KeptCalls.BranchingCallsHessianVector),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static double[] Gradient(GradientMode gradient, double[] x)
    {
        var dx = new double[x.Length];
        gradient(x, dx);
        return dx;
    }

    private static double[] Point(int length, double scale, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => scale * (random.NextDouble() * 2 - 1)).ToArray();
    }
}
