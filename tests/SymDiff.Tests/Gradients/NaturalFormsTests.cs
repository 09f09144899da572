using SymDiff.Tests.Functions;
using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Gradients;

/// <summary>Lengths read as doubles, named arguments and a Math function given its derivative, against differences and hand-derived values.</summary>
public sealed class NaturalFormsTests
{
    [Theory]
    [InlineData(new[] { 1.0 })]
    [InlineData(new[] { 0.5, -1.5, 2.0 })]
    [InlineData(new[] { 0.3, 0.1, -0.7, 1.1, 2.5 })]
    public void Mean_GradientIsOneOverN(double[] x)
    {
        var dx = new double[x.Length];
        var value = NaturalForms.MeanGradient(x, dx);
        Assert.Equal(NaturalForms.Mean(x), value);
        GradientAssert.Close(Enumerable.Repeat(1.0 / x.Length, x.Length).ToArray(), dx, 1e-15, 1e-15);
    }

    [Fact]
    public void Mean_OfEmptySpan_IsNaNAsTheSourceIs()
    {
        Assert.True(double.IsNaN(NaturalForms.MeanGradient(ReadOnlySpan<double>.Empty, Span<double>.Empty)));
    }

    [Theory]
    [InlineData(new[] { 0.5, -1.5, 2.0 }, 1.5)]
    [InlineData(new[] { 0.3, 0.1, -0.7, 1.1 }, -0.4)]
    public void Variance_AllModesMatchDifferencesAndHandDerivedValues(double[] x, double scale)
    {
        var dx = new double[x.Length];
        var value = NaturalForms.VarianceGradient(x, scale, dx, out var dscale);
        Assert.Equal(NaturalForms.Variance(x, scale), value, 14);

        // ∂/∂x[i] = 2·scale·(x[i] − mean)/n; ∂/∂scale = Σ (x[i] − mean)²/n.
        var n = x.Length;
        var mean = x.Average();
        var expected = x.Select(v => 2 * scale * (v - mean) / n).Append(x.Sum(v => (v - mean) * (v - mean)) / n).ToArray();
        GradientAssert.Close(expected, dx.Append(dscale).ToArray(), 1e-12, 1e-13);

        double F(double[] p) => NaturalForms.Variance(p[..n], p[n]);
        var point = x.Append(scale).ToArray();
        GradientAssert.Close(FiniteDifference.Gradient(F, point), expected, 1e-6, 1e-8);

        var direction = Enumerable.Range(0, n + 1).Select(i => 0.3 - (0.2 * i)).ToArray();
        NaturalForms.VarianceTangent(x, scale, direction[..n], direction[n], out var tangent);
        Assert.Equal(expected.Zip(direction, (g, t) => g * t).Sum(), tangent, 12);

        var hvx = new double[n];
        var gx = new double[n];
        NaturalForms.VarianceHessianVector(x, scale, direction[..n], direction[n], gx, out var gscale, hvx, out var hvscale);
        double[] Gradient(double[] p)
        {
            var g = new double[n];
            NaturalForms.VarianceGradient(p[..n], p[n], g, out var gs);
            return g.Append(gs).ToArray();
        }

        GradientAssert.Close(FiniteDifference.Directional(Gradient, point, direction), hvx.Append(hvscale).ToArray(), 1e-6, 1e-8);
    }

    [Fact]
    public void Variance_OfEmptySpan_TakesTheEarlyReturn()
    {
        var value = NaturalForms.VarianceGradient(ReadOnlySpan<double>.Empty, 2.5, Span<double>.Empty, out var dscale);
        Assert.Equal(2.5, value);
        Assert.Equal(1.0, dscale);
    }

    [Theory]
    [InlineData(0.4, 0.9)]
    [InlineData(-1.3, 0.6)]
    public void Angle_NamedArgumentsAreReadByParameter(double x, double y)
    {
        var value = NaturalForms.AngleGradient(x, y, out var dx, out var dy);
        Assert.Equal(NaturalForms.Angle(x, y), value, 15);
        Assert.Equal(Math.Atan2(y, x) + Math.Pow(x, 2.0), value, 15);

        // Math.Pow(y: 2.0, x: x) is x²: atan2(y, x) + x² has ∂x = −y/(x² + y²) + 2x, ∂y = x/(x² + y²).
        var r2 = x * x + y * y;
        GradientAssert.Close(new[] { -y / r2 + 2 * x, x / r2 }, new[] { dx, dy }, 1e-14, 1e-15);
        var hessian = new double[4];
        var gradient = new double[2];
        NaturalForms.AngleHessian(x, y, gradient, hessian);
        GradientAssert.Close(new[] { dx, dy }, gradient, 1e-15, 1e-15);
        double Partial(double[] p, int i)
        {
            NaturalForms.AngleGradient(p[0], p[1], out var gx, out var gy);
            return i == 0 ? gx : gy;
        }

        var rows = Enumerable.Range(0, 2).SelectMany(i => FiniteDifference.Gradient(p => Partial(p, i), new[] { x, y })).ToArray();
        GradientAssert.Close(rows, hessian, 1e-6, 1e-8);
    }

    /// <summary>Seed 4242's M913: x·Atan2(−(1 − x/x), y) returned +π·x where the source returns −π·x.</summary>
    [Theory]
    [InlineData(1.5, 0.75, 0.75)]
    [InlineData(-2.0, 0.0, 0.0)]
    [InlineData(0.5, 0.25, -1.0)]
    public void SignedZeros_ValueAndGradientAreTheSources(double x, double a, double b)
    {
        var expected = NaturalForms.SignedZeros(x, a, b);
        var value = NaturalForms.SignedZerosGradient(x, a, b, out var dx, out _, out _);
        Assert.Equal(expected, value);
        Assert.Equal(expected / x, dx, 10);
        var gradient = new double[3];
        Assert.Equal(expected, NaturalForms.SignedZerosHessian(x, a, b, gradient, new double[9]));
        NaturalForms.SignedZerosTangent(x, a, b, 1.0, 0.0, 0.0, out var tangent);
        Assert.Equal(expected / x, tangent, 10);
    }

    [Fact]
    public void CallsNamed_PassesEachArgumentToItsParameter()
    {
        NaturalForms.CallsNamedGradient(0.7, -0.4, out var da, out var db);

        // Weighted(v: b, w: a) = b·eᵃ.
        GradientAssert.Close(new[] { -0.4 * Math.Exp(0.7), Math.Exp(0.7) }, new[] { da, db }, 1e-15, 1e-15);
        Assert.Equal(-0.4 * Math.Exp(0.7), NaturalForms.CallsNamed(0.7, -0.4), 15);
    }

    [Theory]
    [InlineData(0.4, 0.9)]
    [InlineData(-1.3, 2.6)]
    public void Fused_UsesTheDerivativeOfMathFusedMultiplyAdd(double x, double y)
    {
        var value = NaturalForms.FusedGradient(x, y, out var dx, out var dy);
        Assert.Equal(NaturalForms.Fused(x, y), value);

        // fma(x, y, x²) = x·y + x²: ∂x = y + 2x, ∂y = x.
        GradientAssert.Close(new[] { y + 2 * x, x }, new[] { dx, dy }, 1e-15, 1e-15);
        NaturalForms.FusedTangent(x, y, 1.0, -2.0, out var tangent);
        Assert.Equal(y + 2 * x - 2 * x, tangent, 14);
    }
}
