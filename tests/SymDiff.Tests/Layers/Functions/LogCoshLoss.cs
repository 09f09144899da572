using SymDiff.Functions;

namespace SymDiff.Tests.Layers.Functions;

/// <summary>Hooks the user's <see cref="UserFunctions.LogCosh"/> into <c>ElementwiseLoss&lt;LogCoshLoss&gt;</c>.</summary>
public readonly struct LogCoshLoss : ILossFunction
{
    public static double Value(double prediction, double target) => UserFunctions.LogCosh(prediction, target);

    public static double Derivative(double prediction, double target)
    {
        UserFunctions.LogCoshGradient(prediction, target, out var dPrediction, out _);
        return dPrediction;
    }
}
