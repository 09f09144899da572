namespace SymDiff.Tests.Functions;

/// <summary>Loops over spans and arrays: the functions of the loops issue.</summary>
public static partial class Vectors
{
    /// <summary>Σ 100(x[i+1] − x[i]²)² + (1 − x[i])².</summary>
    [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]
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

    /// <summary>x·y over two spans.</summary>
    [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var s = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            s += x[i] * y[i];
        }

        return s;
    }

    /// <summary>log Σ exp(x[i]), written with the max shift for stability.</summary>
    [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double LogSumExp(ReadOnlySpan<double> x)
    {
        var max = x[0];
        for (int i = 1; i < x.Length; i++)
        {
            max = Math.Max(max, x[i]);
        }

        var sum = 0.0;
        foreach (var v in x)
        {
            sum += Math.Exp(v - max);
        }

        return max + Math.Log(sum);
    }

    /// <summary>
    /// log Σ exp(x[i]) with the shift marked <see cref="Derivatives.WithoutDerivative{T}"/>, as JAX's logsumexp stops
    /// the max's gradient: the result does not depend on the shift, so the backward pass need not sweep the max loop.
    /// </summary>
    [Differentiable]
    public static double ShiftedLogSumExp(ReadOnlySpan<double> x)
    {
        var max = x[0];
        for (int i = 1; i < x.Length; i++)
        {
            max = Math.Max(max, x[i]);
        }

        var shift = Derivatives.WithoutDerivative(max);
        var sum = 0.0;
        foreach (var v in x)
        {
            sum += Math.Exp(v - shift);
        }

        return shift + Math.Log(sum);
    }

    /// <summary>Softmax cross-entropy of logits z against the class k: log Σ exp(z) − z[k].</summary>
    [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double SoftmaxCrossEntropy(ReadOnlySpan<double> z, int k)
    {
        var max = z[0];
        for (int i = 1; i < z.Length; i++)
        {
            max = z[i] > max ? z[i] : max;
        }

        var sum = 0.0;
        for (int i = 0; i < z.Length; i++)
        {
            sum += Math.Exp(z[i] - max);
        }

        return max + Math.Log(sum) - z[k];
    }

    /// <summary>Horner's rule: Σ c[i]·t^(n−1−i), over an array.</summary>
    [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double Horner(double[] c, double t)
    {
        var p = 0.0;
        foreach (var coefficient in c)
        {
            p = p * t + coefficient;
        }

        return p;
    }

    /// <summary>A product over the first n elements (a loop bound given by an int parameter), times a scalar.</summary>
    [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double Product(ReadOnlySpan<double> x, int n, double scale)
    {
        var s = scale;
        for (int i = 0; i < n; i++)
        {
            s *= Math.Sin(x[i]) + 2;
        }

        return s * x[0];
    }

    /// <summary>Two carried values updated together (a rotation-like recurrence) and an int local.</summary>
    [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double Recurrence(Span<double> x, double theta)
    {
        int last = x.Length - 1;
        var u = 1.0;
        var v = 0.0;
        for (int i = 0; i <= last; i++)
        {
            var c = Math.Cos(theta * x[i]);
            var s = Math.Sin(theta * x[i]);
            var nu = c * u - s * v;
            v = s * u + c * v + 0.1 * x[i];
            u = nu;
        }

        return u * u + 2 * v - x[last] / (1 + last);
    }

    /// <summary>3·Σx[i]² − Σx[i]·x[i+1] / 4, and a third sum left unused: one loop whose sums have different constant adjoints, one of them 0.</summary>
    [Differentiable]
    public static double WeightedSums(ReadOnlySpan<double> x)
    {
        var squares = 0.0;
        var products = 0.0;
        var unused = 0.0;
        for (int i = 0; i < x.Length - 1; i++)
        {
            squares += x[i] * x[i];
            products += x[i] * x[i + 1];
            unused += Math.Exp(x[i]);
        }

        return 3 * squares - products / 4;
    }

    /// <summary>scale·Σx[i]³: a sum whose adjoint is a parameter, known before the loop but not constant.</summary>
    [Differentiable]
    public static double ScaledCubes(ReadOnlySpan<double> x, double scale)
    {
        var sum = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            sum += x[i] * x[i] * x[i];
        }

        return scale * sum;
    }

    /// <summary>
    /// Σ_{2≤i<n} (x[i] − x[i−1])²·y[i] + Σ_{i<n−2} x[i]·x[i+2] + y[i]·y[i+1]: gradient writes at neighbouring
    /// slots that start late and may stop early, then writes into buffers already written, one of them too spread out to slide.
    /// </summary>
    [Differentiable]
    public static double Windows(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int n)
    {
        var s = 0.0;
        for (int i = 2; i < n; i++)
        {
            var t = x[i] - x[i - 1];
            s += t * t * y[i];
        }

        var u = 0.0;
        for (int i = 0; i < n - 2; i++)
        {
            u += x[i] * x[i + 2] + y[i] * y[i + 1];
        }

        return s + u;
    }
}
