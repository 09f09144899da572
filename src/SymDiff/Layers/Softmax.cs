using System;
using System.Collections.Generic;
using System.Numerics.Tensors;
using SymDiff.Kernels;

namespace SymDiff.Layers;

/// <summary>
/// Row-wise softmax <c>Y[i, j] = exp(X[i, j] − mᵢ) / Σₖ exp(X[i, k] − mᵢ)</c>, <c>mᵢ = maxₖ X[i, k]</c>
/// (so nothing overflows). Backward: <c>∂L/∂X[i, :] = Y[i, :] ⊙ (∂L/∂Y[i, :] − ∂L/∂Y[i, :]·Y[i, :])</c>.
/// </summary>
/// <remarks>
/// To train a classifier, prefer a final <see cref="Dense"/> layer with
/// <see cref="Losses.SoftmaxCrossEntropy"/>, which fuses softmax and log and stays accurate when a
/// probability underflows; this layer is for models whose output must be probabilities. A row with
/// a NaN or +∞ becomes all NaN.
/// </remarks>
public sealed class Softmax : ILayer
{
    /// <summary>Creates the layer for rows of <paramref name="size"/> values.</summary>
    public Softmax(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        InputSize = size;
        OutputSize = size;
        Name = $"Softmax({size})";
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public int InputSize { get; }

    /// <inheritdoc/>
    public int OutputSize { get; }

    /// <inheritdoc/>
    public IReadOnlyList<Parameter> Parameters => [];

    /// <inheritdoc/>
    public void Forward(ReadOnlySpan<double> input, int batchSize, Span<double> output)
    {
        MatrixKernels.SoftmaxRows(input, batchSize, InputSize, output);
    }

    /// <inheritdoc/>
    public void Backward(ReadOnlySpan<double> input, ReadOnlySpan<double> output, ReadOnlySpan<double> outputGradient, int batchSize, Span<double> inputGradient)
    {
        if (inputGradient.IsEmpty)
        {
            return;
        }

        var width = OutputSize;
        MatrixKernels.CheckShape(output, batchSize, width, nameof(output));
        MatrixKernels.CheckShape(outputGradient, batchSize, width, nameof(outputGradient));
        MatrixKernels.CheckShape(inputGradient, batchSize, width, nameof(inputGradient));
        for (var i = 0; i < batchSize; i++)
        {
            var y = output.Slice(i * width, width);
            var dy = outputGradient.Slice(i * width, width);
            var dx = inputGradient.Slice(i * width, width);
            var dot = TensorPrimitives.Dot(dy, y);
            TensorPrimitives.Subtract(dy, dot, dx);
            TensorPrimitives.Multiply(dx, y, dx);
        }
    }
}
