namespace SymDiff.Tests.Functions;

/// <summary>
/// The ADBench Gaussian mixture model objective (microsoft/ADBench, gmm): negative log-likelihood of
/// n points in d dimensions under k Gaussians with inverse-covariance factors, plus the Wishart prior.
/// Written the way a user writes it for SymDiff: loops over flat spans, the log-sum-exp over the
/// components with a max shift, no scratch arrays. The shifts are marked
/// <see cref="Derivatives.WithoutDerivative{T}"/>, as JAX's logsumexp stops the gradient of its max:
/// a log-sum-exp does not depend on its shift, so the backward pass need not sweep the max loops.
/// </summary>
public static partial class Gmm
{
    /// <param name="alphas">k mixture weights (log-space).</param>
    /// <param name="means">k×d means, row-major.</param>
    /// <param name="icf">k×(d + d(d−1)/2): per component, d log-diagonal entries of L then its strict lower triangle, column by column.</param>
    /// <param name="x">n×d data, row-major.</param>
    /// <param name="d">Dimension.</param>
    /// <param name="wishartGamma">Wishart prior γ.</param>
    /// <param name="wishartM">Wishart prior m.</param>
    [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double Objective(ReadOnlySpan<double> alphas, ReadOnlySpan<double> means, ReadOnlySpan<double> icf, ReadOnlySpan<double> x, int d, double wishartGamma, double wishartM)
    {
        int k = alphas.Length;
        int n = x.Length / d;
        int icfSize = d * (d + 1) / 2;
        var slse = 0.0;
        for (int ix = 0; ix < n; ix++)
        {
            // max over components of the main term, then the shifted sum of exponentials
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

            var shift = Derivatives.WithoutDerivative(max);
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

                sum += Math.Exp(term - shift);
            }

            slse += shift + Math.Log(sum);
        }

        var alphaMax = double.NegativeInfinity;
        for (int ik = 0; ik < k; ik++)
        {
            alphaMax = Math.Max(alphaMax, alphas[ik]);
        }

        var alphaShift = Derivatives.WithoutDerivative(alphaMax);
        var alphaSum = 0.0;
        for (int ik = 0; ik < k; ik++)
        {
            alphaSum += Math.Exp(alphas[ik] - alphaShift);
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

        return -n * d * 0.5 * Math.Log(2 * Math.PI) + slse - n * (alphaShift + Math.Log(alphaSum)) + prior;
    }
}
