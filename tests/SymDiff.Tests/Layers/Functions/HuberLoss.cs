using SymDiff.Functions;

namespace SymDiff.Tests.Layers.Functions;

/// <summary>Hooks the user's <see cref="UserFunctions.Huber"/> into <c>ElementwiseLoss&lt;HuberLoss&gt;</c>.</summary>
public readonly struct HuberLoss : ILossFunction
{
    public static double Value(double prediction, double target) => UserFunctions.Huber(prediction, target);

    public static double Derivative(double prediction, double target)
    {
        UserFunctions.HuberGradient(prediction, target, out var dPrediction, out _);
        return dPrediction;
    }
}
