using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Loops;

/// <summary>
/// Loops nested in a top-level loop whose tapes and tables are rented once, before it: their lengths divide by m,
/// which the source computes only when it gets to the inner loop.
/// </summary>
public static partial class HoistedLengths
{
    /// <summary>Σₚ Πᵢ sin(z[i] + p) for i &lt; z.Length / m, after an early return for m = 0: the product's tape is hoisted.</summary>
    [Differentiable]
    public static double AfterAnEarlyReturn(ReadOnlySpan<double> z, int m)
    {
        if (m == 0)
        {
            return 0.0;
        }

        var total = 0.0;
        for (int p = 0; p < 3; p++)
        {
            var product = 1.0;
            for (int i = 0; i < z.Length / m; i++)
            {
                product *= Math.Sin(z[i] + p);
            }

            total += product;
        }

        return total;
    }

    /// <summary>The same sums over q.Length outer iterations and no early return: with q empty the source never divides.</summary>
    [Differentiable]
    public static double UnderAnEmptyLoop(ReadOnlySpan<double> q, ReadOnlySpan<double> z, int m)
    {
        var total = 0.0;
        for (int p = 0; p < q.Length; p++)
        {
            var product = 1.0;
            for (int i = 0; i < z.Length / m; i++)
            {
                product *= Math.Sin(z[i] + q[p]);
            }

            total += product;
        }

        return total;
    }

    /// <summary>Σₚ Σₖ exp(w[k])·x[p] for k &lt; w.Length / m after the early return: exp(w[k]) is tabulated once per k.</summary>
    [Differentiable]
    public static double TableAfterAnEarlyReturn(ReadOnlySpan<double> w, ReadOnlySpan<double> x, int m)
    {
        if (m == 0)
        {
            return 0.0;
        }

        var total = 0.0;
        for (int p = 0; p < x.Length; p++)
        {
            for (int k = 0; k < w.Length / m; k++)
            {
                total += Math.Exp(w[k]) * x[p];
            }
        }

        return total;
    }

    /// <summary>Σₚ Σₖ Σⱼ exp(w[k]·v[j])·x[p] for k &lt; w.Length / m: a table of two dimensions, the first dividing.</summary>
    [Differentiable]
    public static double TwoDimensionalTable(ReadOnlySpan<double> w, ReadOnlySpan<double> v, ReadOnlySpan<double> x, int m)
    {
        var total = 0.0;
        for (int p = 0; p < x.Length; p++)
        {
            for (int k = 0; k < w.Length / m; k++)
            {
                for (int j = 0; j < v.Length; j++)
                {
                    total += Math.Exp(w[k] * v[j]) * x[p];
                }
            }
        }

        return total;
    }

    /// <summary><see cref="UnderAnEmptyLoop"/> with a loop over r between the two: with r empty the source never divides.</summary>
    [Differentiable]
    public static double UnderAnEmptyMiddleLoop(ReadOnlySpan<double> q, ReadOnlySpan<double> r, ReadOnlySpan<double> z, int m)
    {
        var total = 0.0;
        for (int p = 0; p < q.Length; p++)
        {
            for (int k = 0; k < r.Length; k++)
            {
                var product = 1.0;
                for (int i = 0; i < z.Length / m; i++)
                {
                    product *= Math.Sin(z[i] + q[p] * r[k]);
                }

                total += product;
            }
        }

        return total;
    }
}

public sealed class HoistedLengthTests
{
    private static readonly double[] Z = [0.5, -0.7, 0.9, 1.3, -0.2, 0.4];

    [Fact]
    public void TapeLength_AfterAnEarlyReturn_IsNotComputedWhereTheSourceReturned()
    {
        var dz = new double[Z.Length];
        Assert.Equal(0.0, HoistedLengths.AfterAnEarlyReturnGradient(Z, 0, dz));
        Assert.All(dz, d => Assert.Equal(0.0, d));

        var value = HoistedLengths.AfterAnEarlyReturnGradient(Z, 2, dz);
        GradientCheck.VerifyAgainstFiniteDifferences(p => HoistedLengths.AfterAnEarlyReturn(p, 2), Z, value, dz);
    }

