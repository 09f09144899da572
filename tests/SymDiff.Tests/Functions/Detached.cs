using static SymDiff.Derivatives;

namespace SymDiff.Tests.Functions;

/// <summary>Values marked <see cref="Derivatives.WithoutDerivative{T}"/>: constants to every derivative, values as written.</summary>
public static partial class Detached
{
    /// <summary>x²·sg(y) + sg(x·y): ∂x = 2x·y, ∂y = 0.</summary>
    [Differentiable(Modes = DerivativeModes.All)]
    public static double Scaled(double x, double y) => x * x * WithoutDerivative(y) + WithoutDerivative(x * y);

    /// <summary>Generic math: sg(x)·sin(x), ∂x = x·cos(x).</summary>
    [Differentiable(Modes = DerivativeModes.Tangent)]
    public static T Generic<T>(T x) where T : System.Numerics.IFloatingPointIeee754<T> => WithoutDerivative(x) * T.Sin(x);

    /// <summary>log Σ exp(z) with its max shift marked: the same value and gradient (softmax) as with the shift differentiated.</summary>
    [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double LogSumExp(ReadOnlySpan<double> z)
    {
        var max = double.NegativeInfinity;
        for (int i = 0; i < z.Length; i++)
        {
            max = Math.Max(max, z[i]);
        }

        var shift = WithoutDerivative(max);
        var sum = 0.0;
        for (int i = 0; i < z.Length; i++)
        {
            sum += Math.Exp(z[i] - shift);
        }

        return shift + Math.Log(sum);
    }
}
