using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Gradients;

/// <summary>Deconstruction of tuples written out: declarations, assignments, swaps, in branches and loops.</summary>
public static partial class Deconstructions
{
    /// <summary>var (s, c) = (sin x, cos x): s·c + y.</summary>
    [Differentiable(Modes = DerivativeModes.All)]
    public static double Declared(double x, double y)
    {
        var (s, c) = (Math.Sin(x), Math.Cos(x));
        (double a, double b) = (s * c, y);
        return a + b * b;
    }

    /// <summary>Fibonacci-like recurrence by swap: (a, b) = (b, a + b) three times from (x, y): a = x + 2y... then a·b.</summary>
    [Differentiable(Modes = DerivativeModes.All)]
    public static double Swapped(double x, double y)
    {
        var a = x;
        var b = y;
        for (int i = 0; i < 3; i++)
        {
            (a, b) = (b, a + b);
        }

        if (a > 0)
        {
            (a, b) = (b * 0.5, a);
        }

        return a * b;
    }

    /// <summary>A mixed target list: a new local and a parameter, assigned from each other.</summary>
    [Differentiable]
    public static double Mixed(double x, double y)
    {
        (double t, x) = (x * y, x + y);
        return t * x;
    }
}

public sealed class DeconstructionTests
{
    [Theory]
    [InlineData(0.3, 1.2)]
    [InlineData(-2.0, 0.5)]
    public void Declared_GradientTangentAndHessianVector_ByHand(double x, double y)
    {
        var value = Deconstructions.DeclaredGradient(x, y, out var dx, out var dy);
        Assert.Equal(Math.Sin(x) * Math.Cos(x) + y * y, value, 14);
        Assert.Equal(Math.Cos(2 * x), dx, 14);
        Assert.Equal(2 * y, dy, 14);
        Deconstructions.DeclaredTangent(x, y, 1.0, 1.0, out var tangent);
        Assert.Equal(Math.Cos(2 * x) + 2 * y, tangent, 14);
        Deconstructions.DeclaredHessianVector(x, y, 1.0, 0.0, out _, out _, out var hx, out var hy);
        Assert.Equal(-2 * Math.Sin(2 * x), hx, 13);
        Assert.Equal(0.0, hy);
    }

    [Theory]
    [InlineData(0.7, 1.3)]     // a = x + 2y > 0 after the loop: the second swap runs
    [InlineData(-5.0, 1.0)]    // a < 0: it does not
    public void Swapped_EveryValueIsReadBeforeAnyIsWritten(double x, double y)
    {
        // (x, y) → (y, x + y) → (x + y, x + 2y) → (x + 2y, 2x + 3y); then, if a > 0, (b/2, a).
        var (a, b) = (x + 2 * y, 2 * x + 3 * y);
        var (ax, ay, bx, by) = (1.0, 2.0, 2.0, 3.0);
        if (a > 0)
        {
            (a, b, ax, ay, bx, by) = (b * 0.5, a, bx * 0.5, by * 0.5, ax, ay);
        }

        var value = Deconstructions.SwappedGradient(x, y, out var dx, out var dy);
        Assert.Equal(a * b, value, 13);
        Assert.Equal(ax * b + a * bx, dx, 13);
        Assert.Equal(ay * b + a * by, dy, 13);
        var differences = FiniteDifference.Gradient(p => Deconstructions.Swapped(p[0], p[1]), [x, y]);
        Assert.Equal(differences[0], dx, 6);
        Assert.Equal(differences[1], dy, 6);
        Deconstructions.SwappedTangent(x, y, 1.0, 0.0, out var tangent);
        Assert.Equal(dx, tangent, 13);
    }

    [Fact]
    public void Mixed_ATargetParameterReadByAnotherValue_GetsItsOldValue()
    {
        var (x, y) = (0.4, 2.5);
        var value = Deconstructions.MixedGradient(x, y, out var dx, out var dy);
        // t = xy, x' = x + y: t·x' = x²y + xy².
        Assert.Equal(x * y * (x + y), value, 14);
        Assert.Equal(2 * x * y + y * y, dx, 14);
        Assert.Equal(x * x + 2 * x * y, dy, 14);
    }
}
