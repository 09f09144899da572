using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Loops;

/// <summary>Loops indexing packed triangles and other polynomial layouts, which the generated code indexes with running locals.</summary>
public static partial class PackedIndices
{
    /// <summary>
    /// Σ_j (e^{l[j]}·c[j] + Σ_{i&lt;j} L[j,i]·c[i])², L's strict lower triangle packed column by column after the d
    /// diagonal entries (ADBench's GMM layout): the index is quadratic in i, with an exact division by 2.
    /// </summary>
    [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double Triangle(ReadOnlySpan<double> l, ReadOnlySpan<double> c, int d)
    {
        var total = 0.0;
        for (int j = 0; j < d; j++)
        {
            var lx = Math.Exp(l[j]) * c[j];
            for (int i = 0; i < j; i++)
            {
                lx += l[d + i * (2 * d - i - 1) / 2 + (j - i - 1)] * c[i];
            }

            total += lx * lx;
        }

        return total;
    }

    /// <summary>Π_{i=1}^{n−1} (1 + 0.1·x[(i³ − i)/6]·x[i(i + 1)/2]): a product, swept backward, with a cubic and a quadratic index.</summary>
    [Differentiable]
    public static double Product(ReadOnlySpan<double> x, int n)
    {
        var product = 1.0;
        for (int i = 1; i < n; i++)
        {
            product *= 1 + 0.1 * x[(i * i * i - i) / 6] * x[i * (i + 1) / 2];
        }

        return product;
    }

    /// <summary>Σ_i sin(x[i²/2])·x[(n − i)(n − i − 1)/2]: the first division truncates for odd i, so only the second index is reduced.</summary>
    [Differentiable]
    public static double Halves(ReadOnlySpan<double> x, int n)
    {
        var sum = 0.0;
        for (int i = 0; i < n; i++)
        {
            sum += Math.Sin(x[i * i / 2]) * x[(n - i) * (n - i - 1) / 2];
        }

        return sum;
    }

    /// <summary>Σ_p Σ_i e^{w[i(i + 1)/2]}·x[p]: the call is tabulated before the point loop, and its index is reduced inside it.</summary>
    [Differentiable]
    public static double TabulatedCall(ReadOnlySpan<double> w, ReadOnlySpan<double> x, int m)
    {
        var sum = 0.0;
        for (int p = 0; p < x.Length; p++)
        {
            for (int i = 0; i < m; i++)
            {
                sum += Math.Exp(w[i * (i + 1) / 2]) * x[p];
            }
        }

        return sum;
    }
}

public sealed class StrengthReducedIndexTests
{
    private const int D = 6;

    [Fact]
    public void Triangle_GradientMatchesFiniteDifferences_ValueIsTheSources()
    {
        var (l, c) = (Point(D * (D + 1) / 2, 0.5, 1), Point(D, 1.0, 2));
        var (dl, dc) = (new double[l.Length], new double[c.Length]);
        var value = PackedIndices.TriangleGradient(l, c, D, dl, dc);

        Assert.Equal(PackedIndices.Triangle(l, c, D), value);
        GradientAssert.Close(FiniteDifference.Gradient(p => PackedIndices.Triangle(p, c, D), l), dl, 1e-7, 1e-9);
        GradientAssert.Close(FiniteDifference.Gradient(p => PackedIndices.Triangle(l, p, D), c), dc, 1e-7, 1e-9);
    }

    [Fact]
    public void Triangle_ByHandAtD2()
    {
        // d = 2: l = [a, b, m], total = (e^a·c0)² + (e^b·c1 + m·c0)²; ∂/∂m = 2(e^b·c1 + m·c0)·c0.
        double[] l = [0.3, -0.2, 0.7];
        double[] c = [1.5, -0.5];
        var (dl, dc) = (new double[3], new double[2]);
        PackedIndices.TriangleGradient(l, c, 2, dl, dc);

        var second = (Math.Exp(l[1]) * c[1]) + (l[2] * c[0]);
        Assert.Equal(2 * second * c[0], dl[2], 1e-14);
        Assert.Equal(2 * Math.Exp(l[0]) * c[0] * Math.Exp(l[0]) * c[0], dl[0], 1e-14);
        Assert.Equal((2 * Math.Exp(2 * l[0]) * c[0]) + (2 * second * l[2]), dc[0], 1e-14);
    }

