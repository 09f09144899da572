using System;
using System.Numerics.Tensors;

namespace SymDiff.Losses;

/// <summary>
/// Softmax followed by cross-entropy, fused: for logits z and a target distribution t per row,
/// <c>ℓ = logsumexp(z) − Σⱼ tⱼ·zⱼ</c> (= −Σⱼ tⱼ·log softmax(z)ⱼ when Σt = 1) and
/// <c>∂ℓ/∂zⱼ = softmax(z)ⱼ·Σₖ tₖ − tⱼ</c>; the loss is the mean of ℓ over the B rows, so the gradient
/// is divided by B.
/// </summary>
/// <remarks>
/// The model's last layer should output logits (a <see cref="Layers.Dense"/> layer, not a softmax).
/// logsumexp is computed as <c>m + log Σ exp(zⱼ − m)</c> with <c>m = max z</c>: nothing overflows and
/// a probability that underflows to 0 still gives a finite loss (<c>log softmax</c> is never taken of
/// a rounded probability). Targets are usually one-hot rows. A NaN or +∞ logit makes its row's loss
/// and gradient NaN.
/// </remarks>
public sealed class SoftmaxCrossEntropy : ILoss
{
    /// <inheritdoc/>
    public string Name => "SoftmaxCrossEntropy";

    /// <inheritdoc/>
    public double Value(ReadOnlySpan<double> prediction, ReadOnlySpan<double> target, int batchSize)
    {
        var width = LossShape.Width(Name, prediction, target, batchSize);
        var total = 0.0;
        for (var i = 0; i < batchSize; i++)
        {
            var z = prediction.Slice(i * width, width);
            var t = target.Slice(i * width, width);
            total += LogSumExp(z) * TensorPrimitives.Sum(t) - TensorPrimitives.Dot(t, z);
        }

        return total / batchSize;
    }

    /// <inheritdoc/>
    public double Gradient(ReadOnlySpan<double> prediction, ReadOnlySpan<double> target, int batchSize, Span<double> gradient)
    {
        var width = LossShape.Width(Name, prediction, target, batchSize);
        LossShape.CheckGradient(Name, prediction, gradient);
        var total = 0.0;
        var scale = 1.0 / batchSize;
        for (var i = 0; i < batchSize; i++)
        {
            var z = prediction.Slice(i * width, width);
            var t = target.Slice(i * width, width);
            var g = gradient.Slice(i * width, width);
            var max = TensorPrimitives.Max(z);
            TensorPrimitives.Subtract(z, max, g);
            TensorPrimitives.Exp(g, g);
            var sum = TensorPrimitives.Sum<double>(g);
            var mass = TensorPrimitives.Sum(t);
            total += (max + Math.Log(sum)) * mass - TensorPrimitives.Dot(t, z);

            // g = (softmax(z)·mass − t) / B
            TensorPrimitives.Multiply(g, mass * scale / sum, g);
            TensorPrimitives.MultiplyAdd(t, -scale, g, g);
        }

        return total / batchSize;
    }

    private static double LogSumExp(ReadOnlySpan<double> z)
    {
        var max = TensorPrimitives.Max(z);
        var sum = 0.0;
        for (var j = 0; j < z.Length; j++)
        {
            sum += Math.Exp(z[j] - max);
        }

        return max + Math.Log(sum);
    }
}
