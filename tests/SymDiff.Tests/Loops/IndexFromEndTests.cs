using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Loops;

/// <summary>Elements indexed from the end, <c>x[^k]</c>: read as <c>x[x.Length - k]</c>, as C# reads them.</summary>
public static partial class IndexFromEnd
{
    /// <summary>x[n−1]·x[0] + x[n−2]².</summary>
    [Differentiable]
    public static double Ends(ReadOnlySpan<double> x) => x[^1] * x[0] + x[^2] * x[^2];

    /// <summary>Σᵢ x[i]·x[n−1−i]: the vector against itself reversed.</summary>
    [Differentiable]
    public static double Palindrome(double[] x)
    {
        var total = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            total += x[i] * Math.Sin(x[^(i + 1)]);
        }

        return total;
    }

    /// <summary>y[n−1−i] = x[i]²: the output written from its end.</summary>
    [Differentiable]
    public static void ReversedSquares(ReadOnlySpan<double> x, Span<double> y)
    {
        for (int i = 0; i < x.Length; i++)
        {
            y[^(i + 1)] = x[i] * x[i];
        }
    }
}

public sealed class IndexFromEndTests
{
    private static double[] Values(int count) => Enumerable.Range(0, count).Select(i => Math.Cos(1.3 * i + 0.2)).ToArray();

    [Fact]
    public void Ends_GradientMatchesHandAndFiniteDifferences()
    {
        var x = Values(5);
        var dx = new double[5];
        var value = IndexFromEnd.EndsGradient(x, dx);
        Assert.Equal(x[4] * x[0] + x[3] * x[3], value, 15);
        Assert.Equal([x[4], 0.0, 0.0, 2 * x[3], x[0]], dx);
        GradientCheck.VerifyAgainstFiniteDifferences(p => IndexFromEnd.Ends(p), x, value, dx);
    }

    [Fact]
    public void Palindrome_GradientMatchesFiniteDifferences()
    {
        var x = Values(7);
        var dx = new double[7];
        var value = IndexFromEnd.PalindromeGradient(x, dx);
        Assert.Equal(IndexFromEnd.Palindrome(x), value, 15);
        GradientCheck.VerifyAgainstFiniteDifferences(IndexFromEnd.Palindrome, x, value, dx);
        // ∂/∂x[0] = sin(x[6]) + x[6]·cos(x[0]).
        Assert.Equal(Math.Sin(x[6]) + x[6] * Math.Cos(x[0]), dx[0], 14);
    }

    [Fact]
    public void ReversedSquares_JacobianIsDiagonalReversed()
    {
        var x = Values(4);
        var y = new double[4];
        var jacobian = new double[16];
        IndexFromEnd.ReversedSquaresJacobian(x, y, jacobian);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(x[i] * x[i], y[3 - i], 15);
            for (var j = 0; j < 4; j++)
            {
                Assert.Equal(j == 3 - i ? 2 * x[j] : 0.0, jacobian[i * 4 + j], 15);
            }
        }
    }

    [Fact]
    public void Ends_OfAnEmptyVector_ThrowsAsTheSourceDoes()
    {
        Assert.Throws<IndexOutOfRangeException>(() => IndexFromEnd.Ends([]));
        Assert.Throws<IndexOutOfRangeException>(() => IndexFromEnd.EndsGradient([], []));
    }
}
