using SymDiff.Tests.Functions;
using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Calls;

/// <summary>[DerivativeOf] methods are used wherever their function is called, in each of the three shapes.</summary>
public sealed class CustomDerivativeTests
{
    [Theory]
    [InlineData(0.4, 0.9)]
    [InlineData(-1.3, 0.6)]
    [InlineData(2.0, -1.5)]
    public void Mix_MatchesHandDerivedChainRule(double x, double y)
    {
        var value = UsesSpecial.MixGradient(x, y, out var dx, out var dy);
        Assert.Equal(UsesSpecial.Mix(x, y), value);

        var erf = 2 / Math.Sqrt(Math.PI) * Math.Exp(-(x * y) * (x * y));
        var r = Math.Sqrt(x * x + y * y);
        var t = Math.Tanh(y / 2);
        var clip = 2 * t;
        var expected = new[] { erf * y + x / r * clip, erf * x + y / r * clip + r * (1 - t * t) };
        GradientAssert.Close(expected, new[] { dx, dy }, 1e-13, 1e-14);
    }

    [Fact]
    public void Mix_AgreesWithFiniteDifferencesWithinTheErfApproximation()
    {
        var point = new[] { 0.4, 0.9 };
        UsesSpecial.MixGradient(point[0], point[1], out var dx, out var dy);

        // The supplied derivative is the exact erf', while the function is a 1.5e-7 approximation of erf.
        GradientAssert.Close(FiniteDifference.Gradient(p => UsesSpecial.Mix(p[0], p[1]), point), new[] { dx, dy }, 1e-5, 1e-5);
    }

    [Fact]
    public void Tangent_UsesTheCustomDerivativesToo()
    {
        UsesSpecial.MixTangent(0.4, 0.9, 0.6, -0.8, out var tangent);
        UsesSpecial.MixGradient(0.4, 0.9, out var dx, out var dy);
        Assert.Equal(0.6 * dx - 0.8 * dy, tangent, 12);
    }
}
