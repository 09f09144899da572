using SymDiff.GradBench.Functions;
using SymDiff.GradBench.Tests.Infrastructure;
using SymDiff.Tests.Infrastructure;

namespace SymDiff.GradBench.Tests;

/// <summary>
/// ba's reprojection error: its generated 2 × 17 Jacobian against central differences, with a rotation and without
/// one, where the first-order formula's derivative in r must be the exact rotation's.
/// </summary>
public class BaTests
{
    // ba1's camera, point, weight and measurement.
    private static readonly double[] Camera = [-0.758453, -1.109613, -0.845551, 34.556073, 39.676747, 53.881673, 419.194514, 5.864426, -8.51887, 0.087812, 0.002739];
    private static readonly double[] Point = [7.203245, 0.001144, 3.023326];
    private static readonly double[] Feature = [271.760969, 834.209256];
    private const double Weight = 0.417022;

    [Fact]
    public void Jacobian_MatchesCentralDifferences()
        => AssertJacobianMatchesDifferences(Camera);

    [Fact]
    public void Jacobian_WithoutRotation_HasTheExactRotationsDerivativeInR()
    {
        var camera = (double[])Camera.Clone();
        camera[0] = camera[1] = camera[2] = 0;
        // Central differences around r = 0 step to r = ±h, where the exact formula (θ² ≠ 0) is used.
        AssertJacobianMatchesDifferences(camera);
    }

    [Fact]
    public void WeightError_AndItsDerivative()
    {
        Assert.Equal(1 - Weight * Weight, BundleAdjustment.WeightError(Weight));
        BundleAdjustment.WeightErrorGradient(Weight, out var derivative);
        Assert.Equal(-2 * Weight, derivative);
    }

    private static void AssertJacobianMatchesDifferences(double[] camera)
    {
        var inputs = camera.Concat(Point).Append(Weight).Concat(Feature).ToArray();
        var jacobian = new double[2 * inputs.Length];
        var error = new double[2];
        BundleAdjustment.ReprojectionJacobian(camera, Point, Weight, Feature, error, jacobian);

        for (var row = 0; row < 2; row++)
        {
            var differences = FiniteDifference.Gradient(z =>
            {
                var output = new double[2];
                BundleAdjustment.Reprojection(z.AsSpan(0, 11), z.AsSpan(11, 3), z[14], z.AsSpan(15, 2), output);
                return output[row];
            }, inputs);
            for (var j = 0; j < inputs.Length; j++)
            {
                Close.Within(differences[j], jacobian[row * inputs.Length + j], 1e-6, Math.Max(1, Math.Abs(jacobian[row * inputs.Length + j])), $"∂error[{row}]/∂input[{j}]");
            }
        }
    }
}
