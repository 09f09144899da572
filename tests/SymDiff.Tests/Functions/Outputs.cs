namespace SymDiff.Tests.Functions;

/// <summary>Vector-valued functions written the C# way: void methods writing a Span&lt;double&gt; output.</summary>
public static partial class Outputs
{
    /// <summary>y = softmax(z), with the max shift.</summary>
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

    /// <summary>Polar to Cartesian coordinates, written without a loop.</summary>
    [Differentiable]
    public static void ToCartesian(double r, double theta, Span<double> xy)
    {
        xy[0] = r * Math.Cos(theta);
        xy[1] = r * Math.Sin(theta);
    }

    /// <summary>y[i] = a·x[i] + sin(x[i]): one more input (a) than outputs.</summary>
    [Differentiable]
    public static void Affine(ReadOnlySpan<double> x, double a, Span<double> y)
    {
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = a * x[i] + Math.Sin(x[i]);
        }
    }

    /// <summary>Running products: a carried value written at every step.</summary>
    [Differentiable]
    public static void CumulativeProduct(ReadOnlySpan<double> x, double[] y)
    {
        var p = 1.0;
        for (int i = 0; i < x.Length; i++)
        {
            p *= x[i];
            y[i] = p;
        }
    }

    /// <summary>y = tanh(A·x), A row-major with y.Length rows: a loop nested in the writing loop.</summary>
    [Differentiable]
    public static void Layer(ReadOnlySpan<double> a, ReadOnlySpan<double> x, Span<double> y)
    {
        int n = x.Length;
        for (int i = 0; i < y.Length; i++)
        {
            var s = 0.0;
            for (int j = 0; j < n; j++)
            {
                s += a[i * n + j] * x[j];
            }

            y[i] = Math.Tanh(s);
        }
    }

    /// <summary>Top-level writes, one element written twice: only the last write is the output.</summary>
    [Differentiable]
    public static void Overwrite(double a, double b, Span<double> y)
    {
        y[0] = a * b;
        y[1] = Math.Exp(a);
        y[0] = a - b * b;
    }

    /// <summary>Two outputs: the mean into mean[0], and each deviation squared into deviations.</summary>
    [Differentiable]
    public static void Spread(ReadOnlySpan<double> x, Span<double> mean, Span<double> deviations)
    {
        int n = x.Length;
        var sum = 0.0;
        for (int i = 0; i < n; i++)
        {
            sum += x[i];
        }

        var m = sum / n;
        mean[0] = m;
        for (int i = 0; i < x.Length; i++)
        {
            deviations[i] = (x[i] - m) * (x[i] - m);
        }
    }
}
