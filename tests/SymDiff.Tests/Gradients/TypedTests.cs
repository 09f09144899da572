using SymDiff.Tests.Functions;
using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Gradients;

/// <summary>float and generic-math gradients: against the double computation and against finite differences.</summary>
public sealed class TypedTests
{
    [Theory]
    [InlineData(0.7f, 2.0f)]
    [InlineData(-1.3f, 0.5f)]
    public void FloatSoftplus_MatchesHandDerivedGradientInFloatPrecision(float x, float beta)
    {
        var value = Typed.SoftplusGradient(x, beta, out var dx, out var dbeta);
        Assert.Equal(Typed.Softplus(x, beta), value);

        double X = x, B = beta;
        var sigmoid = 1 / (1 + Math.Exp(-B * X));
        var expectedDx = sigmoid + 0.5 * Math.Sign(X);
        var expectedDbeta = X * sigmoid / B - Math.Log(1 + Math.Exp(B * X)) / (B * B);
        Assert.Equal(expectedDx, dx, 5e-6);
        Assert.Equal(expectedDbeta, dbeta, 5e-6);
    }

    [Fact]
    public void FloatTangent_EqualsGradientDotDirection()
    {
        Typed.SoftplusTangent(0.7f, 2f, 1f, -0.5f, out var tangent);
        Typed.SoftplusGradient(0.7f, 2f, out var dx, out var dbeta);
        Assert.Equal(dx - 0.5f * dbeta, tangent, 1e-5f);
    }

    [Theory]
    [InlineData(0.3, -0.2, 1.5)]
    [InlineData(2.0, 0.5, 0.7)]
    public void GenericGaussian_DoubleMatchesFiniteDifferencesAndFloatAgrees(double x, double mu, double sigma)
    {
        var value = Typed.GaussianGradient(x, mu, sigma, out var dx, out var dmu, out var dsigma);
        Assert.Equal(Typed.Gaussian(x, mu, sigma), value, 1e-15);
        var expected = FiniteDifference.Gradient(p => Typed.Gaussian(p[0], p[1], p[2]), new[] { x, mu, sigma });
        GradientAssert.Close(expected, new[] { dx, dmu, dsigma }, 1e-6, 1e-9);

        Typed.GaussianGradient((float)x, (float)mu, (float)sigma, out var fx, out var fmu, out var fsigma);
        GradientAssert.Close(new[] { dx, dmu, dsigma }, new double[] { fx, fmu, fsigma }, 1e-4, 1e-6);
    }

    [Fact]
    public void GenericGaussian_HessianMatchesFiniteDifferencesOfTheGradient()
    {
        var point = new[] { 0.3, -0.2, 1.5 };
        var hessian = new double[9];
        Typed.GaussianHessian(point[0], point[1], point[2], new double[3], hessian);
        for (var j = 0; j < 3; j++)
        {
            var column = FiniteDifference.Gradient(
                p =>
                {
                    Typed.GaussianGradient(p[0], p[1], p[2], out var a, out var b, out var c);
                    return new[] { a, b, c }[j];
                },
                point);
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(column[i], hessian[i * 3 + j], 1e-6);
            }
        }
    }

    [Theory]
    [InlineData(1.2, 0.4)]
    [InlineData(-0.6, 0.9)]
    public void GenericMixed_MatchesFiniteDifferences(double a, double b)
    {
        Typed.MixedGradient(a, b, out var da, out var db);
        GradientAssert.Close(FiniteDifference.Gradient(p => Typed.Mixed(p[0], p[1]), new[] { a, b }), new[] { da, db }, 1e-6, 1e-9);
    }

    [Fact]
    public void GenericHessianVector_IsTheHessianTimesTheDirection_InEachType()
    {
        Span<double> gradient = stackalloc double[3];
        Span<double> hessian = stackalloc double[9];
        Typed.GaussianHessian(0.3, -0.2, 1.4, gradient, hessian);
        var value = Typed.GaussianHessianVector(0.3, -0.2, 1.4, 1.0, 0.5, -2.0, out var dx, out var dmu, out var dsigma, out var hx, out var hmu, out var hsigma);
        Assert.Equal(Typed.Gaussian(0.3, -0.2, 1.4), value, 1e-15);
        Assert.Equal(gradient[0], dx, 1e-14);
        Assert.Equal(gradient[2], dsigma, 1e-14);
        double[] v = { 1.0, 0.5, -2.0 };
        double[] product = { hx, hmu, hsigma };
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(hessian[i * 3] * v[0] + hessian[i * 3 + 1] * v[1] + hessian[i * 3 + 2] * v[2], product[i], 1e-13);
        }

        Typed.GaussianHessianVector(0.3f, -0.2f, 1.4f, 1f, 0.5f, -2f, out _, out _, out _, out float hxFloat, out _, out _);
        Assert.Equal(hx, hxFloat, 1e-5);
    }
}
