using SymDiff.Functions;

namespace SymDiff.Tests.Layers.Functions;

/// <summary>A deliberately wrong function: value x², "derivative" x (should be 2x). Gradient checks must catch it.</summary>
public readonly struct WrongSquare : IScalarFunction
{
    public static double Value(double x) => x * x;

    public static double Derivative(double x) => x;
}
