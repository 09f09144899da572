using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Gradients;

/// <summary>Relational, constant, and/or/not patterns and switch expressions on doubles, read as the comparisons and ?: they are.</summary>
public static partial class Patterns
{
    /// <summary>A piecewise function by switch expression: −1 − x² below −1, x up to 1, ln x + 1 beyond.</summary>
    [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double Piecewise(double x) => x switch
    {
        < -1 => -1 - x * x,
        < 1 => x,
        _ => Math.Log(x) + 1,
    };

    /// <summary>A window: x·y inside (0, 1) for x, unless y is exactly 0.5; y² otherwise.</summary>
    [Differentiable]
    public static double Window(double x, double y) => x is > 0 and < 1 && y is not 0.5 ? x * y : y * y;

    /// <summary>Switch arms with a when clause, and an or pattern.</summary>
    [Differentiable]
    public static double Arms(double x, double y) => x switch
    {
        < 0 or > 10 => y,
        _ when y > x => x * y,
        _ => Math.Sin(x) * y,
    };
}

public sealed class PatternTests
{
    [Theory]
    [InlineData(-2.5, 5.0)]   // d/dx (−1 − x²) = −2x
    [InlineData(0.3, 1.0)]
    [InlineData(2.0, 0.5)]    // 1/x
    public void Piecewise_EachPieceHasItsDerivative(double x, double expected)
    {
        var value = Patterns.PiecewiseGradient(x, out var dx);
        Assert.Equal(Patterns.Piecewise(x), value);
        Assert.Equal(expected, dx, 14);
        Patterns.PiecewiseTangent(x, 1.0, out var tangent);
        Assert.Equal(expected, tangent, 14);
        Patterns.PiecewiseHessianVector(x, 1.0, out _, out var hv);
        Assert.Equal(x < -1 ? -2.0 : x < 1 ? 0.0 : -1 / (x * x), hv, 14);
    }

    [Theory]
    [InlineData(0.4, 0.3)]
    [InlineData(0.4, 0.5)]    // y is 0.5: the other piece
    [InlineData(1.5, 0.3)]
    [InlineData(-0.2, 2.0)]
    public void Window_MatchesFiniteDifferencesInEachPiece(double x, double y)
    {
        var value = Patterns.WindowGradient(x, y, out var dx, out var dy);
        Assert.Equal(Patterns.Window(x, y), value);
        var inside = x > 0 && x < 1 && y != 0.5;
        Assert.Equal(inside ? y : 0.0, dx, 14);
        Assert.Equal(inside ? x : 2 * y, dy, 14);
    }

    [Theory]
    [InlineData(-1.0, 2.0)]
    [InlineData(11.0, 2.0)]
    [InlineData(1.0, 2.0)]
    [InlineData(3.0, 2.0)]
    public void Arms_MatchFiniteDifferences(double x, double y)
    {
        var value = Patterns.ArmsGradient(x, y, out var dx, out var dy);
        Assert.Equal(Patterns.Arms(x, y), value);
        const double h = 1e-6;
        Assert.Equal((Patterns.Arms(x + h, y) - Patterns.Arms(x - h, y)) / (2 * h), dx, 8);
        Assert.Equal((Patterns.Arms(x, y + h) - Patterns.Arms(x, y - h)) / (2 * h), dy, 8);
    }
}

public static partial class Switches
{
    /// <summary>A switch statement: sections of constants and patterns, a when clause, default in the middle, a return in a section.</summary>
    [Differentiable(Modes = DerivativeModes.Tangent)]
    public static double Piecewise(double x, int mode)
    {
        var y = x;
        switch (mode)
        {
            case 0:
                y = x * x;
                break;
            default:
                y = Math.Exp(x);
                break;
            case 1 or 2:
                y *= 3;
                break;
            case > 5 when x > 0:
                return Math.Sqrt(x);
        }

        return y + x;
    }
}

public sealed class SwitchTests
{
    [Theory]
    [InlineData(0, 1.2, 2 * 1.2 + 1)]
    [InlineData(1, 1.2, 4.0)]
    [InlineData(2, 1.2, 4.0)]
    [InlineData(3, 1.2, 4.3201169227365472)] // e^1.2 + 1
    [InlineData(7, 1.2, 0.45643546458763845)] // 1 / (2√1.2)
    [InlineData(7, -1.2, 1.3011942119122021)] // x ≤ 0: the default, e^x + 1
    public void Sections_EachHasItsDerivative(int mode, double x, double expected)
    {
        var value = Switches.PiecewiseGradient(x, mode, out var dx);
        Assert.Equal(Switches.Piecewise(x, mode), value);
        Assert.Equal(expected, dx, 13);
        Switches.PiecewiseTangent(x, mode, 1.0, out var tangent);
        Assert.Equal(expected, tangent, 13);
    }
}
