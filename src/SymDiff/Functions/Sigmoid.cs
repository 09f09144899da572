using System.Runtime.CompilerServices;

namespace SymDiff.Functions;

/// <summary>The logistic sigmoid, <see cref="Activations.Sigmoid"/>. Use it as <c>new Activation&lt;Sigmoid&gt;(width)</c>.</summary>
public readonly struct Sigmoid : IScalarFunction
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Value(double x) => Activations.Sigmoid(x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Derivative(double x)
    {
        Activations.SigmoidGradient(x, out var dx);
        return dx;
    }
}
