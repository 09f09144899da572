namespace SymDiff.Tests.Functions;

/// <summary>Functions whose tangent and Hessian are generated on request.</summary>
public static partial class Curvature
{
    /// <summary>The lecture's x³(x + 3y).</summary>
    [Differentiable(Modes = DerivativeModes.All)]
    public static double Lecture(double x, double y) => x * x * x * (x + 3 * y);

    /// <summary>Rosenbrock in two dimensions.</summary>
    [Differentiable(Modes = DerivativeModes.All)]
    public static double Rosenbrock(double x, double y) => (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);

    /// <summary>A sigmoid neuron σ(w·x + b).</summary>
    [Differentiable(Modes = DerivativeModes.All)]
    public static double Neuron(double w, double x, double b)
    {
        var z = w * x + b;
        return 1.0 / (1.0 + Math.Exp(-z));
    }

    /// <summary>Transcendentals, a quotient and a branch, in four variables.</summary>
    [Differentiable(Modes = DerivativeModes.All)]
    public static double Mixed(double a, double b, double c, double d)
    {
        var s = Math.Sin(a * b) + Math.Log(c * c + 1) / (d + 3);
        if (a > c)
        {
            s += Math.Exp(b - d) * Math.Sqrt(c * c + d * d);
        }
        else
        {
            s -= Math.Atan2(a, d + 5) * Math.Tanh(b);
        }

        return s * s / (1 + a * a);
    }

    /// <summary>Ten parameters coupled in a chain, with transcendentals: a Hessian-size benchmark.</summary>
    [Differentiable(Modes = DerivativeModes.Hessian)]
    public static double Ten(double a, double b, double c, double d, double e, double f, double g, double h, double i, double j)
    {
        var chain = Math.Sin(a * b) + Math.Sin(b * c) + Math.Sin(c * d) + Math.Sin(d * e) + Math.Sin(e * f)
            + Math.Sin(f * g) + Math.Sin(g * h) + Math.Sin(h * i) + Math.Sin(i * j);
        var energy = Math.Exp(0.1 * (a + c + e + g + i)) / (1 + j * j);
        return chain * chain + energy + Math.Log(1 + a * a + f * f);
    }
}
