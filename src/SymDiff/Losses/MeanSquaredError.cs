using System;
using System.Numerics.Tensors;

namespace SymDiff.Losses;

/// <summary>
/// Mean squared error over every element: <c>L = (1 / (B·n))·Σᵢⱼ (Pᵢⱼ − Tᵢⱼ)²</c> for B rows of n
/// values; <c>∂L/∂Pᵢⱼ = 2·(Pᵢⱼ − Tᵢⱼ) / (B·n)</c>. A NaN in P or T gives a NaN loss and a NaN
/// gradient element at its position.
/// </summary>
public sealed class MeanSquaredError : ILoss
{
    /// <inheritdoc/>
    public string Name => "MeanSquaredError";

    /// <inheritdoc/>
    public double Value(ReadOnlySpan<double> prediction, ReadOnlySpan<double> target, int batchSize)
    {
        LossShape.Width(Name, prediction, target, batchSize);
        var sum = 0.0;
        for (var i = 0; i < prediction.Length; i++)
        {
            var d = prediction[i] - target[i];
            sum += d * d;
        }

        return sum / prediction.Length;
    }

    /// <inheritdoc/>
    public double Gradient(ReadOnlySpan<double> prediction, ReadOnlySpan<double> target, int batchSize, Span<double> gradient)
    {
        LossShape.Width(Name, prediction, target, batchSize);
        LossShape.CheckGradient(Name, prediction, gradient);
        TensorPrimitives.Subtract(prediction, target, gradient);
        var loss = TensorPrimitives.SumOfSquares<double>(gradient) / prediction.Length;
        TensorPrimitives.Multiply(gradient, 2.0 / prediction.Length, gradient);
        return loss;
    }
}
