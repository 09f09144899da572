using System;
using System.Collections.Generic;

namespace SymDiff.Layers;

/// <summary>
/// One differentiable stage of a <see cref="Sequential"/> model, mapping a batch of rows of
/// <see cref="InputSize"/> values to rows of <see cref="OutputSize"/> values.
/// </summary>
/// <remarks>
/// Batches are contiguous row-major buffers: <c>batchSize × width</c> values. The model passes the
/// forward pass's input and output back into <see cref="Backward"/>; a layer that needs more (a
/// <see cref="Dense"/> layer with an activation needs its pre-activations) keeps it in buffers of its
/// own, grown only for a larger batch. Neither method may allocate otherwise. A layer's parameters get
/// their initial values when it is created.
/// </remarks>
public interface ILayer
{
    /// <summary>A short description used in messages and model files, e.g. <c>Dense(64, 10)</c>.</summary>
    string Name { get; }

    /// <summary>Values per input row.</summary>
    int InputSize { get; }

    /// <summary>Values per output row.</summary>
    int OutputSize { get; }

    /// <summary>The trainable tensors (empty for a layer without any).</summary>
    IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Computes the output rows of <paramref name="batchSize"/> input rows into <paramref name="output"/>.</summary>
    void Forward(ReadOnlySpan<double> input, int batchSize, Span<double> output);

    /// <summary>
    /// The vector–Jacobian product: given <c>∂L/∂output</c>, writes <c>∂L/∂input</c> into
    /// <paramref name="inputGradient"/> (skipped when it is empty) and <c>∂L/∂parameter</c> into
    /// each <see cref="Parameter.Gradients"/> (overwritten, not accumulated).
    /// </summary>
    /// <param name="input">The input of the matching <see cref="Forward"/> call.</param>
    /// <param name="output">The output of the matching <see cref="Forward"/> call.</param>
    /// <param name="outputGradient"><c>∂L/∂output</c>, <c>batchSize × OutputSize</c>.</param>
    /// <param name="batchSize">Rows in the batch.</param>
    /// <param name="inputGradient">Receives <c>∂L/∂input</c>, <c>batchSize × InputSize</c>, or empty.</param>
    void Backward(ReadOnlySpan<double> input, ReadOnlySpan<double> output, ReadOnlySpan<double> outputGradient, int batchSize, Span<double> inputGradient);
}
