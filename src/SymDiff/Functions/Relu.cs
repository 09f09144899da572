using System.Runtime.CompilerServices;

namespace SymDiff.Functions;

/// <summary>The rectified linear unit, <see cref="Activations.Relu"/>. Use it as <c>new Activation&lt;Relu&gt;(width)</c>.</summary>
public readonly struct Relu : IScalarFunction
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Value(double x) => Activations.Relu(x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Derivative(double x)
    {
        Activations.ReluGradient(x, out var dx);
        return dx;
    }
}
