using SymDiff.Functions;

namespace SymDiff.Tests.Layers.OtherFunctions;

/// <summary>A user's function that happens to share its name with the built-in <see cref="SymDiff.Functions.Activations.Relu"/> (a leaky one).</summary>
public readonly struct Relu : IScalarFunction
{
    public static double Value(double x) => x > 0 ? x : 0.01 * x;

    public static double Derivative(double x) => x > 0 ? 1 : 0.01;
}
