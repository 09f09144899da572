using SymDiff.GradBench.Functions;
using SymDiff.GradBench.Tests.Infrastructure;
using SymDiff.Tests.Infrastructure;

namespace SymDiff.GradBench.Tests;

/// <summary>llsq on GradBench's small workloads (m = 128, n = 16, 32, 64), against formulas that share no code with it.</summary>
public class LlsqTests
{
    private const int M = 128;

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    [InlineData(64)]
    public void Primal_SmallWorkloads_MatchesADirectLoopWithPow(int n)
    {
        var x = Inputs.Uniform(M, n, low: -0.5, high: 0.5);
        var expected = 0.0;
        foreach (var (t, residual) in Residuals(x, n))
        {
            expected += 0.5 * residual * residual;
        }

        Close.Relative(expected, LeastSquares.Primal(x, n), 1e-12, $"llsq n = {n}");
    }

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    [InlineData(64)]
    public void Gradient_SmallWorkloads_IsMinusTheResidualsTimesThePowers(int n)
    {
        var x = Inputs.Uniform(M, n, low: -0.5, high: 0.5);
        var gradient = new double[M];

        LeastSquares.PrimalGradient(x, n, gradient);

        var residuals = Residuals(x, n);
        for (var j = 0; j < M; j++)
        {
            var expected = -residuals.Sum(p => p.Residual * Math.Pow(p.T, j));
            // The terms cancel for large j: judge the error against their size, not against the sum.
            var scale = residuals.Sum(p => Math.Abs(p.Residual * Math.Pow(p.T, j)));
            Close.Within(expected, gradient[j], 1e-12, scale, $"∂llsq/∂x[{j}], n = {n}");
        }
    }

    [Theory]
    [InlineData(16)]
    [InlineData(64)]
    public void Gradient_SmallWorkloads_MatchesCentralDifferences(int n)
    {
        var x = Inputs.Uniform(M, n, low: -0.5, high: 0.5);
        var gradient = new double[M];

        LeastSquares.PrimalGradient(x, n, gradient);

        var differences = FiniteDifference.Gradient(point => LeastSquares.Primal(point, n), x);
        for (var j = 0; j < M; j++)
        {
            Close.Within(differences[j], gradient[j], 1e-8, Math.Max(1, Math.Abs(gradient[j])), $"∂llsq/∂x[{j}], n = {n}");
        }
    }

    /// <summary>(tᵢ, sign(tᵢ) − Σⱼ xⱼ tᵢʲ) for i = 0…n−1, with tᵢʲ from <see cref="Math.Pow"/>.</summary>
    private static List<(double T, double Residual)> Residuals(double[] x, int n)
    {
        var result = new List<(double, double)>();
        for (var i = 0; i < n; i++)
        {
            var t = -1 + 2.0 * i / (n - 1);
            var fit = 0.0;
            for (var j = 0; j < x.Length; j++)
            {
                fit += x[j] * Math.Pow(t, j);
            }

            result.Add((t, Math.Sign(t) - fit));
        }

        return result;
    }
}
