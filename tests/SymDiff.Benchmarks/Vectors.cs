namespace SymDiff.Benchmarks;

/// <summary>Loops over spans, differentiated by SymDiff: copies of the test project's Rosenbrock and ADBench GMM objective.</summary>
public static partial class Vectors
{
    /// <summary>Σ 100(x[i+1] − x[i]²)² + (1 − x[i])².</summary>
    [Differentiable]
    public static double Rosenbrock(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        for (int i = 0; i < x.Length - 1; i++)
        {
            var a = x[i + 1] - x[i] * x[i];
            var b = 1 - x[i];
            sum += 100 * a * a + b * b;
        }

        return sum;
    }

    /// <summary>
    /// The ADBench Gaussian mixture model objective (microsoft/ADBench, gmm), as in
    /// tests/SymDiff.Tests/Functions/Gmm.cs: n points in d dimensions, k components, icf per
    /// component = d log-diagonal entries of L then its strict lower triangle column by column.
    /// </summary>
    [Differentiable]
    public static double Gmm(ReadOnlySpan<double> alphas, ReadOnlySpan<double> means, ReadOnlySpan<double> icf, ReadOnlySpan<double> x, int d, double wishartGamma, double wishartM)
    {
        int k = alphas.Length;
        int n = x.Length / d;
        int icfSize = d * (d + 1) / 2;
        var slse = 0.0;
        for (int ix = 0; ix < n; ix++)
        {
            var max = double.NegativeInfinity;
            for (int ik = 0; ik < k; ik++)
            {
                var term = alphas[ik];
                for (int j = 0; j < d; j++)
                {
                    var q = icf[ik * icfSize + j] * 1.0;
                    var lx = Math.Exp(q) * (x[ix * d + j] - means[ik * d + j]);
                    for (int i = 0; i < j; i++)
                    {
                        lx += icf[ik * icfSize + d + i * (2 * d - i - 1) / 2 + (j - i - 1)] * (x[ix * d + i] - means[ik * d + i]);
                    }

                    term += q - 0.5 * lx * lx;
                }

                max = Math.Max(max, term);
            }

            var sum = 0.0;
            for (int ik = 0; ik < k; ik++)
            {
                var term = alphas[ik];
                for (int j = 0; j < d; j++)
                {
                    var q = icf[ik * icfSize + j] * 1.0;
                    var lx = Math.Exp(q) * (x[ix * d + j] - means[ik * d + j]);
                    for (int i = 0; i < j; i++)
                    {
                        lx += icf[ik * icfSize + d + i * (2 * d - i - 1) / 2 + (j - i - 1)] * (x[ix * d + i] - means[ik * d + i]);
                    }

                    term += q - 0.5 * lx * lx;
                }

                sum += Math.Exp(term - max);
            }

            slse += max + Math.Log(sum);
        }

        var alphaMax = double.NegativeInfinity;
        for (int ik = 0; ik < k; ik++)
        {
            alphaMax = Math.Max(alphaMax, alphas[ik]);
        }

        var alphaSum = 0.0;
        for (int ik = 0; ik < k; ik++)
        {
            alphaSum += Math.Exp(alphas[ik] - alphaMax);
        }

        var prior = 0.0;
        for (int ik = 0; ik < k; ik++)
        {
            for (int j = 0; j < icfSize; j++)
            {
                var v = icf[ik * icfSize + j];
                prior += j < d
                    ? 0.5 * wishartGamma * wishartGamma * Math.Exp(2 * v) - wishartM * v
                    : 0.5 * wishartGamma * wishartGamma * v * v;
            }
        }

        return -n * d * 0.5 * Math.Log(2 * Math.PI) + slse - n * (alphaMax + Math.Log(alphaSum)) + prior;
    }
}
