using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Loops;

/// <summary>
/// Sums over a lower triangle inside a loop over rows, itself inside loops over points and components, as the GMM's
/// L·(x − μ): the rows' sweep defers the triangle's sweep and runs it column by column after it.
/// </summary>
public static partial class TriangleSweeps
{
    /// <summary>
    /// Σ_p log Σ_k exp(−½ Σ_j lx_j²), lx_j = e^{l[j]}·c_j + Σ_{i&lt;j} l[d + i(2d − i − 1)/2 + j − i − 1]·c_i, c = x_p − μ_k:
    /// the strict lower triangle packed column by column (ADBench's icf without the component offset).
    /// </summary>
    [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double Strict(ReadOnlySpan<double> l, ReadOnlySpan<double> x, ReadOnlySpan<double> mu, int d)
    {
        var total = 0.0;
        for (int p = 0; p < x.Length / d; p++)
        {
            var sum = 0.0;
            for (int k = 0; k < mu.Length / d; k++)
            {
                var term = 0.0;
                for (int j = 0; j < d; j++)
                {
                    var lx = Math.Exp(l[j]) * (x[p * d + j] - mu[k * d + j]);
                    for (int i = 0; i < j; i++)
                    {
                        lx += l[d + i * (2 * d - i - 1) / 2 + (j - i - 1)] * (x[p * d + i] - mu[k * d + i]);
                    }

                    term += lx * lx;
                }

                sum += Math.Exp(-0.5 * term);
            }

            total += Math.Log(sum);
        }

        return total;
    }

    /// <summary>As <see cref="Strict"/> with the diagonal in the triangle (i ≤ j, so the inner end is j + 1), packed column by column.</summary>
    [Differentiable]
    public static double WithDiagonal(ReadOnlySpan<double> l, ReadOnlySpan<double> x, ReadOnlySpan<double> mu, int d)
    {
        var total = 0.0;
        for (int p = 0; p < x.Length / d; p++)
        {
            var sum = 0.0;
            for (int k = 0; k < mu.Length / d; k++)
            {
                var term = 0.0;
                for (int j = 0; j < d; j++)
                {
                    var lx = 0.0;
                    for (int i = 0; i < j + 1; i++)
                    {
                        lx += l[i * (2 * d - i + 1) / 2 + (j - i)] * (x[p * d + i] - mu[k * d + i]);
                    }

                    term += lx * lx;
                }

                sum += Math.Exp(-0.5 * term);
            }

            total += Math.Log(sum);
        }

        return total;
    }

    /// <summary>
    /// A rectangle read column by column, a[i·d + j] for i &lt; n, the rows from 1: the inner range does not read j,
    /// so every i pairs with every j.
    /// </summary>
    [Differentiable]
    public static double Rectangle(ReadOnlySpan<double> a, ReadOnlySpan<double> x, int n, int d)
    {
        var total = 0.0;
        for (int p = 0; p < x.Length / n; p++)
        {
            var sum = 0.0;
            for (int k = 0; k < 2; k++)
            {
                var term = 0.0;
                for (int j = 1; j < d; j++)
                {
                    var y = 0.0;
                    for (int i = 0; i < n; i++)
                    {
                        y += a[i * d + j] * x[p * n + i] * (k + 1);
                    }

                    term += y * y;
                }

                sum += Math.Exp(-term);
            }

            total += Math.Log(sum);
        }

        return total;
    }

    /// <summary>Rows from <paramref name="first"/>, columns from 0 to j: for j ≥ first, the columns' rows start at max(first, i + 1).</summary>
    [Differentiable]
    public static double FromRow(ReadOnlySpan<double> l, ReadOnlySpan<double> x, int d, int first)
    {
        var total = 0.0;
        for (int p = 0; p < x.Length / d; p++)
        {
            var sum = 0.0;
            for (int k = 0; k < 2; k++)
            {
                var term = 0.0;
                for (int j = first; j < d; j++)
                {
                    var lx = x[p * d + j] * (k + 1);
                    for (int i = 0; i < j; i++)
                    {
                        lx += l[d + i * (2 * d - i - 1) / 2 + (j - i - 1)] * x[p * d + i];
                    }

                    term += lx * lx;
                }

                sum += Math.Exp(-0.5 * term);
            }

            total += Math.Log(sum);
        }

        return total;
    }

    /// <summary>
    /// As <see cref="Strict"/> with the squares scaled by <paramref name="scale"/> and sin c_j added to each row's term: the
    /// rows' own adjoints of c_j (cos c_j) start the column sums, and at scale 0 every seed of the triangle is zero.
    /// </summary>
    [Differentiable]
    public static double ScaledWithOwnTerms(ReadOnlySpan<double> l, ReadOnlySpan<double> x, ReadOnlySpan<double> mu, int d, double scale)
    {
        var total = 0.0;
        for (int p = 0; p < x.Length / d; p++)
        {
            var sum = 0.0;
            for (int k = 0; k < mu.Length / d; k++)
            {
                var term = 0.0;
                for (int j = 0; j < d; j++)
                {
                    var lx = Math.Exp(l[j]) * (x[p * d + j] - mu[k * d + j]);
                    for (int i = 0; i < j; i++)
                    {
                        lx += l[d + i * (2 * d - i - 1) / 2 + (j - i - 1)] * (x[p * d + i] - mu[k * d + i]);
                    }

                    term += scale * lx * lx + Math.Sin(x[p * d + j] - mu[k * d + j]);
                }

                sum += Math.Exp(-0.5 * term);
            }

            total += Math.Log(sum);
        }

        return total;
    }

    /// <summary>
    /// As <see cref="FromRow"/> from row 0 with row j's entries weighted by j + 1: the triangle's body reads j itself, not
    /// only through the elements its column reads.
    /// </summary>
    [Differentiable]
    public static double WeightedByRow(ReadOnlySpan<double> l, ReadOnlySpan<double> x, int d)
    {
        var total = 0.0;
        for (int p = 0; p < x.Length / d; p++)
        {
            var sum = 0.0;
            for (int k = 0; k < 2; k++)
            {
                var term = 0.0;
                for (int j = 0; j < d; j++)
                {
                    var lx = x[p * d + j] * (k + 1);
                    for (int i = 0; i < j; i++)
                    {
                        lx += (j + 1) * l[d + i * (2 * d - i - 1) / 2 + (j - i - 1)] * x[p * d + i];
                    }

                    term += lx * lx;
                }

                sum += Math.Exp(-0.5 * term);
            }

            total += Math.Log(sum);
        }

        return total;
    }

    /// <summary>
    /// As <see cref="FromRow"/> from row 0 with the entries of odd columns i left out: an entry the triangle's body reads
    /// on some iterations only, so its column is not known to be in range ahead.
    /// </summary>
    [Differentiable]
    public static double EvenColumns(ReadOnlySpan<double> l, ReadOnlySpan<double> x, int d)
    {
        var total = 0.0;
        for (int p = 0; p < x.Length / d; p++)
        {
            var sum = 0.0;
            for (int k = 0; k < 2; k++)
            {
                var term = 0.0;
                for (int j = 0; j < d; j++)
                {
                    var lx = x[p * d + j] * (k + 1);
                    for (int i = 0; i < j; i++)
                    {
                        lx += i % 2 == 0 ? l[d + i * (2 * d - i - 1) / 2 + (j - i - 1)] * x[p * d + i] : 0.0;
                    }

                    term += lx * lx;
                }

                sum += Math.Exp(-0.5 * term);
            }

            total += Math.Log(sum);
        }

        return total;
    }

    /// <summary>
    /// Two sums in each row, a strict triangle of <paramref name="l"/> and a triangle of <paramref name="m"/> with its
    /// diagonal, weighted by j: two column sweeps after one sweep over rows.
    /// </summary>
    [Differentiable]
    public static double TwoSums(ReadOnlySpan<double> l, ReadOnlySpan<double> m, ReadOnlySpan<double> x, int d)
    {
        var total = 0.0;
        for (int p = 0; p < x.Length / d; p++)
        {
            var sum = 0.0;
            for (int k = 0; k < 2; k++)
            {
                var term = 0.0;
                for (int j = 0; j < d; j++)
                {
                    var lx = x[p * d + j] * (k + 1);
                    var mx = 0.0;
                    for (int i = 0; i < j; i++)
                    {
                        lx += l[d + i * (2 * d - i - 1) / 2 + (j - i - 1)] * x[p * d + i];
                    }

                    for (int i = 0; i < j + 1; i++)
                    {
                        mx += m[i * (2 * d - i + 1) / 2 + (j - i)] * x[p * d + i] * j;
                    }

                    term += (lx * lx) + (mx * mx);
                }

                sum += Math.Exp(-0.5 * term);
            }

            total += Math.Log(sum);
        }

        return total;
    }

    /// <summary>
    /// Two rows of one vector in the column sweep (<c>a[i + j]</c> and <c>a[i + j + 1]</c>), one of the point
    /// (<c>x[p·d + j]</c>), and an element that moves against j (<c>w[2d − j + i]</c>), which keeps its running index.
    /// </summary>
    [Differentiable]
    public static double Hankel(ReadOnlySpan<double> a, ReadOnlySpan<double> x, ReadOnlySpan<double> w, int d)
    {
        var total = 0.0;
        for (int p = 0; p < x.Length / d; p++)
        {
            var sum = 0.0;
            for (int k = 0; k < 2; k++)
            {
                var term = 0.0;
                for (int j = 0; j < d; j++)
                {
                    var lx = x[p * d + j] * (k + 1);
                    for (int i = 0; i < j; i++)
                    {
                        lx += a[i + j] * a[i + j + 1] * w[2 * d - j + i] * x[p * d + i] * x[p * d + j];
                    }

                    term += lx * lx;
                }

                sum += Math.Exp(-0.5 * term);
            }

            total += Math.Log(sum);
        }

        return total;
    }
}

public sealed class InterchangedSweepTests
{
    private const int D = 5;
    private const int Triangle = D * (D + 1) / 2;

