using System.Numerics;

namespace SymDiff.Tests.Functions;

/// <summary>float methods (MathF) and generic-math methods over T : IFloatingPointIeee754&lt;T&gt;.</summary>
public static partial class Typed
{
    [Differentiable(Modes = DerivativeModes.Tangent)]
    public static float Softplus(float x, float beta) => MathF.Log(1f + MathF.Exp(beta * x)) / beta + MathF.Abs(x) * 0.5f;

    [Differentiable(Modes = DerivativeModes.All)]
    public static T Gaussian<T>(T x, T mu, T sigma)
        where T : IFloatingPointIeee754<T>
    {
        var z = (x - mu) / sigma;
        return T.Exp(-z * z / T.CreateChecked(2)) / (sigma * T.Sqrt(T.Pi + T.Pi));
    }

    [Differentiable]
    public static T Mixed<T>(T a, T b)
        where T : IFloatingPointIeee754<T>
        => a > b ? T.Sin(a * b) + T.Pow(a, T.CreateChecked(3)) : T.Atan2(b, a) - T.Abs(a) + T.Max(a, T.One);
}
