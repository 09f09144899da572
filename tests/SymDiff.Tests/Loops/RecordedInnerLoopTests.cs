using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Loops;

/// <summary>Loops whose backward sweep reads what their inner loops computed in the forward pass.</summary>
public static partial class RowProducts
{
    /// <summary>Π over rows r ≥ 1 of (Σ a² + cos Σ sin a): a product (so the outer loop keeps a tape) of two sums from one inner loop.</summary>
    [Differentiable]
    public static double OfTwoSums(ReadOnlySpan<double> a, int columns)
    {
        var product = 1.0;
        for (int r = 1; r < a.Length / columns; r++)
        {
            var squares = 0.0;
            var sines = 0.0;
            for (int c = 0; c < columns; c++)
            {
                squares += a[r * columns + c] * a[r * columns + c];
                sines += Math.Sin(a[r * columns + c]);
            }

            product *= squares + Math.Cos(sines);
        }

        return product;
    }

    /// <summary>Π over rows of (1 + Π (1 + a²/2)): the inner loop is a product too, whose own backward sweep needs its run.</summary>
    [Differentiable]
    public static double OfProducts(ReadOnlySpan<double> a, int columns)
    {
        var product = 1.0;
        for (int r = 0; r < a.Length / columns; r++)
        {
            var inner = 1.0;
            for (int c = 0; c < columns; c++)
            {
                inner *= 1.0 + 0.5 * a[r * columns + c] * a[r * columns + c];
            }

            product *= 0.5 + 0.5 * inner;
        }

        return product;
    }
}

/// <summary>A log-sum-exp over rows written as a max pass then a shifted-sum pass, each computing the row scores.</summary>
public static partial class RowScores
{
    /// <summary>log Σ_r exp(a_r·b − cos Σ_c a_rc), both passes computing the same score.</summary>
    [Differentiable]
    public static double LogSumExp(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int columns = b.Length;
        var max = double.NegativeInfinity;
        for (int r = 0; r < a.Length / columns; r++)
        {
            var dot = 0.0;
            var total = 0.0;
            for (int c = 0; c < columns; c++)
            {
                dot += a[r * columns + c] * b[c];
                total += a[r * columns + c];
            }

            max = Math.Max(max, dot - Math.Cos(total));
        }

        var sum = 0.0;
        for (int r = 0; r < a.Length / columns; r++)
        {
            var dot = 0.0;
            var total = 0.0;
            for (int c = 0; c < columns; c++)
            {
                dot += a[r * columns + c] * b[c];
                total += a[r * columns + c];
            }

            sum += Math.Exp(dot - Math.Cos(total) - max);
        }

        return max + Math.Log(sum);
    }

    /// <summary>As <see cref="LogSumExp"/> with the shift marked: the max loop is never swept, but records its scores for the sum's.</summary>
    [Differentiable]
    public static double LogSumExpMarked(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int columns = b.Length;
        var max = double.NegativeInfinity;
        for (int r = 0; r < a.Length / columns; r++)
        {
            var dot = 0.0;
            var total = 0.0;
            for (int c = 0; c < columns; c++)
            {
                dot += a[r * columns + c] * b[c];
                total += a[r * columns + c];
            }

            max = Math.Max(max, dot - Math.Cos(total));
        }

        var shift = Derivatives.WithoutDerivative(max);
        var sum = 0.0;
        for (int r = 0; r < a.Length / columns; r++)
        {
            var dot = 0.0;
            var total = 0.0;
            for (int c = 0; c < columns; c++)
            {
                dot += a[r * columns + c] * b[c];
                total += a[r * columns + c];
            }

            sum += Math.Exp(dot - Math.Cos(total) - shift);
        }

        return shift + Math.Log(sum);
    }

    /// <summary>As <see cref="LogSumExp"/>, but the second pass starts its dot products from the max: not the same inner loop.</summary>
    [Differentiable]
    public static double ShiftedByMax(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int columns = b.Length;
        var max = double.NegativeInfinity;
        for (int r = 0; r < a.Length / columns; r++)
        {
            var dot = 0.0;
            var total = 0.0;
            for (int c = 0; c < columns; c++)
            {
                dot += a[r * columns + c] * b[c];
                total += a[r * columns + c];
            }

            max = Math.Max(max, dot - Math.Cos(total));
        }

        var sum = 0.0;
        for (int r = 0; r < a.Length / columns; r++)
        {
            var dot = -max;
            var total = 0.0;
            for (int c = 0; c < columns; c++)
            {
                dot += a[r * columns + c] * b[c];
                total += a[r * columns + c];
            }

            sum += Math.Exp(dot - Math.Cos(total));
        }

        return max + Math.Log(sum);
    }
}

/// <summary>Three levels of loops inside a loop over points: the middle loop's sweeps read what the innermost loops computed.</summary>
public static partial class LoopsInLoops
{
    /// <summary>
    /// Σ_p Π_{r ≥ 1} (1 + (Σ_{c ≥ 2} (s_c² + cos t_c) + Σ_c sin u_c) / 10), where s_c and t_c come from one innermost loop
    /// (two results) and u_c from another: the product is swept backward in each point's iteration, and the sums over c
    /// are read from its record, so their own sweeps would run the innermost loops again.
    /// </summary>
    [Differentiable]
    public static double Nested(ReadOnlySpan<double> a, ReadOnlySpan<double> x, int rows, int columns)
    {
        var total = 0.0;
        for (int p = 0; p < x.Length; p++)
        {
            var product = 1.0;
            for (int r = 1; r < rows; r++)
            {
                var first = 0.0;
                for (int c = 2; c < columns; c++)
                {
                    var s = x[p];
                    var t = 0.0;
                    for (int i = 0; i < c; i++)
                    {
                        s += a[r * columns + i] * Math.Sin(x[p] + i);
                        t += a[r * columns + i] * a[r * columns + i];
                    }

                    first += s * s + Math.Cos(t);
                }

                var second = 0.0;
                for (int c = 0; c < columns; c++)
                {
                    var u = 0.0;
                    for (int i = 0; i <= c; i++)
                    {
                        u += a[r * columns + i] * x[p];
                    }

                    second += Math.Sin(u);
                }

                product *= 1 + 0.1 * (first + second);
            }

            total += product;
        }

        return total;
    }
}

