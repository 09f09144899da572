using SymDiff;

namespace Quickstart;

/// <summary>A loop over a span: its gradient is written into a span buffer.</summary>
public static partial class Vectors
{
    /// <summary>The Rosenbrock function Σ 100(x[i+1] − x[i]²)² + (1 − x[i])², minimal (0) at x = (1, ..., 1).</summary>
    [Differentiable(Modes = DerivativeModes.HessianVector)]
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

    /// <summary>softmax(z) written into y: a vector-valued function gets its Jacobian, J·t and uᵀJ.</summary>
    [Differentiable]
    public static void Softmax(ReadOnlySpan<double> z, Span<double> y)
    {
        var max = z[0];
        for (int i = 1; i < z.Length; i++)
        {
            max = Math.Max(max, z[i]);
        }

        var sum = 0.0;
        for (int i = 0; i < z.Length; i++)
        {
            sum += Math.Exp(z[i] - max);
        }

        for (int i = 0; i < z.Length; i++)
        {
            y[i] = Math.Exp(z[i] - max) / sum;
        }
    }
}
