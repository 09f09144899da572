using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Loops;

/// <summary>Loops as people write them: descending (Horner, back substitution) and stepped, with &lt;=, &gt; and &gt;= bounds.</summary>
public static partial class SteppedLoops
{
    /// <summary>Horner's rule, c[n−1]·xⁿ⁻¹ + … + c[0], highest coefficient first.</summary>
    [Differentiable]
    public static double Horner(ReadOnlySpan<double> c, double x)
    {
        var result = 0.0;
        for (int i = c.Length - 1; i >= 0; i--)
        {
            result = result * x + c[i];
        }

        return result;
    }

    /// <summary>Σ over every other element from the first, sin(x[i])·x[i + 1].</summary>
    [Differentiable]
    public static double Pairs(double[] x)
    {
        var total = 0.0;
        for (int i = 0; i < x.Length - 1; i += 2)
        {
            total += Math.Sin(x[i]) * x[i + 1];
        }

        return total;
    }

    /// <summary>A product down from the top in steps of 3, bound exclusive, with the index read as a double.</summary>
    [Differentiable]
    public static double EveryThird(double[] x, int top)
    {
        var product = 1.0;
        for (int i = top; i > 0; i -= 3)
        {
            product *= 1 + x[i] / i;
        }

        return product;
    }

    /// <summary>Running suffix sums, the outer loop descending and the inner one bounded by it.</summary>
    [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double Triangle(ReadOnlySpan<double> x)
    {
        var total = 0.0;
        for (int i = x.Length - 1; i >= 1; --i)
        {
            var row = 0.0;
            for (int j = 0; j <= i; j++)
            {
                row += x[j] * x[i - j];
            }

            total += Math.Exp(-row * row);
        }

        return total;
    }

    /// <summary>y[i] = x[i]·x[i+1] written from the end.</summary>
    [Differentiable]
    public static void Products(ReadOnlySpan<double> x, Span<double> y)
    {
        for (int i = y.Length - 1; i >= 0; i--)
        {
            y[i] = x[i] * x[i + 1];
        }
    }
}

public sealed class SteppedLoopTests
{
    private static double[] Values(int count, double phase = 0.4) => Enumerable.Range(0, count).Select(i => Math.Sin(1.1 * i + phase)).ToArray();

    [Fact]
    public void Horner_GradientIsThePowersAndTheDerivative()
    {
        var c = Values(5);
        var x = 0.7;
        var dc = new double[5];
        var value = SteppedLoops.HornerGradient(c, x, dc, out var dx);
        Assert.Equal(Enumerable.Range(0, 5).Sum(k => c[k] * Math.Pow(x, k)), value, 14);
        for (var k = 0; k < 5; k++)
        {
            Assert.Equal(Math.Pow(x, k), dc[k], 14);
        }

        Assert.Equal(Enumerable.Range(1, 4).Sum(k => k * c[k] * Math.Pow(x, k - 1)), dx, 14);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(1)]
    [InlineData(0)]
    public void Pairs_GradientMatchesFiniteDifferences(int n)
    {
        var x = Values(n);
        var dx = new double[n];
        var value = SteppedLoops.PairsGradient(x, dx);
        Assert.Equal(SteppedLoops.Pairs(x), value, 15);
        if (n > 0)
        {
            GradientCheck.VerifyAgainstFiniteDifferences(SteppedLoops.Pairs, x, value, dx);
        }
    }

    [Theory]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(0)]
    [InlineData(-4)]
    public void EveryThird_GradientMatchesFiniteDifferences(int top)
    {
        var x = Values(11);
        var dx = new double[11];
        var value = SteppedLoops.EveryThirdGradient(x, top, dx);
        Assert.Equal(SteppedLoops.EveryThird(x, top), value, 15);
        GradientCheck.VerifyAgainstFiniteDifferences(p => SteppedLoops.EveryThird(p, top), x, value, dx);
        if (top == 10)
        {
            // Factors at 10, 7, 4, 1: ∂/∂x[7] = P / (1 + x[7]/7) / 7.
            Assert.Equal(value / (1 + x[7] / 7) / 7, dx[7], 14);
            Assert.Equal(0.0, dx[9]);
        }
    }

    [Fact]
    public void Triangle_GradientTangentAndHessianVectorMatchFiniteDifferences()
    {
        var x = Values(6, 0.1);
        var dx = new double[6];
        var value = SteppedLoops.TriangleGradient(x, dx);
        Assert.Equal(SteppedLoops.Triangle(x), value, 15);
        GradientCheck.VerifyAgainstFiniteDifferences(p => SteppedLoops.Triangle(p), x, value, dx);

        // Forward mode along v agrees with the gradient, and H·v with central differences of the gradient.
        var v = Values(6, 2.0);
        SteppedLoops.TriangleTangent(x, v, out var tangent);
        Assert.Equal(dx.Zip(v, (g, d) => g * d).Sum(), tangent, 13);
        var (gradient, hv) = (new double[6], new double[6]);
        SteppedLoops.TriangleHessianVector(x, v, gradient, hv);
        const double h = 1e-5;
        var (plus, minus) = (new double[6], new double[6]);
        SteppedLoops.TriangleGradient(x.Zip(v, (a, d) => a + h * d).ToArray(), plus);
        SteppedLoops.TriangleGradient(x.Zip(v, (a, d) => a - h * d).ToArray(), minus);
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal((plus[i] - minus[i]) / (2 * h), hv[i], 6);
        }
    }

    [Fact]
    public void Products_JacobianHasTheTwoDiagonals()
    {
        var x = Values(5);
        var y = new double[4];
        var jacobian = new double[4 * 5];
        SteppedLoops.ProductsJacobian(x, y, jacobian);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(x[i] * x[i + 1], y[i], 15);
            for (var j = 0; j < 5; j++)
            {
                Assert.Equal(j == i ? x[i + 1] : j == i + 1 ? x[i] : 0.0, jacobian[i * 5 + j], 15);
            }
        }
    }
}
