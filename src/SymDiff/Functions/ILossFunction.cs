namespace SymDiff.Functions;

/// <summary>
/// A differentiable per-element loss <c>ℓ(prediction, target)</c>, averaged over every element of a
/// batch by <see cref="Losses.ElementwiseLoss{TFunction}"/>.
/// </summary>
/// <remarks>
/// Implement it with a <c>readonly struct</c> whose members call a <c>[Differentiable]</c> method of
/// two parameters and its generated <c>…Gradient</c> method (keep <c>∂ℓ/∂prediction</c>, discard
/// <c>∂ℓ/∂target</c>).
/// </remarks>
public interface ILossFunction
{
    /// <summary>The loss <c>ℓ(prediction, target)</c> of one element.</summary>
    static abstract double Value(double prediction, double target);

    /// <summary>The partial derivative <c>∂ℓ/∂prediction</c>.</summary>
    static abstract double Derivative(double prediction, double target);
}
