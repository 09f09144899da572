namespace SymDiff.Functions;

/// <summary>
/// A differentiable per-element loss <c>ℓ(prediction, target)</c>, averaged over every element of a
/// batch by <see cref="Losses.ElementwiseLoss{TFunction}"/>.
/// </summary>
/// <remarks>
/// You do not write it: for a <c>[Differentiable]</c> method of two doubles named <c>prediction</c> and
/// <c>target</c>, SymDiff generates a <c>readonly struct</c> named after the method (<c>LogCosh</c> →
/// <c>LogCoshLoss</c>) whose members call the method and its generated gradient (keeping
/// <c>∂ℓ/∂prediction</c>).
/// </remarks>
public interface ILossFunction
{
    /// <summary>The loss <c>ℓ(prediction, target)</c> of one element.</summary>
    static abstract double Value(double prediction, double target);

    /// <summary>The partial derivative <c>∂ℓ/∂prediction</c>.</summary>
    static abstract double Derivative(double prediction, double target);
}