public sealed class RecordedInnerLoopTests
{
    [Theory]
    [InlineData(4, 5)]
    [InlineData(3, 2)]
    [InlineData(1, 4)]
    [InlineData(3, 1)]
    public void InnermostResultsRecordedForTheMiddleLoop_MatchFiniteDifferences(int rows, int columns)
    {
        var (a, x) = (Point(rows * columns, 0.6, 17), Point(3, 1.0, 18));
        var (da, dx) = (new double[a.Length], new double[x.Length]);
        var value = LoopsInLoops.NestedGradient(a, x, rows, columns, da, dx);

        Assert.Equal(LoopsInLoops.Nested(a, x, rows, columns), value, 1e-14);
        GradientAssert.Close(FiniteDifference.Gradient(p => LoopsInLoops.Nested(p, x, rows, columns), a), da, 1e-6, 1e-9);
        GradientAssert.Close(FiniteDifference.Gradient(p => LoopsInLoops.Nested(a, p, rows, columns), x), dx, 1e-6, 1e-9);
    }

    [Fact]
    public void SecondPassOverTheSameRows_MatchesTheDirectSumAndFiniteDifferences()
    {
        var (a, b) = (Point(6 * 3, 1.0, 13), Point(3, 1.0, 14));
        var (da, db) = (new double[a.Length], new double[b.Length]);
        var value = RowScores.LogSumExpGradient(a, b, da, db);

        var direct = Math.Log(Enumerable.Range(0, 6).Sum(r => Math.Exp(Enumerable.Range(0, 3).Sum(c => a[r * 3 + c] * b[c]) - Math.Cos(Enumerable.Range(0, 3).Sum(c => a[r * 3 + c])))));
        Assert.Equal(direct, value, 1e-13);
        GradientAssert.Close(FiniteDifference.Gradient(p => RowScores.LogSumExp(p, b), a), da, 1e-6, 1e-9);
        GradientAssert.Close(FiniteDifference.Gradient(p => RowScores.LogSumExp(a, p), b), db, 1e-6, 1e-9);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(300)]
    public void UnsweptMaxPassRecordsForTheSumPass_MatchesFiniteDifferences(int rows)
    {
        var (a, b) = (Point(rows * 3, 1.0, 19), Point(3, 1.0, 20));
        var (da, db) = (new double[a.Length], new double[b.Length]);
        var value = RowScores.LogSumExpMarkedGradient(a, b, da, db);

        Assert.Equal(RowScores.LogSumExp(a, b), value, 1e-12);
        var (expectedA, expectedB) = (new double[a.Length], new double[b.Length]);
        RowScores.LogSumExpGradient(a, b, expectedA, expectedB);
        GradientAssert.Close(expectedA, da, 1e-12, 1e-14);
        GradientAssert.Close(expectedB, db, 1e-12, 1e-14);
        if (rows < 10)
        {
            GradientAssert.Close(FiniteDifference.Gradient(p => RowScores.LogSumExpMarked(p, b), a), da, 1e-6, 1e-9);
        }
    }

    [Fact]
    public void SecondPassWithADifferentInnerLoop_MatchesFiniteDifferences()
    {
        var (a, b) = (Point(6 * 3, 1.0, 15), Point(3, 1.0, 16));
        var (da, db) = (new double[a.Length], new double[b.Length]);
        var value = RowScores.ShiftedByMaxGradient(a, b, da, db);

        Assert.Equal(RowScores.LogSumExp(a, b), value, 1e-13);
        GradientAssert.Close(FiniteDifference.Gradient(p => RowScores.ShiftedByMax(p, b), a), da, 1e-6, 1e-9);
        GradientAssert.Close(FiniteDifference.Gradient(p => RowScores.ShiftedByMax(a, p), b), db, 1e-6, 1e-9);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(200)]
    public void InnerLoopWithTwoResults_MatchesFiniteDifferences(int rows)
    {
        const int columns = 3;
        var a = Point(rows * columns, 0.4, 11);
        var da = new double[a.Length];
        var value = RowProducts.OfTwoSumsGradient(a, columns, da);

        Assert.Equal(RowProducts.OfTwoSums(a, columns), value, 1e-15);
        GradientAssert.Close(FiniteDifference.Gradient(p => RowProducts.OfTwoSums(p, columns), a), da, 1e-6, 1e-9);
    }

    [Fact]
    public void InnerLoopWhoseSweepNeedsItsRun_MatchesFiniteDifferences()
    {
        const int columns = 4;
        var a = Point(5 * columns, 0.5, 12);
        var da = new double[a.Length];
        var value = RowProducts.OfProductsGradient(a, columns, da);

        Assert.Equal(RowProducts.OfProducts(a, columns), value, 1e-15);
        GradientAssert.Close(FiniteDifference.Gradient(p => RowProducts.OfProducts(p, columns), a), da, 1e-6, 1e-9);
    }

    private static double[] Point(int length, double scale, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => scale * (random.NextDouble() * 2 - 1)).ToArray();
    }
}
