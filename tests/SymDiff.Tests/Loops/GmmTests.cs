using SymDiff.Tests.Functions;
using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Loops;

/// <summary>The ADBench GMM objective: value against an independent array-based implementation, gradient against finite differences.</summary>
public sealed class GmmTests
{
    private const int D = 2;
    private const int K = 3;
    private const int N = 10;
    private const double Gamma = 1.0;
    private const double M = 0.0;
    private static readonly int IcfSize = D * (D + 1) / 2;

    [Fact]
    public void Objective_MatchesTheReferenceImplementation()
    {
        var (alphas, means, icf, x) = Data(3);
        var value = Gmm.Objective(alphas, means, icf, x, D, Gamma, M);
        Assert.Equal(Reference(alphas, means, icf, x), value, 1e-10);
    }

    [Fact]
    public void Gradient_MatchesFiniteDifferencesOfTheReference()
    {
        var (alphas, means, icf, x) = Data(5);
        var dalphas = new double[K];
        var dmeans = new double[K * D];
        var dicf = new double[K * IcfSize];
        var dx = new double[N * D];
        var value = Gmm.ObjectiveGradient(alphas, means, icf, x, D, Gamma, M, dalphas, dmeans, dicf, dx, out var dgamma, out var dm);

        Assert.Equal(Reference(alphas, means, icf, x), value, 1e-10);
        var parameters = alphas.Concat(means).Concat(icf).Concat(x).ToArray();
        var expected = FiniteDifference.Gradient(p => Reference(p[..K], p[K..(K + K * D)], p[(K + K * D)..(K + K * D + K * IcfSize)], p[(K + K * D + K * IcfSize)..]), parameters);
        GradientAssert.Close(expected, dalphas.Concat(dmeans).Concat(dicf).Concat(dx).ToArray(), 1e-6, 1e-7);

        // The prior's partials by hand: ∂/∂γ = Σ γ(exp(2q) + l²), ∂/∂m = −Σ q.
        var diagonal = Enumerable.Range(0, K).SelectMany(ik => Enumerable.Range(0, D).Select(j => icf[ik * IcfSize + j])).ToArray();
        var lower = Enumerable.Range(0, K).SelectMany(ik => Enumerable.Range(D, IcfSize - D).Select(j => icf[ik * IcfSize + j])).ToArray();
        Assert.Equal(Gamma * (diagonal.Sum(q => Math.Exp(2 * q)) + lower.Sum(l => l * l)), dgamma, 1e-10);
        Assert.Equal(-diagonal.Sum(), dm, 1e-12);
    }

    [Fact]
    public void Gradient_DoesNotAllocate()
    {
        var (alphas, means, icf, x) = Data(7);
        var buffers = (new double[K], new double[K * D], new double[K * IcfSize], new double[N * D]);
        Gmm.ObjectiveGradient(alphas, means, icf, x, D, Gamma, M, buffers.Item1, buffers.Item2, buffers.Item3, buffers.Item4, out _, out _);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Gmm.ObjectiveGradient(alphas, means, icf, x, D, Gamma, M, buffers.Item1, buffers.Item2, buffers.Item3, buffers.Item4, out _, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static (double[] Alphas, double[] Means, double[] Icf, double[] X) Data(int seed)
    {
        var random = new Random(seed);
        double Next() => random.NextDouble() * 2 - 1;
        return (
            Enumerable.Range(0, K).Select(_ => Next()).ToArray(),
            Enumerable.Range(0, K * D).Select(_ => Next()).ToArray(),
            Enumerable.Range(0, K * IcfSize).Select(_ => 0.5 * Next()).ToArray(),
            Enumerable.Range(0, N * D).Select(_ => Next()).ToArray());
    }

    /// <summary>ADBench's gmm_objective, transcribed with scratch arrays (Qdiag, sum_qs, xcentered, Qxcentered, main_term).</summary>
    private static double Reference(double[] alphas, double[] means, double[] icf, double[] x)
    {
        var sumQs = new double[K];
        var qdiags = new double[K * D];
        for (var ik = 0; ik < K; ik++)
        {
            for (var id = 0; id < D; id++)
            {
                sumQs[ik] += icf[ik * IcfSize + id];
                qdiags[ik * D + id] = Math.Exp(icf[ik * IcfSize + id]);
            }
        }

        var slse = 0.0;
        var mainTerm = new double[K];
        for (var ix = 0; ix < N; ix++)
        {
            for (var ik = 0; ik < K; ik++)
            {
                var xc = Enumerable.Range(0, D).Select(j => x[ix * D + j] - means[ik * D + j]).ToArray();
                var qx = Enumerable.Range(0, D).Select(j => qdiags[ik * D + j] * xc[j]).ToArray();
                var index = ik * IcfSize + D;
                for (var i = 0; i < D; i++)
                {
                    for (var j = i + 1; j < D; j++)
                    {
                        qx[j] += icf[index++] * xc[i];
                    }
                }

                mainTerm[ik] = alphas[ik] + sumQs[ik] - 0.5 * qx.Sum(v => v * v);
            }

            slse += LogSumExp(mainTerm);
        }

        var prior = 0.0;
        for (var ik = 0; ik < K; ik++)
        {
            var frobenius = Enumerable.Range(0, D).Sum(j => qdiags[ik * D + j] * qdiags[ik * D + j])
                + Enumerable.Range(D, IcfSize - D).Sum(j => icf[ik * IcfSize + j] * icf[ik * IcfSize + j]);
            prior += 0.5 * Gamma * Gamma * frobenius - M * sumQs[ik];
        }

        return -N * D * 0.5 * Math.Log(2 * Math.PI) + slse - N * LogSumExp(alphas) + prior;
    }

    private static double LogSumExp(double[] values)
    {
        var max = values.Max();
        return max + Math.Log(values.Sum(v => Math.Exp(v - max)));
    }
}
