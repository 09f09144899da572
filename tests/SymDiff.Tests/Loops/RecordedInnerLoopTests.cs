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

/// <summary>Records shared between sibling loops in less common places: a Jacobian's rows, a loop read from its parent's record.</summary>
public static partial class SharedRecords
{
    /// <summary>
    /// Two products over r of the same sums of squares; the second also multiplies by its own inner product. Its
    /// Jacobian (reverse mode, one row per output) sweeps the first loop for row 0 only, and the second loop,
    /// which shares the first one's records, for row 1: after the first loop's last sweep.
    /// </summary>
    [Differentiable]
    public static (double First, double Second) TwoProducts(double x, double y, double z)
    {
        var p1 = 1.0;
        for (int r = 1; r < 20; r++)
        {
            var f = 0.0;
            for (int c = 2; c < 12; c++)
            {
                var s = x;
                for (int i = 0; i < c; i++)
                {
                    s += Math.Sin(y * r + i * z);
                }

                f += s * s;
            }

            p1 *= 1 + 0.001 * f;
        }

        var p2 = 1.0;
        for (int r = 1; r < 20; r++)
        {
            var f = 0.0;
            for (int c = 2; c < 12; c++)
            {
                var s = x;
                for (int i = 0; i < c; i++)
                {
                    s += Math.Sin(y * r + i * z);
                }

                f += s * s;
            }

            var g = 1.0;
            for (int q = 0; q < 150; q++)
            {
                g *= 1 + 0.0001 * Math.Sin(x * q + r);
            }

            p2 *= 1 + 0.002 * f * g;
        }

        return (p1, p2);
    }

    /// <summary>
    /// Per point, a max pass marked WithoutDerivative and a product pass over the same scores, inside a loop that is
    /// not a sum: its backward body reads the max pass from its own record, so the max pass records nothing there.
    /// Unlike a log-sum-exp this depends on the shift: marking it changes the derivative, as documented.
    /// </summary>
    [Differentiable]
    public static double DecayingLogProducts(ReadOnlySpan<double> w, ReadOnlySpan<double> x, int components, int dimensions)
    {
        double total = 0;
        for (int p = 0; p < x.Length / dimensions; p++)
        {
            var max = double.NegativeInfinity;
            for (int k = 0; k < components; k++)
            {
                var s = 0.0;
                for (int j = 0; j < dimensions; j++)
                {
                    s += w[k * dimensions + j] * x[p * dimensions + j];
                }

                max = Math.Max(max, s);
            }

            var shift = Derivatives.WithoutDerivative(max);
            var product = 1.0;
            for (int k = 0; k < components; k++)
            {
                var s = 0.0;
                for (int j = 0; j < dimensions; j++)
                {
                    s += w[k * dimensions + j] * x[p * dimensions + j];
                }

                product *= 1 + Math.Exp(s - shift);
            }

            total = total * 0.9 + Math.Log(product);
        }

        return total;
    }

    /// <summary>
    /// A product over components, read only after an early return, then a sum over the same scores read on both paths:
    /// the sum must compute its scores itself, since the product does not run when the method returns early.
    /// </summary>
    [Differentiable]
    public static double AfterAnEarlyReturn(ReadOnlySpan<double> w, ReadOnlySpan<double> x, ReadOnlySpan<double> mu, int m, double stop)
    {
        var stopNow = stop > 0;
        var product = 1.0;
        for (int k = 0; k < mu.Length / m; k++)
        {
            var score = 0.0;
            for (int j = 0; j < m; j++)
            {
                var lx = x[j] - mu[k * m + j];
                for (int i = 0; i < j; i++)
                {
                    lx += w[j * m + i] * (x[i] - mu[k * m + i]);
                }

                score -= lx * lx;
            }

            product *= 1 + 0.01 * score;
        }

        var sum = 0.0;
        for (int k = 0; k < mu.Length / m; k++)
        {
            var score = 0.0;
            for (int j = 0; j < m; j++)
            {
                var lx = x[j] - mu[k * m + j];
                for (int i = 0; i < j; i++)
                {
                    lx += w[j * m + i] * (x[i] - mu[k * m + i]);
                }

                score -= lx * lx;
            }

            sum += Math.Exp(score);
        }

        if (stopNow)
        {
            return Math.Log(sum);
        }

        return Math.Log(sum) + product;
    }
}

