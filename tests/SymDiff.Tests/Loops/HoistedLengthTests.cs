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
