namespace SymDiff.GradBench.Functions;

/// <summary>
/// GradBench's gmm eval: the log posterior of a Gaussian mixture with a Wishart prior on the inverse covariances.
/// Component k's inverse-covariance factor Q_k is lower-triangular with diagonal exp(q_k) and its strictly-lower part
/// packed column by column in l_k: (1,0), (2,0), …, (d−1,0), (2,1), …
/// </summary>
public static partial class GaussianMixture
{
    /// <summary>
    /// −n(d/2·log 2π + logsumexp(α)) + Σᵢ logsumexp_k(β_ik) + k(n′d·log(γ/√2) − log Γ_d(n′/2)) − γ²/2·Σ_k ‖Q_k‖²_F
    /// + m·Σ q, with β_ik = α_k − ½‖Q_k(xᵢ − μ_k)‖² + Σⱼ q_kj and n′ = d + m + 1. Both log-sum-exps are shifted by
    /// their max, marked without derivative (the value does not depend on the shift).
    /// </summary>
    /// <param name="alpha">k mixture weights (log-space).</param>
    /// <param name="mu">k×d means, row-major.</param>
    /// <param name="q">k×d log-diagonals of the Q_k, row-major.</param>
    /// <param name="l">k×d(d−1)/2 strictly-lower parts of the Q_k, each packed column by column.</param>
    /// <param name="x">n×d data points, row-major.</param>
    /// <param name="d">Dimension.</param>
    /// <param name="gamma">Wishart γ.</param>
    /// <param name="m">Wishart m.</param>
    /// <param name="logMultivariateGamma">log Γ_d(n′/2): a constant of d and m, computed outside (<see cref="LogMultivariateGamma"/>).</param>
    [Differentiable]
    public static double Objective(ReadOnlySpan<double> alpha, ReadOnlySpan<double> mu, ReadOnlySpan<double> q, ReadOnlySpan<double> l,
        ReadOnlySpan<double> x, int d, double gamma, int m, double logMultivariateGamma)
    {
        int k = alpha.Length;
        int n = x.Length / d;
        int lSize = d * (d - 1) / 2;

        var sumLse = 0.0;
        for (int i = 0; i < n; i++)
        {
            // β_ik for every component: first their max, then the shifted sum of exponentials
            var max = double.NegativeInfinity;
            for (int c = 0; c < k; c++)
            {
                var beta = alpha[c];
                for (int r = 0; r < d; r++)
                {
                    var qx = Math.Exp(q[c * d + r]) * (x[i * d + r] - mu[c * d + r]);
                    for (int col = 0; col < r; col++)
                    {
                        qx += l[c * lSize + col * (2 * d - col - 1) / 2 + (r - col - 1)] * (x[i * d + col] - mu[c * d + col]);
                    }

                    beta += q[c * d + r] - 0.5 * qx * qx;
                }

                max = Math.Max(max, beta);
            }

            var shift = Derivatives.WithoutDerivative(max);
            var sum = 0.0;
            for (int c = 0; c < k; c++)
            {
                var beta = alpha[c];
                for (int r = 0; r < d; r++)
                {
                    var qx = Math.Exp(q[c * d + r]) * (x[i * d + r] - mu[c * d + r]);
                    for (int col = 0; col < r; col++)
                    {
                        qx += l[c * lSize + col * (2 * d - col - 1) / 2 + (r - col - 1)] * (x[i * d + col] - mu[c * d + col]);
                    }

                    beta += q[c * d + r] - 0.5 * qx * qx;
                }

                sum += Math.Exp(beta - shift);
            }

            sumLse += shift + Math.Log(sum);
        }

        var alphaMax = double.NegativeInfinity;
        for (int c = 0; c < k; c++)
        {
            alphaMax = Math.Max(alphaMax, alpha[c]);
        }

        var alphaShift = Derivatives.WithoutDerivative(alphaMax);
        var alphaSum = 0.0;
        for (int c = 0; c < k; c++)
        {
            alphaSum += Math.Exp(alpha[c] - alphaShift);
        }

        // the Wishart prior: −γ²/2·‖Q_k‖²_F (diagonal exp(2q) and the strictly-lower l²) + m·Σ q, per component
        var frobenius = 0.0;
        var sumQ = 0.0;
        for (int j = 0; j < q.Length; j++)
        {
            frobenius += Math.Exp(2 * q[j]);
            sumQ += q[j];
        }

        for (int j = 0; j < l.Length; j++)
        {
            frobenius += l[j] * l[j];
        }

        int nPrime = d + m + 1;
        var wishartConstant = k * (nPrime * d * Math.Log(gamma / Math.Sqrt(2)) - logMultivariateGamma);
        return -n * (0.5 * d * Math.Log(2 * Math.PI) + alphaShift + Math.Log(alphaSum)) + sumLse
            + wishartConstant - 0.5 * gamma * gamma * frobenius + m * sumQ;
    }

    /// <summary>
    /// log Γ_d(a) = d(d−1)/4·log π + Σⱼ₌₁..d log Γ(a + (1 − j)/2), the multivariate gamma function: with a = n′/2 the
    /// Wishart prior's normalising constant. It depends only on d and m, so it is computed once, outside the
    /// differentiated objective (.NET has no log Γ; see <see cref="LogGamma"/>).
    /// </summary>
    public static double LogMultivariateGamma(int d, double a)
    {
        var sum = 0.25 * d * (d - 1) * Math.Log(Math.PI);
        for (var j = 1; j <= d; j++)
        {
            sum += LogGamma(a + 0.5 * (1 - j));
        }

        return sum;
    }

    /// <summary>
    /// log Γ(a) for a &gt; 0, by the Lanczos approximation (g = 7, 9 coefficients; relative error about 1e-15), with
    /// Γ(a) = Γ(a + 1)/a below ½ to stay in its accurate range.
    /// </summary>
    public static double LogGamma(double a)
    {
        if (!(a > 0) || double.IsInfinity(a))
        {
            throw new ArgumentOutOfRangeException(nameof(a), a, "log Γ is computed for finite a > 0 only: the Wishart prior needs m > −2");
        }

        if (a < 0.5)
        {
            return LogGamma(a + 1) - Math.Log(a);
        }

        ReadOnlySpan<double> coefficients =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        var z = a - 1;
        var series = coefficients[0];
        for (var i = 1; i < coefficients.Length; i++)
        {
            series += coefficients[i] / (z + i);
        }

        var t = z + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (z + 0.5) * Math.Log(t) - t + Math.Log(series);
    }
}