public sealed class RecordedInnerLoopTests
{
    [Fact]
    public void LaterRowSweepsALoopSharingAnEarlierLoopsRecords_JacobianMatchesFiniteDifferences()
    {
        double[] point = [0.3, 0.7, -0.4];
        var jacobian = new double[6];
        SharedRecords.TwoProductsJacobian(point[0], point[1], point[2], jacobian);

        GradientAssert.Close(FiniteDifference.Gradient(p => SharedRecords.TwoProducts(p[0], p[1], p[2]).First, point), jacobian[..3], 1e-6, 1e-9);
        GradientAssert.Close(FiniteDifference.Gradient(p => SharedRecords.TwoProducts(p[0], p[1], p[2]).Second, point), jacobian[3..], 1e-6, 1e-9);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-1.0)]
    public void LaterLoopReadsNoRecordOfALoopAfterAnEarlyReturn_MatchesFiniteDifferences(double stop)
    {
        // Regression (pre-existing): the sum read the scores the product recorded, which it had not when the method returned early.
        const int m = 3;
        var (w, x, mu) = (Point(m * m, 0.5, 60), Point(m, 1.0, 61), Point(4 * m, 1.0, 62));
        double F(double[] p) => SharedRecords.AfterAnEarlyReturn(p[..w.Length], p[w.Length..(w.Length + m)], p[(w.Length + m)..], m, stop);
        var (dw, dx, dmu) = (new double[w.Length], new double[x.Length], new double[mu.Length]);
        var value = SharedRecords.AfterAnEarlyReturnGradient(w, x, mu, m, stop, dw, dx, dmu, out _);
        GradientCheck.VerifyAgainstFiniteDifferences(F, [.. w, .. x, .. mu], value, [.. dw, .. dx, .. dmu]);
    }

    [Fact]
    public void UnsweptMaxPassInsideALoopThatIsNotASum_MatchesFiniteDifferences()
    {
        const int components = 3;
        const int dimensions = 2;
        var (w, x) = (Point(components * dimensions, 0.8, 27), Point(4 * dimensions, 1.0, 28));
        var (dw, dx) = (new double[w.Length], new double[x.Length]);
        var value = SharedRecords.DecayingLogProductsGradient(w, x, components, dimensions, dw, dx);

        Assert.Equal(SharedRecords.DecayingLogProducts(w, x, components, dimensions), value, 1e-13);

        // The shifts are constants to the derivative (WithoutDerivative), and this function is not shift-invariant:
        // differences of the same sum with each point's shift frozen at its value here are the truth.
        double Score(double[] wv, double[] xv, int p, int k) => Enumerable.Range(0, dimensions).Sum(j => wv[k * dimensions + j] * xv[p * dimensions + j]);
        var shifts = Enumerable.Range(0, x.Length / dimensions).Select(p => Enumerable.Range(0, components).Max(k => Score(w, x, p, k))).ToArray();
        double Frozen(double[] wv, double[] xv)
        {
            var total = 0.0;
            for (var p = 0; p < shifts.Length; p++)
            {
                total = total * 0.9 + Math.Log(Enumerable.Range(0, components).Aggregate(1.0, (product, k) => product * (1 + Math.Exp(Score(wv, xv, p, k) - shifts[p]))));
            }

            return total;
        }

        Assert.Equal(Frozen(w, x), value, 1e-12);
        GradientAssert.Close(FiniteDifference.Gradient(p => Frozen(p, x), w), dw, 1e-6, 1e-9);
        GradientAssert.Close(FiniteDifference.Gradient(p => Frozen(w, p), x), dx, 1e-6, 1e-9);
    }

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
