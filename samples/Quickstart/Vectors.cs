using SymDiff;

namespace Quickstart;

/// <summary>A loop over a span: its gradient is written into a span buffer.</summary>
public static partial class Vectors
{
    /// <summary>The Rosenbrock function Σ 100(x[i+1] − x[i]²)² + (1 − x[i])², minimal (0) at x = (1, ..., 1).</summary>
    [Differentiable]
    public static double Rosenbrock(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        for (int i = 0; i < x.Length - 1; i++)
        {
            var a = x[i + 1] - x[i] * x[i];
            var b = 1 - x[i];
            sum += 100 * a * a + b * b;
        }

        return sum;
    }
}
