namespace SymDiff.Benchmarks;

/// <summary>
/// The gradients written by hand, as carefully as we could: common factors shared, no repeated
/// work, one <c>Exp</c>. This is the practical limit SymDiff's generated code is measured against.
/// </summary>
public static class HandWritten
{
    /// <summary>∂f/∂x = 3x²(x + 3y) + x³ = x²(3(x + 3y) + x), ∂f/∂y = 3x³.</summary>
    public static double FGradient(double x, double y, out double dx, out double dy)
    {
        var x2 = x * x;
        var x3 = x2 * x;
        var s = x + (3.0 * y);
        dx = x2 * ((3.0 * s) + x);
        dy = 3.0 * x3;
        return x3 * s;
    }

    /// <summary>σ′(z) = σ(z)(1 − σ(z)); ∂/∂w0 = σ′·x0, ∂/∂x0 = σ′·w0, ..., ∂/∂w2 = σ′.</summary>
    public static double NeuronGradient(double w0, double x0, double w1, double x1, double w2, out double dw0, out double dx0, out double dw1, out double dx1, out double dw2)
    {
        var z = (w0 * x0) + (w1 * x1) + w2;
        var s = 1.0 / (1.0 + Math.Exp(-z));
        var g = s * (1.0 - s);
        dw0 = g * x0;
        dx0 = g * w0;
        dw1 = g * x1;
        dx1 = g * w1;
        dw2 = g;
        return s;
    }
}