    [Fact]
    public void TapeLength_UnderAnEmptyLoop_IsNotComputed()
    {
        var dz = new double[Z.Length];
        Assert.Equal(0.0, HoistedLengths.UnderAnEmptyLoopGradient([], Z, 0, [], dz));
        Assert.All(dz, d => Assert.Equal(0.0, d));
        Assert.Throws<DivideByZeroException>(() => HoistedLengths.UnderAnEmptyLoop([0.1], Z, 0));
        Assert.Throws<DivideByZeroException>(() => HoistedLengths.UnderAnEmptyLoopGradient([0.1], Z, 0, new double[1], dz));

        double[] q = [0.1, -0.4];
        var dq = new double[q.Length];
        var value = HoistedLengths.UnderAnEmptyLoopGradient(q, Z, 2, dq, dz);
        GradientCheck.VerifyAgainstFiniteDifferences(p => HoistedLengths.UnderAnEmptyLoop(q, p, 2), Z, value, dz);
        GradientCheck.VerifyAgainstFiniteDifferences(p => HoistedLengths.UnderAnEmptyLoop(p, Z, 2), q, value, dq);
    }

    [Fact]
    public void TwoDimensionalTable_WithADividingFirstLength_HoldsEveryEntry()
    {
        // Regression: the guarded first length multiplied only the guard's else branch (c ? a : 0 * n1), so the
        // table was rented w.Length / m entries long instead of (w.Length / m) · v.Length and its fill ran past the end.
        var v = Enumerable.Range(0, 40).Select(i => 0.01 * (i - 20)).ToArray();
        double[] x = [0.3, -1.1];
        var (dw, dv, dx) = (new double[Z.Length], new double[v.Length], new double[x.Length]);
        var value = HoistedLengths.TwoDimensionalTableGradient(Z, v, x, 2, dw, dv, dx);
        GradientCheck.VerifyAgainstFiniteDifferences(p => HoistedLengths.TwoDimensionalTable(p, v, x, 2), Z, value, dw);
        GradientCheck.VerifyAgainstFiniteDifferences(p => HoistedLengths.TwoDimensionalTable(Z, p, x, 2), v, value, dv);
        GradientCheck.VerifyAgainstFiniteDifferences(p => HoistedLengths.TwoDimensionalTable(Z, v, p, 2), x, value, dx);
    }

    [Fact]
    public void TapeLength_UnderAnEmptyMiddleLoop_IsNotComputed()
    {
        var dz = new double[Z.Length];
        double[] q = [0.1, -0.4];
        var dq = new double[q.Length];
        Assert.Equal(0.0, HoistedLengths.UnderAnEmptyMiddleLoopGradient(q, [], Z, 0, dq, [], dz));
        Assert.All(dz, d => Assert.Equal(0.0, d));

        double[] r = [0.7, 1.5, -0.2];
        var dr = new double[r.Length];
        var value = HoistedLengths.UnderAnEmptyMiddleLoopGradient(q, r, Z, 2, dq, dr, dz);
        GradientCheck.VerifyAgainstFiniteDifferences(p => HoistedLengths.UnderAnEmptyMiddleLoop(q, r, p, 2), Z, value, dz);
        GradientCheck.VerifyAgainstFiniteDifferences(p => HoistedLengths.UnderAnEmptyMiddleLoop(q, p, Z, 2), r, value, dr);
        GradientCheck.VerifyAgainstFiniteDifferences(p => HoistedLengths.UnderAnEmptyMiddleLoop(p, r, Z, 2), q, value, dq);
    }

    [Fact]
    public void TableLength_AfterAnEarlyReturn_IsNotComputedWhereTheSourceReturned()
    {
        double[] x = [0.3, -1.1, 0.8];
        var (dw, dx) = (new double[Z.Length], new double[x.Length]);
        Assert.Equal(0.0, HoistedLengths.TableAfterAnEarlyReturnGradient(Z, x, 0, dw, dx));
        Assert.All(dw, d => Assert.Equal(0.0, d));

        var value = HoistedLengths.TableAfterAnEarlyReturnGradient(Z, x, 2, dw, dx);
        GradientCheck.VerifyAgainstFiniteDifferences(p => HoistedLengths.TableAfterAnEarlyReturn(p, x, 2), Z, value, dw);
        GradientCheck.VerifyAgainstFiniteDifferences(p => HoistedLengths.TableAfterAnEarlyReturn(Z, p, 2), x, value, dx);
    }
}
