namespace SymDiff.GradBench.Functions;

/// <summary>GradBench's kmeans eval: the k-means cost of n points in d dimensions against k centroids, both row-major.</summary>
public static partial class KMeans
{
    /// <summary>Σᵢ minⱼ ‖Cⱼ − Pᵢ‖²: each point's squared distance to its nearest centroid (the first, on a tie).</summary>
    [Differentiable(Modes = DerivativeModes.Gradient | DerivativeModes.HessianVector)]
    public static double Cost(ReadOnlySpan<double> points, ReadOnlySpan<double> centroids, int d)
    {
        var n = points.Length / d;
        var k = centroids.Length / d;
        var cost = 0.0;
        for (int i = 0; i < n; i++)
        {
            var nearest = double.PositiveInfinity;
            for (int j = 0; j < k; j++)
            {
                var distance = 0.0;
                for (int c = 0; c < d; c++)
                {
                    var difference = centroids[j * d + c] - points[i * d + c];
                    distance += difference * difference;
                }

                nearest = Math.Min(nearest, distance);
            }

            cost += nearest;
        }

        return cost;
    }
}
