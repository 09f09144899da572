using SymDiff.Functions;

namespace SymDiff.Tests.Layers.Functions;

/// <summary>The identity, whose derivative is NaN for x &gt; 0.5: a NaN that appears only in the backward pass.</summary>
public readonly struct NaNDerivative : IScalarFunction
{
    public static double Value(double x) => x;

    public static double Derivative(double x) => x > 0.5 ? double.NaN : 1;
}
