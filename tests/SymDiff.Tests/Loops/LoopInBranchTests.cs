using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Loops;

/// <summary>Loops of the method's top level inside an <c>if</c>: they run only where the branch is taken.</summary>
public static partial class LoopsInBranches
{
    /// <summary>a > 0: (…((a²·a + sin x₀)·a + sin x₁)…) over n elements; else a² − a.</summary>
    [Differentiable(Modes = DerivativeModes.Gradient | DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double Recurrence(ReadOnlySpan<double> x, double a, int n)
    {
        double s = a * a;
        if (a > 0)
        {
            for (int i = 0; i < n; i++)
            {
                s = s * a + Math.Sin(x[i]);
            }
        }
        else
        {
            s -= a;
        }

        return s;
    }

    /// <summary>Two loops, one per branch, reading elements only the taken one may: x[n − 1] down to x[0], or every other element.</summary>
    [Differentiable(Modes = DerivativeModes.Gradient | DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double EitherLoop(ReadOnlySpan<double> x, double a, int n)
    {
        var s = a;
        if (n <= x.Length)
        {
            for (int i = n - 1; i >= 0; i--)
            {
                s = s * x[i] + a;
            }
        }
        else
        {
            for (int i = 0; i < x.Length; i += 2)
            {
                s += Math.Exp(a * x[i]);
            }
        }

        return s;
    }

    /// <summary>A nested loop inside an if, after an early return.</summary>
    [Differentiable(Modes = DerivativeModes.Gradient | DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double NestedInBranch(ReadOnlySpan<double> x, double a, int rows)
    {
        if (rows == 0)
        {
            return a;
        }

        var s = 0.0;
        if (a < 1)
        {
            int cols = x.Length / rows;
            for (int r = 0; r < rows; r++)
            {
                var row = 0.0;
                for (int c = 0; c < cols; c++)
                {
                    row += x[r * cols + c] * a;
                }

                s += row * row;
            }
        }

        return s + a;
    }
}

public sealed class LoopInBranchTests
{
    public static TheoryData<double, int> RecurrencePoints => new() { { 0.7, 3 }, { 0.7, 0 }, { -0.4, 3 }, { 1.3, 2 } };

    [Theory]
    [MemberData(nameof(RecurrencePoints))]
    public void Recurrence_EveryModeMatchesDifferences(double a, int n)
    {
        double[] x = [0.5, -1.0, 0.25];
        CheckEveryMode(x, a, (p, q) => LoopsInBranches.Recurrence(p, q, n),
            (p, q, g) => (LoopsInBranches.RecurrenceGradient(p, q, n, g, out var d), d).d,
            (p, q, v, w) => (LoopsInBranches.RecurrenceTangent(p, q, n, v, w, out var t), t).t,
            (p, q, v, w, g, h) => (LoopsInBranches.RecurrenceHessianVector(p, q, n, v, w, g, out _, h, out var hq), hq).hq);
    }

    [Theory]
    [InlineData(0.6, 2)]
    [InlineData(0.6, 4)]
    [InlineData(-0.3, 9)]
    public void EitherLoop_ReadsOnlyWhatTheTakenBranchReads(double a, int n)
    {
        double[] x = [0.5, -1.0, 0.25, 0.8];
        CheckEveryMode(x, a, (p, q) => LoopsInBranches.EitherLoop(p, q, n),
            (p, q, g) => (LoopsInBranches.EitherLoopGradient(p, q, n, g, out var d), d).d,
            (p, q, v, w) => (LoopsInBranches.EitherLoopTangent(p, q, n, v, w, out var t), t).t,
            (p, q, v, w, g, h) => (LoopsInBranches.EitherLoopHessianVector(p, q, n, v, w, g, out _, h, out var hq), hq).hq);
    }

    [Theory]
    [InlineData(0.5, 2)]
    [InlineData(1.5, 2)]
    [InlineData(0.5, 0)]
    public void NestedInBranch_EveryModeMatchesDifferences(double a, int rows)
    {
        double[] x = [0.5, -1.0, 0.25, 0.8, -0.6, 0.3];
        CheckEveryMode(x, a, (p, q) => LoopsInBranches.NestedInBranch(p, q, rows),
            (p, q, g) => (LoopsInBranches.NestedInBranchGradient(p, q, rows, g, out var d), d).d,
            (p, q, v, w) => (LoopsInBranches.NestedInBranchTangent(p, q, rows, v, w, out var t), t).t,
            (p, q, v, w, g, h) => (LoopsInBranches.NestedInBranchHessianVector(p, q, rows, v, w, g, out _, h, out var hq), hq).hq);
    }

    private delegate double Gradient(ReadOnlySpan<double> x, double a, Span<double> dx);

    private delegate double Tangent(ReadOnlySpan<double> x, double a, ReadOnlySpan<double> vx, double va);

    private delegate double HessianVector(ReadOnlySpan<double> x, double a, ReadOnlySpan<double> vx, double va, Span<double> dx, Span<double> hx);

    private delegate double Function(ReadOnlySpan<double> x, double a);

    /// <summary>Gradient against central differences; tangent against the gradient; H·v against differences of the gradient.</summary>
    private static void CheckEveryMode(double[] x, double a, Function f, Gradient gradient, Tangent tangent, HessianVector hessianVector)
    {
        var n = x.Length;
        var dx = new double[n];
        var da = gradient(x, a, dx);
        var all = FiniteDifference.Gradient(p => f(p.AsSpan(0, n), p[n]), [.. x, a]);
        GradientAssert.Close(all, [.. dx, da], 1e-7, 1e-9);

        double[] vx = [.. Enumerable.Range(0, n).Select(i => 0.1 * (i + 1))];
        const double va = -0.3;
        Assert.Equal(dx.Zip(vx, (g, t) => g * t).Sum() + (da * va), tangent(x, a, vx, va), 1e-12);

        var hx = new double[n];
        var hva = hessianVector(x, a, vx, va, new double[n], hx);
        double[] Full(double[] p)
        {
            var g = new double[n];
            var ga = gradient(p.AsSpan(0, n), p[n], g);
            return [.. g, ga];
        }

        var expected = FiniteDifference.Directional(Full, [.. x, a], [.. vx, va]);
        GradientAssert.Close(expected, [.. hx, hva], 1e-6, 1e-8);
    }
}
