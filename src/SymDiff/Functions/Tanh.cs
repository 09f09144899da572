using System.Runtime.CompilerServices;

namespace SymDiff.Functions;

/// <summary>The hyperbolic tangent, <see cref="Activations.Tanh"/>. Use it as <c>new Activation&lt;Tanh&gt;(width)</c>.</summary>
public readonly struct Tanh : IScalarFunction
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Value(double x) => Activations.Tanh(x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Derivative(double x)
    {
        Activations.TanhGradient(x, out var dx);
        return dx;
    }
}
