using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Loops;

/// <summary>An int remainder in a condition, an index and a product: an int expression, as an int quotient is.</summary>
public static partial class Remainders
{
    /// <summary>Σ_{i&lt;n} ±x[i]·x[(i + 1) % n], + on even i: an alternating sum over a ring.</summary>
    [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double AlternatingRing(ReadOnlySpan<double> x, int n)
    {
        var s = 0.0;
        for (int i = 0; i < n; i++)
        {
            var product = x[i] * x[(i + 1) % n];
            if (i % 2 == 0)
            {
                s += product;
            }
            else
            {
                s -= product;
            }
        }

        return s;
    }

    /// <summary>
    /// n % m and n / m read only where m ≠ 0: computed ahead of the test (found in review), they threw
    /// DivideByZeroException at m = 0, where the source returns 2a.
    /// </summary>
    [Differentiable]
    public static double Guarded(double a, int n, int m)
    {
        var q = m != 0 && n % m == 0 ? a * a : a;
        var w = m == 0 ? a : a * (n % m) + a * (n / m);
        return q + w;
    }
}

public sealed class IntRemainderTests
{
    [Theory]
    [InlineData(5, 0, 2.0)]            // q = a, w = a
    [InlineData(6, 3, 2 * 0.3 + 2)]    // q = a², w = a·0 + a·2
    [InlineData(-7, 3, 1 - 1 - 2)]     // q = a, w = a·(−1) + a·(−2): C#'s remainder keeps the dividend's sign
    public void Guarded_IsReadOnlyWhereTheSourceReadsIt(int n, int m, double expected)
    {
        Assert.Equal(Remainders.Guarded(0.3, n, m), Remainders.GuardedGradient(0.3, n, m, out var da));
        Assert.Equal(expected, da, 1e-15);
    }

    [Fact]
    public void AlternatingRing_AllModesMatchTheDerivativeByHand()
    {
        double[] x = [0.5, -1.0, 0.25, 2.0, -0.75];
        const int n = 5;

        // s = x0x1 − x1x2 + x2x3 − x3x4 + x4x0 (i = 4 is even).
        double[] expected = [x[1] + x[4], x[0] - x[2], -x[1] + x[3], x[2] - x[4], -x[3] + x[0]];
        var dx = new double[n];
        Assert.Equal(Remainders.AlternatingRing(x, n), Remainders.AlternatingRingGradient(x, n, dx));
        GradientAssert.Close(expected, dx, 1e-15, 1e-15);
        GradientAssert.Close(FiniteDifference.Gradient(p => Remainders.AlternatingRing(p, n), x), dx, 1e-8, 1e-10);

        double[] v = [0.3, -0.1, 0.8, 0.2, -0.5];
        Remainders.AlternatingRingTangent(x, n, v, out var tangent);
        Assert.Equal(expected.Zip(v, (g, t) => g * t).Sum(), tangent, 1e-14);

        // H·v: ∂²s/∂x_i∂x_j is +1 or −1 on the ring's neighbours.
        double[] hv = [v[1] + v[4], v[0] - v[2], -v[1] + v[3], v[2] - v[4], -v[3] + v[0]];
        var hx = new double[n];
        Remainders.AlternatingRingHessianVector(x, n, v, new double[n], hx);
        GradientAssert.Close(hv, hx, 1e-15, 1e-15);
    }
}
