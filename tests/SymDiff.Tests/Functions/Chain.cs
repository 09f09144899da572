namespace SymDiff.Tests.Functions;

/// <summary>Three [Differentiable] methods calling each other, across two types.</summary>
public static partial class Chain
{
    [Differentiable]
    public static double Inner(double u) => Math.Sin(u) * u;

    [Differentiable(Modes = DerivativeModes.Tangent)]
    public static double Middle(double a, double b) => Inner(a * b) + ChainHelpers.Soft(a - b) * Inner(b);

    [Differentiable(Modes = DerivativeModes.Tangent)]
    public static double Outer(double x, double y, double z)
    {
        var m = Middle(x, y * z);
        return m * m + Middle(z, x) / (1 + y * y);
    }
}

/// <summary>A second partial type, so that calls cross type boundaries.</summary>
public static partial class ChainHelpers
{
    /// <summary>softplus(v) = ln(1 + eᵛ).</summary>
    [Differentiable]
    public static double Soft(double v) => Math.Log(1 + Math.Exp(v));
}
