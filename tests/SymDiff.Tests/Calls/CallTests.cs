using SymDiff.Tests.Functions;
using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Calls;

/// <summary>The chain rule across [Differentiable] methods that call each other.</summary>
public sealed class CallTests
{
    [Theory]
    [InlineData(0.3, -0.7, 1.1)]
    [InlineData(-1.2, 0.4, 0.9)]
    [InlineData(2.0, 0.5, -0.25)]
    public void ChainOfThree_MatchesFiniteDifferences(double x, double y, double z)
    {
        var value = Chain.OuterGradient(x, y, z, out var dx, out var dy, out var dz);
        Assert.Equal(Chain.Outer(x, y, z), value);
        var expected = FiniteDifference.Gradient(p => Chain.Outer(p[0], p[1], p[2]), new[] { x, y, z });
        GradientAssert.Close(expected, new[] { dx, dy, dz }, 1e-6, 1e-8);
    }

    [Fact]
    public void Middle_MatchesHandDerivedChainRule()
    {
        const double a = 0.8, b = -0.6;
        Chain.MiddleGradient(a, b, out var da, out var db);

        // Inner'(u) = cos(u)·u + sin(u); Soft'(v) = eᵛ / (1 + eᵛ).
        static double InnerPrime(double u) => Math.Cos(u) * u + Math.Sin(u);
        static double SoftPrime(double v) => Math.Exp(v) / (1 + Math.Exp(v));
        var soft = Math.Log(1 + Math.Exp(a - b));
        var expectedA = InnerPrime(a * b) * b + SoftPrime(a - b) * Chain.Inner(b);
        var expectedB = InnerPrime(a * b) * a - SoftPrime(a - b) * Chain.Inner(b) + soft * InnerPrime(b);
        GradientAssert.Close(new[] { expectedA, expectedB }, new[] { da, db }, 1e-13, 1e-14);
    }

    [Fact]
    public void TangentThroughCalls_EqualsGradientDotDirection()
    {
        Chain.OuterTangent(0.3, -0.7, 1.1, 0.5, -1.0, 2.0, out var tangent);
        Chain.OuterGradient(0.3, -0.7, 1.1, out var dx, out var dy, out var dz);
        Assert.Equal(0.5 * dx - dy + 2 * dz, tangent, 12);
    }

    [Fact]
    public void Pullback_AccumulatesSeedTimesGradient()
    {
        var dx = 1.0;
        var dy = -2.0;
        var dz = 0.5;
        var value = Chain.OuterPullback(0.3, -0.7, 1.1, 3.0, ref dx, ref dy, ref dz);
        Chain.OuterGradient(0.3, -0.7, 1.1, out var gx, out var gy, out var gz);
        Assert.Equal(Chain.Outer(0.3, -0.7, 1.1), value);
        GradientAssert.Close(new[] { 1 + 3 * gx, -2 + 3 * gy, 0.5 + 3 * gz }, new[] { dx, dy, dz }, 1e-14, 1e-14);
    }

    [Fact]
    public void GradientThroughCalls_DoesNotAllocate()
    {
        Chain.OuterGradient(0.3, -0.7, 1.1, out _, out _, out _);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = 0.0;
        for (var i = 0; i < 10_000; i++)
        {
            sum += Chain.OuterGradient(0.3 + i * 1e-7, -0.7, 1.1, out var dx, out _, out _) + dx;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(double.IsFinite(sum));
    }
}
