using System.Text.Json;
using SymDiff.GradBench.Functions;

namespace SymDiff.GradBench.Modules;

/// <summary>
/// kmeans: <c>cost</c> is the k-means cost; <c>dir</c> the Newton direction J ⊘ H, both parts from one generated
/// Hessian-vector product: with the all-ones direction on the centroids (and none on the points), it gives the
/// gradient J and H·1, which is the Hessian's diagonal, since the Hessian in the centroids is diagonal.
/// </summary>
public sealed class KMeansModule : IEvalModule
{
    public string Name => "kmeans";

    public Computation? Prepare(string function, JsonElement input)
    {
        var pointRows = input.GetProperty("points");
        var centroidRows = input.GetProperty("centroids");
        var n = pointRows.GetArrayLength();
        var k = centroidRows.GetArrayLength();
        var d = k == 0 ? 0 : centroidRows[0].GetArrayLength();
        if (d == 0)
        {
            throw new ArgumentException("kmeans needs at least one centroid of at least one dimension");
        }

        var points = JsonInput.Matrix(pointRows, n, d, "points");
        var centroids = JsonInput.Matrix(centroidRows, k, d, "centroids");
        switch (function)
        {
            case "cost":
                return new ScalarComputation(() => KMeans.Cost(points, centroids, d));
            case "dir":
                var direction = new double[centroids.Length];
                var noPointDirection = new double[points.Length];
                var ones = Enumerable.Repeat(1.0, centroids.Length).ToArray();
                var pointGradient = new double[points.Length];
                var pointProduct = new double[points.Length];
                var gradient = new double[centroids.Length];
                var diagonal = new double[centroids.Length];
                return new MatrixComputation(direction, d, () =>
                {
                    KMeans.CostHessianVector(points, centroids, d, noPointDirection, ones, pointGradient, gradient, pointProduct, diagonal);
                    for (var i = 0; i < direction.Length; i++)
                    {
                        direction[i] = gradient[i] / diagonal[i];
                    }
                });
            default:
                return null;
        }
    }
}
