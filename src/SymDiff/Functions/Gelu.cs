using System.Runtime.CompilerServices;

namespace SymDiff.Functions;

/// <summary>GELU (tanh approximation), <see cref="Activations.Gelu"/>. Use it as <c>new Activation&lt;Gelu&gt;(width)</c>.</summary>
public readonly struct Gelu : IScalarFunction
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Value(double x) => Activations.Gelu(x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Derivative(double x)
    {
        Activations.GeluGradient(x, out var dx);
        return dx;
    }
}
