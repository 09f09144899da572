namespace SymDiff.Tests.Functions;

/// <summary>Plain non-smooth functions, evaluated at their kinks, ties and jumps.</summary>
public static partial class Conventions
{
    [Differentiable]
    public static double Abs(double x) => Math.Abs(x);

    [Differentiable]
    public static double Max(double x, double y) => Math.Max(x, y);

    [Differentiable]
    public static double Min(double x, double y) => Math.Min(x, y);

    [Differentiable]
    public static double Sign(double x) => Math.Sign(x);

    [Differentiable]
    public static double Floor(double x) => Math.Floor(x);

    [Differentiable]
    public static double Ceiling(double x) => Math.Ceiling(x);

    [Differentiable]
    public static double Round(double x) => Math.Round(x);

    [Differentiable]
    public static double Sqrt(double x) => Math.Sqrt(x);

    [Differentiable]
    public static double Norm(double x, double y) => Math.Sqrt(x * x + y * y);

    /// <summary>x² for x &gt; 0, −x otherwise: at x = 0 the else branch is taken.</summary>
    [Differentiable]
    public static double Kink(double x) => x > 0 ? x * x : -x;

    /// <summary>x² for x ≥ 0, −x otherwise: at x = 0 the then branch is taken.</summary>
    [Differentiable]
    public static double KinkInclusive(double x) => x >= 0 ? x * x : -x;
}
