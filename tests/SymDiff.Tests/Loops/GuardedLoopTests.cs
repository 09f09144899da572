using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Loops;

/// <summary>
/// A loop after early returns whose second condition reads an element that only the first one makes safe to read: the
/// loop, and the read, run only where the source gets to them.
/// </summary>
public static partial class GuardedLoops
{
    /// <summary>a when x has fewer than 2 elements; 1 when x[1] ≤ 0; else Π (x[i]·a) over i &lt; n (n may exceed x.Length there only if the source throws too).</summary>
    // Gradient only: forward mode (Tangent, and H·v's tangent loops) orders the two conditions the other way round and
    // runs the loop unguarded, and Tangent reads x[1] ahead of the length test (docs/testing.md; open).
    [Differentiable(Modes = DerivativeModes.Gradient)]
    public static double AfterTwoReturns(ReadOnlySpan<double> x, double a, int n)
    {
        if (x.Length < 2)
        {
            return a;
        }

        if (x[1] <= 0)
        {
            return 1.0;
        }

        var s = 1.0;
        for (int i = 0; i < n; i++)
        {
            s *= x[i] * a;
        }

        return s;
    }
}

public sealed class GuardedLoopTests
{
    [Fact]
    public void AfterTwoReturns_ReturnTaken_TheLoopDoesNotRunPastTheElements()
    {
        double[] x = [0.5, -1.0];
        var dx = new double[2];
        Assert.Equal(1.0, GuardedLoops.AfterTwoReturnsGradient(x, 0.5, 5, dx, out var da));
        Assert.Equal(new[] { 0.0, 0.0 }, dx);
        Assert.Equal(0.0, da);

        // Fewer than two elements: the first return, and x[1] is not read.
        Assert.Equal(0.5, GuardedLoops.AfterTwoReturnsGradient([0.5], 0.5, 5, new double[1], out da));
        Assert.Equal(1.0, da);
    }

    [Fact]
    public void AfterTwoReturns_LoopRuns_MatchesDifferences()
    {
        double[] x = [0.5, 2.0, 0.25];
        const double a = 0.8;
        var dx = new double[3];
        var value = GuardedLoops.AfterTwoReturnsGradient(x, a, 3, dx, out var da);
        Assert.Equal(GuardedLoops.AfterTwoReturns(x, a, 3), value);
        var all = FiniteDifference.Gradient(p => GuardedLoops.AfterTwoReturns(p.AsSpan(0, 3), p[3], 3), [.. x, a]);
        GradientAssert.Close(all, [.. dx, da], 1e-8, 1e-10);
    }
}
