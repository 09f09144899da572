namespace SymDiff.Tests.Functions;

/// <summary>The generic-math spelling <c>double.Sin(x)</c> of the same functions.</summary>
public static partial class DoubleStatics
{
    [Differentiable]
    public static double SinCos(double x) => double.Sin(x) * double.Cos(x);

    [Differentiable]
    public static double ExpPlusLog(double x) => double.Exp(x) + double.Log(x);

    [Differentiable]
    public static double Sqrt(double x) => double.Sqrt(x);

    [Differentiable]
    public static double Pow(double x, double y) => double.Pow(x, y);

    [Differentiable]
    public static double Atan2(double y, double x) => double.Atan2(y, x);
}
