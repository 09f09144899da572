using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Loops;

/// <summary>
/// Elements read at an offset from a loop's variable (<c>a[i * n + j]</c> in the loop over j), which the generated
/// loops read through a slice from the offset on: same values, same exceptions, and no exception where the source
/// reads nothing.
/// </summary>
public static partial class SlicedElements
{
    /// <summary>Σᵢ Σⱼ sin(a[i·n + j])·(j + 1) over rows i &lt; rows, columns j &lt; n.</summary>
    [Differentiable]
    public static double Rows(ReadOnlySpan<double> a, int rows, int n)
    {
        var total = 0.0;
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < n; j++)
            {
                total += Math.Sin(a[i * n + j]) * (j + 1);
            }
        }

        return total;
    }

    /// <summary>Σᵢ Σⱼ a[(i − 1)·n + j]·a[i·n + j] for 1 ≤ i &lt; rows: the loop starts at 1, so (i − 1)·n is never negative.</summary>
    [Differentiable]
    public static double NeighbouringRows(ReadOnlySpan<double> a, int rows, int n)
    {
        var total = 0.0;
        for (int i = 1; i < rows; i++)
        {
            for (int j = 0; j < n; j++)
            {
                total += a[(i - 1) * n + j] * a[i * n + j];
            }
        }

        return total;
    }

    /// <summary>
    /// Σᵢ Σⱼ sin(a[i·n + n / k − n / k + j]): the offset is non-negative only once n / k cancels, and must not be
    /// computed ahead of the loop, where k = 0 would divide by zero though the source, with n = 0, never does.
    /// </summary>
    [Differentiable]
    public static double CancellingRows(ReadOnlySpan<double> a, int rows, int n, int k)
    {
        var total = 0.0;
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < n; j++)
            {
                total += Math.Sin(a[i * n + n / k - n / k + j]);
            }
        }

        return total;
    }

    /// <summary>Σᵢ Σⱼ exp(a[i·n + j] − b[j]) over a shorter inner loop (j &lt; n − 1), read backward by the sweep.</summary>
    [Differentiable]
    public static double ShortRows(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int rows, int n)
    {
        var total = 0.0;
        for (int i = 0; i < rows; i++)
        {
            var row = 0.0;
            for (int j = 0; j < n - 1; j++)
            {
                row += Math.Exp(a[i * n + j] - b[j]);
            }

            total += Math.Log(row);
        }

        return total;
    }
}

public sealed class SlicedElementTests
{
    private static double[] Values(int count) => Enumerable.Range(0, count).Select(i => Math.Sin(1.7 * i + 0.3)).ToArray();

    [Fact]
    public void Rows_GradientMatchesFiniteDifferences()
    {
        var a = Values(12);
        var da = new double[a.Length];
        var value = SlicedElements.RowsGradient(a, 3, 4, da);
        Assert.Equal(SlicedElements.Rows(a, 3, 4), value, 15);
        GradientCheck.VerifyAgainstFiniteDifferences(p => SlicedElements.Rows(p, 3, 4), a, value, da);
        Assert.Equal(Math.Cos(a[2 * 4 + 3]) * 4, da[2 * 4 + 3], 15);
    }

    [Fact]
    public void Rows_PastTheEnd_ThrowsWhereTheSourceThrows()
    {
        var a = Values(11);
        Assert.Throws<IndexOutOfRangeException>(() => SlicedElements.Rows(a, 3, 4));
        Assert.Throws<IndexOutOfRangeException>(() => SlicedElements.RowsGradient(a, 3, 4, new double[a.Length]));
    }

    [Fact]
    public void Rows_WithNoColumns_ReadsNothing_ThoughTheOffsetIsNegative()
    {
        // n = -2: the offsets i·n are negative and past no element, and the loop over j never runs.
        var a = Values(5);
        var da = new double[a.Length];
        Assert.Equal(0.0, SlicedElements.Rows(a, 3, -2));
        Assert.Equal(0.0, SlicedElements.RowsGradient(a, 3, -2, da));
        Assert.All(da, d => Assert.Equal(0.0, d));
    }

    [Fact]
    public void CancellingRows_GradientMatchesFiniteDifferences_AndDividesNowhereTheSourceDoesNot()
    {
        var a = Values(12);
        var da = new double[a.Length];
        var value = SlicedElements.CancellingRowsGradient(a, 3, 4, 2, da);
        GradientCheck.VerifyAgainstFiniteDifferences(p => SlicedElements.CancellingRows(p, 3, 4, 2), a, value, da);
        Assert.Equal(Math.Cos(a[5]), da[5], 15);

        Assert.Equal(0.0, SlicedElements.CancellingRows(a, 3, 0, 0));
        Assert.Equal(0.0, SlicedElements.CancellingRowsGradient(a, 3, 0, 0, da));
        Assert.All(da, d => Assert.Equal(0.0, d));
    }

    [Fact]
    public void NeighbouringRows_GradientMatchesFiniteDifferences()
    {
        var a = Values(15);
        var da = new double[a.Length];
        var value = SlicedElements.NeighbouringRowsGradient(a, 3, 5, da);
        GradientCheck.VerifyAgainstFiniteDifferences(p => SlicedElements.NeighbouringRows(p, 3, 5), a, value, da);

        // By hand: a[5] is in row 1, the neighbour of rows 0 and 2.
        Assert.Equal(a[0] + a[10], da[5], 15);
    }

    [Fact]
    public void ShortRows_GradientMatchesFiniteDifferences_AndThrowsWhereTheSourceThrows()
    {
        var a = Values(12);
        var b = Values(4).Select(v => 0.5 * v).ToArray();
        var (da, db) = (new double[a.Length], new double[b.Length]);
        var value = SlicedElements.ShortRowsGradient(a, b, 3, 4, da, db);
        GradientCheck.VerifyAgainstFiniteDifferences(p => SlicedElements.ShortRows(p, b, 3, 4), a, value, da);
        GradientCheck.VerifyAgainstFiniteDifferences(p => SlicedElements.ShortRows(a, p, 3, 4), b, value, db);
        Assert.Equal(0.0, da[3]);

        Assert.Throws<IndexOutOfRangeException>(() => SlicedElements.ShortRows(a, b, 4, 4));
        Assert.Throws<IndexOutOfRangeException>(() => SlicedElements.ShortRowsGradient(a, b, 4, 4, da, db));
    }
}
