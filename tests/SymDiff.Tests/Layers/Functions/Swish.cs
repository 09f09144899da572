using SymDiff.Functions;

namespace SymDiff.Tests.Layers.Functions;

/// <summary>Hooks the user's <see cref="UserFunctions.Swish"/> into <c>Activation&lt;Swish&gt;</c>.</summary>
public readonly struct Swish : IScalarFunction
{
    public static double Value(double x) => UserFunctions.Swish(x);

    public static double Derivative(double x)
    {
        UserFunctions.SwishGradient(x, out var dx);
        return dx;
    }
}