    [Fact]
    public void StrictTriangle_GradientMatchesFiniteDifferences_ValueIsTheSources()
    {
        var (l, x, mu) = (Point(Triangle, 0.5, 1), Point(3 * D, 1.0, 2), Point(2 * D, 1.0, 3));
        var (dl, dx, dmu) = (new double[l.Length], new double[x.Length], new double[mu.Length]);
        var value = TriangleSweeps.StrictGradient(l, x, mu, D, dl, dx, dmu);

        Assert.Equal(TriangleSweeps.Strict(l, x, mu, D), value);
        GradientAssert.Close(FiniteDifference.Gradient(p => TriangleSweeps.Strict(p, x, mu, D), l), dl, 1e-7, 1e-9);
        GradientAssert.Close(FiniteDifference.Gradient(p => TriangleSweeps.Strict(l, p, mu, D), x), dx, 1e-7, 1e-9);
        GradientAssert.Close(FiniteDifference.Gradient(p => TriangleSweeps.Strict(l, x, p, D), mu), dmu, 1e-7, 1e-9);
    }

    [Fact]
    public void StrictTriangle_TangentAndHessianVectorMatchTheGradient()
    {
        var (l, x, mu) = (Point(Triangle, 0.5, 4), Point(2 * D, 1.0, 5), Point(2 * D, 1.0, 6));
        var (tl, tx, tmu) = (Point(l.Length, 1.0, 7), Point(x.Length, 1.0, 8), Point(mu.Length, 1.0, 9));
        double[] Gradient(double[] pl, double[] px, double[] pmu)
        {
            var (gl, gx, gmu) = (new double[pl.Length], new double[px.Length], new double[pmu.Length]);
            TriangleSweeps.StrictGradient(pl, px, pmu, D, gl, gx, gmu);
            return [.. gl, .. gx, .. gmu];
        }

        var gradient = Gradient(l, x, mu);
        TriangleSweeps.StrictTangent(l, x, mu, D, tl, tx, tmu, out var tangent);
        Assert.Equal(gradient.Zip([.. tl, .. tx, .. tmu], (a, b) => a * b).Sum(), tangent, 1e-10);

        var (hl, hx, hmu) = (new double[l.Length], new double[x.Length], new double[mu.Length]);
        TriangleSweeps.StrictHessianVector(l, x, mu, D, tl, tx, tmu, new double[l.Length], new double[x.Length], new double[mu.Length], hl, hx, hmu);
        const double h = 1e-5;
        double[] Shifted(double[] v, double[] t, double step) => v.Zip(t, (a, b) => a + (step * b)).ToArray();
        var plus = Gradient(Shifted(l, tl, h), Shifted(x, tx, h), Shifted(mu, tmu, h));
        var minus = Gradient(Shifted(l, tl, -h), Shifted(x, tx, -h), Shifted(mu, tmu, -h));
        GradientAssert.Close(plus.Zip(minus, (a, b) => (a - b) / (2 * h)).ToArray(), [.. hl, .. hx, .. hmu], 1e-6, 1e-8);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    public void RowsOwnAdjointsStartTheColumnSums_EvenWhenEverySeedIsZero_GradientMatchesFiniteDifferences(double scale)
    {
        var (l, x, mu) = (Point(Triangle, 0.5, 40), Point(3 * D, 1.0, 41), Point(2 * D, 1.0, 42));
        var (dl, dx, dmu) = (new double[l.Length], new double[x.Length], new double[mu.Length]);
        var value = TriangleSweeps.ScaledWithOwnTermsGradient(l, x, mu, D, scale, dl, dx, dmu, out var dscale);

        Assert.Equal(TriangleSweeps.ScaledWithOwnTerms(l, x, mu, D, scale), value);
        GradientAssert.Close(FiniteDifference.Gradient(p => TriangleSweeps.ScaledWithOwnTerms(p, x, mu, D, scale), l), dl, 1e-7, 1e-9);
        GradientAssert.Close(FiniteDifference.Gradient(p => TriangleSweeps.ScaledWithOwnTerms(l, p, mu, D, scale), x), dx, 1e-7, 1e-9);
        GradientAssert.Close(FiniteDifference.Gradient(p => TriangleSweeps.ScaledWithOwnTerms(l, x, p, D, scale), mu), dmu, 1e-7, 1e-9);
        GradientAssert.Close(FiniteDifference.Gradient(p => TriangleSweeps.ScaledWithOwnTerms(l, x, mu, D, p[0]), [scale]), [dscale], 1e-7, 1e-9);
        if (scale == 0)
        {
            // Nothing reaches the triangle's entries at scale 0, and the rows' own adjoints still reach x and μ.
            Assert.All(dl[D..], entry => Assert.Equal(0.0, entry));
            Assert.Contains(dx, entry => entry != 0);
        }
    }

    [Fact]
    public void StrictTriangle_PointAtAMean_SomeSeedsZero_GradientMatchesFiniteDifferences()
    {
        // x_0 = μ_0: every lx is 0 for (p, k) = (0, 0), so that pair's seeds are all zero and its nest is skipped;
        // x_1 differs from μ_0 in its last coordinate only, so its first rows' seeds are zero and the last's not.
        var mu = Point(2 * D, 1.0, 10);
        var x = new double[2 * D];
        Array.Copy(mu, x, D);
        Array.Copy(mu, 0, x, D, D);
        x[(2 * D) - 1] += 0.5;
        var l = Point(Triangle, 0.5, 11);
        var (dl, dx, dmu) = (new double[l.Length], new double[x.Length], new double[mu.Length]);
        var value = TriangleSweeps.StrictGradient(l, x, mu, D, dl, dx, dmu);

        Assert.Equal(TriangleSweeps.Strict(l, x, mu, D), value);
        GradientAssert.Close(FiniteDifference.Gradient(p => TriangleSweeps.Strict(p, x, mu, D), l), dl, 1e-7, 1e-9);
        GradientAssert.Close(FiniteDifference.Gradient(p => TriangleSweeps.Strict(l, p, mu, D), x), dx, 1e-7, 1e-9);
        GradientAssert.Close(FiniteDifference.Gradient(p => TriangleSweeps.Strict(l, x, p, D), mu), dmu, 1e-7, 1e-9);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void StrictTriangle_NoPointsOrOneRow_ReadsOnlyWhatTheSourceReads(int d)
    {
        // d = 0: no points at all (d = 1, empty spans), so nothing is read; d = 1: no triangle entry, l holds the diagonal alone.
        var (l, x, mu) = (Point(d, 0.5, 12), Point(2 * d, 1.0, 13), Point(2 * d, 1.0, 14));
        var (dl, dx, dmu) = (new double[l.Length], new double[x.Length], new double[mu.Length]);
        var value = d == 0 ? TriangleSweeps.StrictGradient(l, x, mu, 1, dl, dx, dmu) : TriangleSweeps.StrictGradient(l, x, mu, d, dl, dx, dmu);

        Assert.Equal(d == 0 ? TriangleSweeps.Strict(l, x, mu, 1) : TriangleSweeps.Strict(l, x, mu, d), value);
        if (d == 1)
        {
            GradientAssert.Close(FiniteDifference.Gradient(p => TriangleSweeps.Strict(l, p, mu, d), x), dx, 1e-7, 1e-9);
        }
    }

    [Fact]
    public void TriangleWithDiagonal_GradientMatchesFiniteDifferences()
    {
        var (l, x, mu) = (Point(Triangle, 0.5, 15), Point(2 * D, 1.0, 16), Point(2 * D, 1.0, 17));
        var (dl, dx, dmu) = (new double[l.Length], new double[x.Length], new double[mu.Length]);
        var value = TriangleSweeps.WithDiagonalGradient(l, x, mu, D, dl, dx, dmu);

        Assert.Equal(TriangleSweeps.WithDiagonal(l, x, mu, D), value);
        GradientAssert.Close(FiniteDifference.Gradient(p => TriangleSweeps.WithDiagonal(p, x, mu, D), l), dl, 1e-7, 1e-9);
        GradientAssert.Close(FiniteDifference.Gradient(p => TriangleSweeps.WithDiagonal(l, p, mu, D), x), dx, 1e-7, 1e-9);
        GradientAssert.Close(FiniteDifference.Gradient(p => TriangleSweeps.WithDiagonal(l, x, p, D), mu), dmu, 1e-7, 1e-9);
    }

    [Fact]
    public void RectangleFromTheSecondRow_GradientMatchesFiniteDifferences()
    {
        const int n = 3;
        var (a, x) = (Point(n * D, 0.5, 18), Point(2 * n, 1.0, 19));
        var (da, dx) = (new double[a.Length], new double[x.Length]);
        var value = TriangleSweeps.RectangleGradient(a, x, n, D, da, dx);

        Assert.Equal(TriangleSweeps.Rectangle(a, x, n, D), value);
        GradientAssert.Close(FiniteDifference.Gradient(p => TriangleSweeps.Rectangle(p, x, n, D), a), da, 1e-7, 1e-9);
        GradientAssert.Close(FiniteDifference.Gradient(p => TriangleSweeps.Rectangle(a, p, n, D), x), dx, 1e-7, 1e-9);

        // Column j = 0 is never read: its adjoint stays 0.
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(0.0, da[i * D]);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(5)]
    public void RowsFromAnyFirst_GradientMatchesFiniteDifferences(int first)
    {
        var (l, x) = (Point(Triangle, 0.5, 20 + first), Point(2 * D, 1.0, 30 + first));
        var (dl, dx) = (new double[l.Length], new double[x.Length]);
        var value = TriangleSweeps.FromRowGradient(l, x, D, first, dl, dx);

        Assert.Equal(TriangleSweeps.FromRow(l, x, D, first), value);
        GradientAssert.Close(FiniteDifference.Gradient(p => TriangleSweeps.FromRow(p, x, D, first), l), dl, 1e-7, 1e-9);
        GradientAssert.Close(FiniteDifference.Gradient(p => TriangleSweeps.FromRow(l, p, D, first), x), dx, 1e-7, 1e-9);
    }

    [Fact]
    public void BodyReadsTheRowIndex_GradientMatchesFiniteDifferences()
    {
        var (l, x) = (Point(Triangle, 0.3, 50), Point(3 * D, 1.0, 51));
        var (dl, dx) = (new double[l.Length], new double[x.Length]);
        var value = TriangleSweeps.WeightedByRowGradient(l, x, D, dl, dx);

        Assert.Equal(TriangleSweeps.WeightedByRow(l, x, D), value);
        GradientAssert.Close(FiniteDifference.Gradient(p => TriangleSweeps.WeightedByRow(p, x, D), l), dl, 1e-7, 1e-9);
        GradientAssert.Close(FiniteDifference.Gradient(p => TriangleSweeps.WeightedByRow(l, p, D), x), dx, 1e-7, 1e-9);
    }

    [Fact]
    public void EntriesReadOnSomeColumnsOnly_GradientMatchesFiniteDifferences_OddColumnsGetNone()
    {
        var (l, x) = (Point(Triangle, 0.5, 52), Point(3 * D, 1.0, 53));
        var (dl, dx) = (new double[l.Length], new double[x.Length]);
        var value = TriangleSweeps.EvenColumnsGradient(l, x, D, dl, dx);

        Assert.Equal(TriangleSweeps.EvenColumns(l, x, D), value);
        GradientAssert.Close(FiniteDifference.Gradient(p => TriangleSweeps.EvenColumns(p, x, D), l), dl, 1e-7, 1e-9);
        GradientAssert.Close(FiniteDifference.Gradient(p => TriangleSweeps.EvenColumns(l, p, D), x), dx, 1e-7, 1e-9);

        // Column 1 holds rows 2..D-1, packed after column 0's D - 1 entries.
        Assert.All(dl.AsSpan(D + D - 1, D - 2).ToArray(), entry => Assert.Equal(0.0, entry));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void TriangleShorterThanItsRows_ThrowsIndexOutOfRange_AsTheSourceDoes(int missing)
    {
        // The last entries of the last columns are missing: the source throws reading them, and so must the gradient,
        // with the same exception, before any column of the triangle is swept by the nest.
        var (l, x, mu) = (Point(Triangle - missing, 0.5, 54), Point(2 * D, 1.0, 55), Point(2 * D, 1.0, 56));
        var (dl, dx, dmu) = (new double[l.Length], new double[x.Length], new double[mu.Length]);

        Assert.Throws<IndexOutOfRangeException>(() => TriangleSweeps.Strict(l, x, mu, D));
        Assert.Throws<IndexOutOfRangeException>(() => TriangleSweeps.StrictGradient(l, x, mu, D, dl, dx, dmu));
    }

    [Fact]
    public void TwoSumsInEachRow_GradientMatchesFiniteDifferences()
    {
        var (l, m, x) = (Point(Triangle, 0.3, 57), Point(Triangle, 0.2, 58), Point(2 * D, 1.0, 59));
        var (dl, dm, dx) = (new double[l.Length], new double[m.Length], new double[x.Length]);
        var value = TriangleSweeps.TwoSumsGradient(l, m, x, D, dl, dm, dx);

        Assert.Equal(TriangleSweeps.TwoSums(l, m, x, D), value);
        GradientAssert.Close(FiniteDifference.Gradient(p => TriangleSweeps.TwoSums(p, m, x, D), l), dl, 1e-7, 1e-9);
        GradientAssert.Close(FiniteDifference.Gradient(p => TriangleSweeps.TwoSums(l, p, x, D), m), dm, 1e-7, 1e-9);
        GradientAssert.Close(FiniteDifference.Gradient(p => TriangleSweeps.TwoSums(l, m, p, D), x), dx, 1e-7, 1e-9);
    }

    [Fact]
    public void TwoRowsOfOneVectorAndAnElementMovingAgainstTheRow_GradientMatchesFiniteDifferences()
    {
        var (a, x, w) = (Point(2 * D, 0.5, 60), Point(2 * D, 1.0, 61), Point(2 * D, 0.5, 62));
        var (da, dx, dw) = (new double[a.Length], new double[x.Length], new double[w.Length]);
        var value = TriangleSweeps.HankelGradient(a, x, w, D, da, dx, dw);

        Assert.Equal(TriangleSweeps.Hankel(a, x, w, D), value);
        GradientAssert.Close(FiniteDifference.Gradient(p => TriangleSweeps.Hankel(p, x, w, D), a), da, 1e-7, 1e-9);
        GradientAssert.Close(FiniteDifference.Gradient(p => TriangleSweeps.Hankel(a, p, w, D), x), dx, 1e-7, 1e-9);
        GradientAssert.Close(FiniteDifference.Gradient(p => TriangleSweeps.Hankel(a, x, p, D), w), dw, 1e-7, 1e-9);
    }

    private static double[] Point(int length, double scale, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => scale * ((2 * random.NextDouble()) - 1)).ToArray();
    }
}
