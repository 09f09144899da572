using SymDiff.Tests.Functions;

namespace SymDiff.Tests.SecondOrder;

/// <summary>Mode disagreements the fuzzer found, at the points it found them.</summary>
public sealed class FuzzRegressionTests
{
    [Fact]
    public void UntakenNaN_HessianVectorGradient_IsTheGradient()
    {
        const double x = 0.38439704775083694, y = -0.7964634461311919, z = 1.119184482432522;
        var value = FuzzRegressions.UntakenNaNGradient(x, y, z, out var dx, out var dy, out var dz);
        var product = FuzzRegressions.UntakenNaNHessianVector(x, y, z, -0.7956, -0.0181, 0.4828, out var gx, out var gy, out var gz, out var hx, out var hy, out var hz);
        Assert.Equal(value, product);
        Assert.Equal(new double[] { dx, dy, dz }, new double[] { gx, gy, gz });
        Assert.Equal(new double[] { 0.0, 0.0, 0.0 }, new double[] { hx, hy, hz });
    }
}
