namespace SymDiff.Tests.Functions;

/// <summary>Every supported <c>Math</c> function, most applied to an inner expression so the chain rule is exercised.</summary>
public static partial class Elementary
{
    [Differentiable]
    public static double Sin(double x) => Math.Sin(2 * x);

    [Differentiable]
    public static double Cos(double x) => Math.Cos(x * x);

    [Differentiable]
    public static double Tan(double x) => Math.Tan(x / 2);

    [Differentiable]
    public static double Asin(double x) => Math.Asin(x / 2);

    [Differentiable]
    public static double Acos(double x) => Math.Acos(x / 2);

    [Differentiable]
    public static double Atan(double x) => Math.Atan(3 * x);

    [Differentiable]
    public static double Atan2(double y, double x) => Math.Atan2(y, x);

    [Differentiable]
    public static double Sinh(double x) => Math.Sinh(x / 3);

    [Differentiable]
    public static double Cosh(double x) => Math.Cosh(x - 1);

    [Differentiable]
    public static double Tanh(double x) => Math.Tanh(2 * x);

    [Differentiable]
    public static double Exp(double x) => Math.Exp(-x * x);

    [Differentiable]
    public static double Log(double x) => Math.Log(x * x + 1);

    [Differentiable]
    public static double LogBase(double x, double b) => Math.Log(x, b);

    [Differentiable]
    public static double Log10(double x) => Math.Log10(x);

    [Differentiable]
    public static double Log2(double x) => Math.Log2(x);

    [Differentiable]
    public static double Sqrt(double x) => Math.Sqrt(x * x + 1);

    [Differentiable]
    public static double Cbrt(double x) => Math.Cbrt(x);

    [Differentiable]
    public static double Pow(double x, double y) => Math.Pow(x, y);

    [Differentiable]
    public static double Abs(double x, double y) => Math.Abs(x * y - 1);

    [Differentiable]
    public static double Max(double x, double y) => Math.Max(x * x, y);

    [Differentiable]
    public static double Min(double x, double y) => Math.Min(x * x, y);

    /// <summary>An int-valued call used as a double operand.</summary>
    [Differentiable]
    public static double Sign(double x, double y) => Math.Sign(x) * y;

    [Differentiable]
    public static double Floor(double x, double y) => Math.Floor(x) * y;

    [Differentiable]
    public static double Ceiling(double x, double y) => Math.Ceiling(x) * y;

    [Differentiable]
    public static double Round(double x, double y) => Math.Round(x) * y;
}
