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

    /// <summary>sin(x[n]·y[n]) when n is in range: the product, shared by the value and its derivatives, is computed in the branch.</summary>
    [Differentiable(Modes = DerivativeModes.Tangent)]
    public static double SinOfProduct(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int n, int count) => n < count ? Math.Sin(x[n] * y[n]) : 0.0;

    /// <summary>x[n] read under two different conditions: each adjoint term is added under its own.</summary>
    [Differentiable]
    public static double TwoConditions(ReadOnlySpan<double> x, int n, int a, int b) => (n < a ? x[n] : 0.0) + (n < b ? 2.0 * x[n] : 1.0);

    /// <summary>3·x[n]² under two different conditions, once inside Exp: the square is not computed ahead of either.</summary>
    [Differentiable]
    public static double SharedSquare(ReadOnlySpan<double> x, int n, int a, int b) => (n < a ? x[n] * x[n] * 3.0 : 0.0) + (n < b ? Math.Exp(x[n] * x[n] * 3.0) : 1.0);

    /// <summary>x[n] read only when n &lt; count has decided &amp;&amp;: not ahead of the test.</summary>
    [Differentiable]
    public static double AfterAnd(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int n, int count)
        => (n < count && x[n] > 0.0 ? y[0] : 0.0) + (n < count && x[n] < -1.0 ? 2.0 * y[0] : 0.0) + (n < count && x[n] > 0 ? x[n] * x[n] : 0.0);

    /// <summary>Σ_i (x[i]·x[i+1] or x[i]) + (0.5·x[i+1] while i + 2 &lt; count): x[i + 1]'s adjoint is a sum of two guarded terms, so no sliding write.</summary>
    [Differentiable]
    public static double TwoNeighbourTerms(ReadOnlySpan<double> x, int count)
    {
        var sum = 0.0;
        for (int i = 0; i < count; i++)
        {
            sum += (i + 1 < count ? x[i] * x[i + 1] : x[i]) + (i + 2 < count ? 0.5 * x[i + 1] : 0.0);
        }

        return sum;
    }

    /// <summary>The same in a product, swept backward: x[i + 1]'s adjoint is added term by term under each condition.</summary>
    [Differentiable]
    public static double TwoNeighbourFactors(ReadOnlySpan<double> x, int count)
    {
        var p = 1.0;
        for (int i = 0; i < count; i++)
        {
            p *= 1 + 0.1 * ((i + 1 < count ? x[i + 1] : 0.0) + (i + 2 < count ? x[i + 1] : 0.0) + x[i]);
        }

        return p;
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

    [Fact]
    public void ArithmeticOnAGuardedElement_IsNotComputedAheadOfTheTest()
    {
        double[] x = [0.5, -1.5];
        double[] y = [2.0, 0.25];
        var (dx, dy) = (new double[2], new double[2]);
        Assert.Equal(0.0, GuardedReads.SinOfProductGradient(x, y, 2, 2, dx, dy));
        Assert.Equal([0.0, 0.0], dx);
        GuardedReads.SinOfProductTangent(x, y, 2, 2, [1.0, 1.0], [1.0, 1.0], out var tangent);
        Assert.Equal(0.0, tangent);

        // In range: ∂/∂x[1] = cos(x[1]·y[1])·y[1], by hand.
        Assert.Equal(Math.Sin(x[1] * y[1]), GuardedReads.SinOfProductGradient(x, y, 1, 2, dx, dy));
        Assert.Equal([0.0, Math.Cos(x[1] * y[1]) * y[1]], dx);
        Assert.Equal([0.0, Math.Cos(x[1] * y[1]) * x[1]], dy);
    }

    [Fact]
    public void ElementUnderTwoConditions_EachTermIsGuarded()
    {
        double[] x = [0.5, -1.5];
        var dx = new double[2];
        Assert.Equal(1.0, GuardedReads.TwoConditionsGradient(x, 2, 2, 2, dx));
        Assert.Equal([0.0, 0.0], dx);
        Assert.Equal(-4.5, GuardedReads.TwoConditionsGradient(x, 1, 2, 2, dx));
        Assert.Equal([0.0, 3.0], dx);
        Assert.Equal(-1.5 + 1.0, GuardedReads.TwoConditionsGradient(x, 1, 2, 1, dx));
        Assert.Equal([0.0, 1.0], dx);

        Assert.Equal(1.0, GuardedReads.SharedSquareGradient(x, 2, 2, 2, dx));
        Assert.Equal([0.0, 0.0], dx);
        var value = GuardedReads.SharedSquareGradient(x, 1, 2, 2, dx);
        Assert.Equal(GuardedReads.SharedSquare(x, 1, 2, 2), value);
        Assert.Equal(6 * x[1] * (1 + Math.Exp(3 * x[1] * x[1])), dx[1], 1e-12);
    }

    [Fact]
    public void ElementAfterAnAnd_IsReadOnlyWhenTheAndGetsThere()
    {
        double[] x = [0.5, -1.5];
        double[] y = [2.0, 0.25];
        var (dx, dy) = (new double[2], new double[2]);
        Assert.Equal(0.0, GuardedReads.AfterAndGradient(x, y, 2, 2, dx, dy));
        Assert.Equal([0.0, 0.0], dx);
        Assert.Equal(4.0, GuardedReads.AfterAndGradient(x, y, 1, 2, dx, dy));
        Assert.Equal([0.0, 0.0], dx);
        Assert.Equal([2.0, 0.0], dy);
    }

    [Fact]
    public void NeighbourUnderTwoConditions_GradientMatchesFiniteDifferences()
    {
        var x = Point(5, 4);
        var dx = new double[x.Length];
        Assert.Equal(GuardedReads.TwoNeighbourTerms(x, 5), GuardedReads.TwoNeighbourTermsGradient(x, 5, dx));
        GradientAssert.Close(FiniteDifference.Gradient(p => GuardedReads.TwoNeighbourTerms(p, 5), x), dx, 1e-8, 1e-10);

        Assert.Equal(GuardedReads.TwoNeighbourFactors(x, 5), GuardedReads.TwoNeighbourFactorsGradient(x, 5, dx));
        GradientAssert.Close(FiniteDifference.Gradient(p => GuardedReads.TwoNeighbourFactors(p, 5), x), dx, 1e-8, 1e-10);
    }

    private static double[] Point(int length, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
    }
}
