using System.Runtime.CompilerServices;

namespace SymDiff.Functions;

/// <summary>Softplus, <see cref="Activations.Softplus"/>. Use it as <c>new Activation&lt;Softplus&gt;(width)</c>.</summary>
public readonly struct Softplus : IScalarFunction
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Value(double x) => Activations.Softplus(x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Derivative(double x)
    {
        Activations.SoftplusGradient(x, out var dx);
        return dx;
    }
}
