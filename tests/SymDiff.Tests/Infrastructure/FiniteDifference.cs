namespace SymDiff.Tests.Infrastructure;

/// <summary>Central finite differences, the reference every generated gradient is checked against.</summary>
public static class FiniteDifference
{
    /// <summary>
    /// ∂f/∂pᵢ ≈ (f(p + hᵢeᵢ) − f(p − hᵢeᵢ)) / 2hᵢ with hᵢ = 1e-5·max(1, |pᵢ|): truncation error
    /// ~hᵢ²·f‴/6 ≈ 1e-10 and rounding error ~ε·|f|/hᵢ ≈ 2e-11·|f|, so 1e-6 relative is a safe tolerance
    /// at smooth points whose third derivative is moderate.
    /// </summary>
    public static double[] Gradient(Func<double[], double> f, double[] point)
    {
        var gradient = new double[point.Length];
        for (var i = 0; i < point.Length; i++)
        {
            gradient[i] = Partial(f, point, i, 1e-5 * Math.Max(1.0, Math.Abs(point[i])));
        }

        return gradient;
    }

    /// <summary>Central differences with the same absolute step <paramref name="step"/> for every parameter.</summary>
    public static double[] GradientWithStep(Func<double[], double> f, double[] point, double step)
    {
        var gradient = new double[point.Length];
        for (var i = 0; i < point.Length; i++)
        {
            gradient[i] = Partial(f, point, i, step);
        }

        return gradient;
    }

    /// <summary>
    /// The derivative of a vector function along <paramref name="direction"/>, (g(p + hv) − g(p − hv)) / 2h with
    /// h = 1e-5·max(1, max|pᵢ|): for g a gradient, the Hessian–vector product H·v.
    /// </summary>
    public static double[] Directional(Func<double[], double[]> g, double[] point, double[] direction)
    {
        var step = 1e-5 * Math.Max(1.0, point.Max(Math.Abs));
        var forward = g(point.Zip(direction, (p, v) => p + step * v).ToArray());
        var backward = g(point.Zip(direction, (p, v) => p - step * v).ToArray());
        return forward.Zip(backward, (f, b) => (f - b) / (2 * step)).ToArray();
    }

    private static double Partial(Func<double[], double> f, double[] point, int index, double step)
    {
        var shifted = (double[])point.Clone();
        shifted[index] = point[index] + step;
        var forward = f(shifted);
        shifted[index] = point[index] - step;
        var backward = f(shifted);

        // Divide by the step actually taken (x ± h is rounded), not by the nominal 2h.
        var width = (point[index] + step) - (point[index] - step);
        return (forward - backward) / width;
    }
}
