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

public sealed class RecordedInnerLoopTests
{
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