    [Fact]
    public void Triangle_TangentAndHessianVectorMatchDifferencesOfTheGradient()
    {
        var (l, c) = (Point(D * (D + 1) / 2, 0.5, 3), Point(D, 1.0, 4));
        var (tl, tc) = (Point(l.Length, 1.0, 5), Point(c.Length, 1.0, 6));
        var (dl, dc) = (new double[l.Length], new double[c.Length]);
        PackedIndices.TriangleGradient(l, c, D, dl, dc);

        PackedIndices.TriangleTangent(l, c, D, tl, tc, out var tangent);
        Assert.Equal(dl.Zip(tl, (a, b) => a * b).Sum() + dc.Zip(tc, (a, b) => a * b).Sum(), tangent, 1e-12);

        var (hl, hc) = (new double[l.Length], new double[c.Length]);
        PackedIndices.TriangleHessianVector(l, c, D, tl, tc, new double[l.Length], new double[c.Length], hl, hc);
        const double h = 1e-5;
        double[] Gradient(double step)
        {
            var (gl, gc) = (new double[l.Length], new double[c.Length]);
            PackedIndices.TriangleGradient(l.Zip(tl, (a, b) => a + (step * b)).ToArray(), c.Zip(tc, (a, b) => a + (step * b)).ToArray(), D, gl, gc);
            return [.. gl, .. gc];
        }

        var (plus, minus) = (Gradient(h), Gradient(-h));
        GradientAssert.Close(plus.Zip(minus, (a, b) => (a - b) / (2 * h)).ToArray(), [.. hl, .. hc], 1e-6, 1e-8);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(6)]
    public void ProductSweptBackward_GradientMatchesFiniteDifferences(int n)
    {
        var x = Point(Math.Max(1, ((n - 1) * (n - 1) * (n - 1) - (n - 1)) / 6 + 1 + (n * n)), 1.0, 7 + n);
        var dx = new double[x.Length];
        var value = PackedIndices.ProductGradient(x, n, dx);

        Assert.Equal(PackedIndices.Product(x, n), value);
        GradientAssert.Close(FiniteDifference.Gradient(p => PackedIndices.Product(p, n), x), dx, 1e-7, 1e-10);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(6)]
    public void TruncatingDivision_GradientMatchesFiniteDifferences(int n)
    {
        var x = Point((n * n / 2) + 1 + (n * (n - 1) / 2), 1.0, 20 + n);
        var dx = new double[x.Length];
        var value = PackedIndices.HalvesGradient(x, n, dx);

        Assert.Equal(PackedIndices.Halves(x, n), value);
        GradientAssert.Close(FiniteDifference.Gradient(p => PackedIndices.Halves(p, n), x), dx, 1e-7, 1e-10);
    }

    [Fact]
    public void CallTabulatedBeforeTheLoop_ItsTableIsFilledWithTheSourcesIndex()
    {
        var (w, x) = (Point(10, 1.0, 30), Point(5, 1.0, 31));
        var (dw, dx) = (new double[w.Length], new double[x.Length]);
        var value = PackedIndices.TabulatedCallGradient(w, x, 4, dw, dx);

        // By hand: ∂/∂w[t] = e^{w[t]}·Σx for t = 0, 1, 3, 6 (the triangular numbers below 10), 0 elsewhere; ∂/∂x[p] = Σ_i e^{w[i(i+1)/2]}.
        var triangular = new[] { 0, 1, 3, 6 };
        var calls = triangular.Sum(t => Math.Exp(w[t]));
        Assert.Equal(PackedIndices.TabulatedCall(w, x, 4), value);
        GradientAssert.Close(w.Select((v, t) => triangular.Contains(t) ? Math.Exp(v) * x.Sum() : 0.0).ToArray(), dw, 1e-14, 1e-14);
        GradientAssert.Close(x.Select(_ => calls).ToArray(), dx, 1e-14, 1e-14);
    }

    private static double[] Point(int length, double scale, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => scale * ((random.NextDouble() * 2) - 1)).ToArray();
    }
}
