namespace SymDiff.Tests.Functions;

/// <summary><c>Math.PI</c>, <c>Math.E</c>, a type constant and a local constant.</summary>
public static partial class Constants
{
    public const double Scale = 2.5;

    [Differentiable]
    public static double CircleArea(double r) => Math.PI * r * r;

    [Differentiable]
    public static double TimesE(double x) => Math.E * x;

    [Differentiable]
    public static double TypeConstant(double x) => Scale * x * x;

    [Differentiable]
    public static double LocalConstant(double x)
    {
        const double k = 3;
        return k * Math.Exp(x / k);
    }
}
