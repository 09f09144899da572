using SymDiff.GradBench.Functions;
using SymDiff.GradBench.Tests.Infrastructure;
using SymDiff.Tests.Infrastructure;

namespace SymDiff.GradBench.Tests;

/// <summary>
/// kmeans against its closed form (each point assigned to its nearest centroid, the first on a tie: J_j = 2·Σ (Cⱼ − Pᵢ),
/// H_j = 2·count) and against central differences, at sizes small enough to check every entry.
/// </summary>
public class KMeansTests
{
    private const int D = 3;

    [Theory]
    [InlineData(5, 40)]
    [InlineData(7, 100)]
    public void GradientAndHessianDiagonal_MatchTheClosedForm(int k, int n)
    {
        var (points, centroids) = Problem(k, n);
        var gradient = new double[k * D];
        var diagonal = new double[k * D];

        var cost = KMeans.CostHessianVector(points, centroids, D, new double[n * D], Enumerable.Repeat(1.0, k * D).ToArray(), new double[n * D], gradient, new double[n * D], diagonal);

        var (expectedCost, sums, counts) = ClosedForm(points, centroids, k, n);
        Close.Relative(expectedCost, cost, 1e-13, "cost");
        for (var j = 0; j < k; j++)
        {
            for (var c = 0; c < D; c++)
            {
                Close.Within(2 * (counts[j] * centroids[j * D + c] - sums[j * D + c]), gradient[j * D + c], 1e-12, 1 + n, $"J[{j},{c}]");
                Assert.Equal(2.0 * counts[j], diagonal[j * D + c]);
            }
        }
    }

    [Fact]
    public void Gradient_MatchesCentralDifferences_AndHessianVector_TheDifferenceOfGradients()
    {
        var (points, centroids) = Problem(4, 30);
        var gradient = new double[centroids.Length];
        KMeans.CostGradient(points, centroids, D, new double[points.Length], gradient);
        var differences = FiniteDifference.Gradient(c => KMeans.Cost(points, c, D), centroids);
        for (var i = 0; i < gradient.Length; i++)
        {
            Close.Within(differences[i], gradient[i], 1e-7, Math.Max(1, Math.Abs(gradient[i])), $"∂cost/∂C[{i}]");
        }

        var direction = Inputs.Uniform(centroids.Length, 7, low: -1, high: 1);
        var product = new double[centroids.Length];
        KMeans.CostHessianVector(points, centroids, D, new double[points.Length], direction, new double[points.Length], new double[centroids.Length], new double[points.Length], product);
        var expected = FiniteDifference.Directional(c =>
        {
            var g = new double[c.Length];
            KMeans.CostGradient(points, c, D, new double[points.Length], g);
            return g;
        }, centroids, direction);
        for (var i = 0; i < product.Length; i++)
        {
            Close.Within(expected[i], product[i], 1e-6, Math.Max(1, Math.Abs(product[i])), $"(H·v)[{i}]");
        }
    }

    /// <summary>GradBench's shape of problem: points uniform in [0, 1)ᵈ, the centroids the last k points.</summary>
    private static (double[] Points, double[] Centroids) Problem(int k, int n)
    {
        var points = Inputs.Uniform(n * D, 31337 + k);
        return (points, points[((n - k) * D)..]);
    }

    private static (double Cost, double[] Sums, int[] Counts) ClosedForm(double[] points, double[] centroids, int k, int n)
    {
        var (cost, sums, counts) = (0.0, new double[k * D], new int[k]);
        for (var i = 0; i < n; i++)
        {
            var (best, nearest) = (double.PositiveInfinity, -1);
            for (var j = 0; j < k; j++)
            {
                var distance = Enumerable.Range(0, D).Sum(c => Math.Pow(centroids[j * D + c] - points[i * D + c], 2));
                if (distance < best)
                {
                    (best, nearest) = (distance, j);
                }
            }

            cost += best;
            counts[nearest]++;
            for (var c = 0; c < D; c++)
            {
                sums[nearest * D + c] += points[i * D + c];
            }
        }

        return (cost, sums, counts);
    }
}
