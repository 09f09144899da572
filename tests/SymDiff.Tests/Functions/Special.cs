namespace SymDiff.Tests.Functions;

/// <summary>Functions the generator cannot see into, each given its derivative by [DerivativeOf] in one of the three shapes.</summary>
public static class Special
{
    /// <summary>erf by Abramowitz–Stegun 7.1.26 (|error| ≤ 1.5e-7): a "library" function.</summary>
    public static double Erf(double x)
    {
        var sign = x < 0 ? -1.0 : 1.0;
        x = Math.Abs(x);
        var t = 1.0 / (1.0 + 0.3275911 * x);
        var y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return sign * y;
    }

    /// <summary>The exact derivative of erf: 2/√π·e^(−x²).</summary>
    [DerivativeOf(typeof(Special), nameof(Erf))]
    public static double ErfDerivative(double x) => 2.0 / Math.Sqrt(Math.PI) * Math.Exp(-x * x);

    /// <summary>√(x² + y²), overflow-safe.</summary>
    public static double Hypot(double x, double y)
    {
        var a = Math.Abs(x);
        var b = Math.Abs(y);
        var big = Math.Max(a, b);
        var small = Math.Min(a, b);
        return big == 0 ? 0 : big * Math.Sqrt(1 + (small / big) * (small / big));
    }

    /// <summary>The gradient shape: value and both partials.</summary>
    [DerivativeOf(typeof(Special), nameof(Hypot))]
    public static double HypotGradient(double x, double y, out double dx, out double dy)
    {
        var r = Hypot(x, y);
        dx = r == 0 ? 0 : x / r;
        dy = r == 0 ? 0 : y / r;
        return r;
    }

    /// <summary>limit·tanh(v / limit): a soft clip.</summary>
    public static double Clip(double v, double limit) => limit * Math.Tanh(v / limit);

    /// <summary>The pullback shape.</summary>
    [DerivativeOf(typeof(Special), nameof(Clip))]
    public static void ClipPullback(double v, double limit, double seed, ref double dv, ref double dlimit)
    {
        var t = Math.Tanh(v / limit);
        dv += seed * (1 - t * t);
        dlimit += seed * (t - (1 - t * t) * v / limit);
    }
}

/// <summary>[Differentiable] methods calling the special functions.</summary>
public static partial class UsesSpecial
{
    [Differentiable(Modes = DerivativeModes.Tangent)]
    public static double Mix(double x, double y) => Special.Erf(x * y) + Special.Hypot(x, y) * Special.Clip(y, 2.0);
}
