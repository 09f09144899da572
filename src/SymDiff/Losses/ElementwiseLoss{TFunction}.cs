using System;
using SymDiff.Functions;

namespace SymDiff.Losses;

/// <summary>
/// The mean of a per-element loss over every element: <c>L = (1 / (B·n))·Σᵢⱼ ℓ(Pᵢⱼ, Tᵢⱼ)</c>,
/// <c>∂L/∂Pᵢⱼ = ℓ′(Pᵢⱼ, Tᵢⱼ) / (B·n)</c>, where ℓ is any <see cref="ILossFunction"/> — usually a
/// struct over a user's <c>[Differentiable]</c> method of (prediction, target) and its generated
/// gradient. NaN behaviour is ℓ's own.
/// </summary>
/// <remarks>Generic over a struct, so ℓ and ℓ′ are inlined into the loops (no delegate per element).</remarks>
/// <typeparam name="TFunction">The per-element loss.</typeparam>
public sealed class ElementwiseLoss<TFunction> : ILoss
    where TFunction : struct, ILossFunction
{
    /// <inheritdoc/>
    public string Name { get; } = $"ElementwiseLoss<{typeof(TFunction).Name}>";

    /// <inheritdoc/>
    public double Value(ReadOnlySpan<double> prediction, ReadOnlySpan<double> target, int batchSize)
    {
        LossShape.Width(Name, prediction, target, batchSize);
        var sum = 0.0;
        for (var i = 0; i < prediction.Length; i++)
        {
            sum += TFunction.Value(prediction[i], target[i]);
        }

        return sum / prediction.Length;
    }

    /// <inheritdoc/>
    public double Gradient(ReadOnlySpan<double> prediction, ReadOnlySpan<double> target, int batchSize, Span<double> gradient)
    {
        LossShape.Width(Name, prediction, target, batchSize);
        LossShape.CheckGradient(Name, prediction, gradient);
        var scale = 1.0 / prediction.Length;
        var sum = 0.0;
        for (var i = 0; i < prediction.Length; i++)
        {
            sum += TFunction.Value(prediction[i], target[i]);
            gradient[i] = TFunction.Derivative(prediction[i], target[i]) * scale;
        }

        return sum * scale;
    }
}
