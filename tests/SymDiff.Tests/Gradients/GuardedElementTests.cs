using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Gradients;

/// <summary>Elements read only where a condition holds, because their index is out of range elsewhere.</summary>
public static partial class GuardedReads
{
    /// <summary>x[n]² when n is below the count of x's elements, else 0.</summary>
    [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double Last(ReadOnlySpan<double> x, int n, int count) => n < count ? x[n] * x[n] : 0.0;

    /// <summary>Σ_i x[i]·x[i + 1], the neighbour read only when it exists: a loop body's adjoint of x[i + 1] is 0 at the end.</summary>
    [Differentiable]
    public static double Neighbours(ReadOnlySpan<double> x, int count)
    {
        var sum = 0.0;
        for (int i = 0; i < count; i++)
        {
            sum += i + 1 < count ? x[i] * x[i + 1] : x[i];
        }

        return sum;
    }

    /// <summary>Π_i (1 + x[i]·(i &lt; m ? y[2i] : 1)): a product, so the loop is swept backward, reading y only below m.</summary>
    [Differentiable]
    public static double Scaled(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int m)
    {
        var product = 1.0;
        for (int i = 0; i < x.Length; i++)
        {
            product *= 1 + 0.5 * x[i] * (i < m ? y[2 * i] : 1.0);
        }

        return product;
    }
}

public sealed class GuardedElementTests
{
    [Fact]
    public void IndexPastTheEnd_GradientIsZeroAndNothingIsWrittenThere()
    {
        double[] x = [1.5, -2.0];
        var dx = new double[2];
        var value = GuardedReads.LastGradient(x, 2, 2, dx);

        Assert.Equal(0.0, value);
        Assert.Equal([0.0, 0.0], dx);

        Assert.Equal(4.0, GuardedReads.LastGradient(x, 1, 2, dx));
        Assert.Equal([0.0, -4.0], dx);
    }

    [Fact]
    public void IndexPastTheEnd_TangentAndHessianVectorReadNothingThere()
    {
        double[] x = [1.5, -2.0];
        GuardedReads.LastTangent(x, 2, 2, [1.0, 1.0], out var tangent);
        Assert.Equal(0.0, tangent);

        var (gradient, hv) = (new double[2], new double[2]);
        GuardedReads.LastHessianVector(x, 1, 2, [0.5, 3.0], gradient, hv);
        Assert.Equal([0.0, 6.0], hv);
        GuardedReads.LastHessianVector(x, 2, 2, [0.5, 3.0], gradient, hv);
        Assert.Equal([0.0, 0.0], hv);
    }

    [Fact]
    public void NeighbourReadOnlyWhenItExists_GradientMatchesFiniteDifferences()
    {
        var x = Point(6, 1);
        var dx = new double[x.Length];
        var value = GuardedReads.NeighboursGradient(x, x.Length, dx);

        Assert.Equal(GuardedReads.Neighbours(x, x.Length), value);
        GradientAssert.Close(FiniteDifference.Gradient(p => GuardedReads.Neighbours(p, p.Length), x), dx, 1e-8, 1e-10);
    }

    [Fact]
    public void SweptLoopReadingBelowALimit_GradientMatchesFiniteDifferences()
    {
        // y holds 2·3 − 1 values: y[2i] exists for i < 3 only, which is all the source reads.
        var (x, y) = (Point(6, 2), Point(5, 3));
        var (dx, dy) = (new double[x.Length], new double[y.Length]);
        var value = GuardedReads.ScaledGradient(x, y, 3, dx, dy);

        Assert.Equal(GuardedReads.Scaled(x, y, 3), value);
        GradientAssert.Close(FiniteDifference.Gradient(p => GuardedReads.Scaled(p, y, 3), x), dx, 1e-8, 1e-10);
        GradientAssert.Close(FiniteDifference.Gradient(p => GuardedReads.Scaled(x, p, 3), y), dy, 1e-8, 1e-10);
    }

    private static double[] Point(int length, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
    }
}
