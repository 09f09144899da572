namespace SymDiff.Tests.Functions;

/// <summary>Forms a new user writes first: a length read as a double, named arguments, a Math function given its derivative.</summary>
public static partial class NaturalForms
{
    /// <summary>The mean, Σ x[i] / n with n = x.Length read as a double.</summary>
    [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double Mean(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            sum += x[i];
        }

        return sum / x.Length;
    }

    /// <summary>The variance Σ (x[i] − mean)² / n, with n a double local and the empty span tested.</summary>
    [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double Variance(ReadOnlySpan<double> x, double scale)
    {
        if (x.Length == 0)
        {
            return scale;
        }

        double n = x.Length;
        var mean = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            mean += x[i] / n;
        }

        var s = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            s += (x[i] - mean) * (x[i] - mean);
        }

        return scale * s / (double)x.Length;
    }

    /// <summary>atan2 and pow with their arguments named, out of order: atan2(y, x) + x².</summary>
    [Differentiable(Modes = DerivativeModes.All)]
    public static double Angle(double x, double y) => Math.Atan2(x: x, y: y) + Math.Pow(y: 2.0, x: x);

    /// <summary>A [Differentiable] call with named arguments.</summary>
    [Differentiable]
    public static double CallsNamed(double a, double b) => Weighted(w: a, v: b);

    [Differentiable]
    public static double Weighted(double v, double w) => v * Math.Exp(w);

    /// <summary>Signed zeros reaching Atan2: each term is ±π·x (weighted 1, 10, 100, 1000, so that no two flips cancel) depending on the sign of a zero the source computes.</summary>
    [Differentiable(Modes = DerivativeModes.All)]
    public static double SignedZeros(double x, double a, double b)
        => x * (Math.Atan2(-(a - b), -1.0) + (10.0 * Math.Atan2(0.0 - (a - b), -1.0)) + (100.0 * Math.Atan2(-(b * 0.0) + 0.0, -1.0)) + (1000.0 * Math.Atan2(-a + a, -1.0)));

    /// <summary>Math.FusedMultiplyAdd, which has no rule of its own, through the [DerivativeOf] below.</summary>
    [Differentiable(Modes = DerivativeModes.Tangent)]
    public static double Fused(double x, double y) => Math.FusedMultiplyAdd(x, y, x * x);

    [DerivativeOf(typeof(Math), nameof(Math.FusedMultiplyAdd))]
    public static double FusedMultiplyAddGradient(double a, double b, double c, out double da, out double db, out double dc)
    {
        da = b;
        db = a;
        dc = 1.0;
        return Math.FusedMultiplyAdd(a, b, c);
    }
}
