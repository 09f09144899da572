using System;
using System.Collections.Generic;
using SymDiff.Functions;
using SymDiff.Kernels;

namespace SymDiff.Layers;

/// <summary>
/// A fully connected layer <c>Y = f(X·W + 1·bᵀ)</c>: X is <c>batch × inputs</c>, the weights W are
/// <c>inputs × outputs</c> (row-major), the biases b are <c>outputs</c> long, and f is an optional
/// <see cref="ActivationFunction"/> applied elementwise (none: <c>Y = X·W + 1·bᵀ</c>).
/// </summary>
/// <remarks>
/// The weights are drawn when the layer is created (<see cref="WeightInitialization"/>), the biases
/// start at 0. Backward is the vector–Jacobian product, with no Jacobian formed: with
/// <c>Z = X·W + 1·bᵀ</c> and <c>∂L/∂Z = ∂L/∂Y ⊙ f′(Z)</c>, <c>∂L/∂X = ∂L/∂Z·Wᵀ</c>,
/// <c>∂L/∂W = Xᵀ·∂L/∂Z</c>, <c>∂L/∂b = Σ_rows ∂L/∂Z</c>. With an activation the layer keeps Z of the
/// last forward pass for the backward pass (buffers grown only for a larger batch).
/// NaN in X, W or b propagates to every output it feeds (IEEE arithmetic; nothing is skipped).
/// </remarks>
public sealed class Dense : ILayer
{
    private readonly Parameter _weights;
    private readonly Parameter _biases;
    private readonly Parameter[] _parameters;
    private double[] _preActivations = [];
    private double[] _preActivationGradients = [];
    private int _forwardBatchSize = -1;

    /// <summary>Creates the layer with weights drawn from <paramref name="random"/> and zero biases.</summary>
    /// <param name="inputs">Values per input row.</param>
    /// <param name="outputs">Values per output row.</param>
    /// <param name="random">
    /// The generator the weights are drawn from. Pass one generator to every layer of a model to
    /// make the whole model reproducible from one seed.
    /// </param>
    /// <param name="activation">The function applied to each output, or null for none.</param>
    /// <param name="initialization">How the weights are drawn (default He, for ReLU-like activations).</param>
    /// <exception cref="ArgumentOutOfRangeException">A width ≤ 0, or an undefined <paramref name="initialization"/>.</exception>
    public Dense(int inputs, int outputs, Random random, ActivationFunction? activation = null, WeightInitialization initialization = WeightInitialization.He)
        : this(inputs, outputs, activation)
    {
        ArgumentNullException.ThrowIfNull(random);
        InitialWeights.Draw(_weights.Values, inputs, outputs, initialization, random);
    }

    /// <summary>Creates the layer with weights drawn from a generator seeded with <paramref name="seed"/> (the same seed gives the same weights).</summary>
    /// <param name="inputs">Values per input row.</param>
    /// <param name="outputs">Values per output row.</param>
    /// <param name="seed">The seed of the weights' generator.</param>
    /// <param name="activation">The function applied to each output, or null for none.</param>
    /// <param name="initialization">How the weights are drawn (default He, for ReLU-like activations).</param>
    /// <exception cref="ArgumentOutOfRangeException">A width ≤ 0, or an undefined <paramref name="initialization"/>.</exception>
    public Dense(int inputs, int outputs, int seed, ActivationFunction? activation = null, WeightInitialization initialization = WeightInitialization.He)
        : this(inputs, outputs, new Random(seed), activation, initialization)
    {
    }

    private Dense(int inputs, int outputs, ActivationFunction? activation)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputs);
        InputSize = inputs;
        OutputSize = outputs;
        Activation = activation;
        _weights = new Parameter("weights", inputs, outputs);
        _biases = new Parameter("biases", 1, outputs);
        _parameters = [_weights, _biases];
        Name = activation is null ? $"Dense({inputs}, {outputs})" : $"Dense({inputs}, {outputs}, {activation.Name})";
    }

    /// <summary>
    /// Creates the layer with all weights and biases 0: for a linear model trained by gradient
    /// descent, or to fill in values of your own. (Hidden layers need random weights: with equal
    /// weights every unit computes the same and learns the same.)
    /// </summary>
    public static Dense Zeros(int inputs, int outputs, ActivationFunction? activation = null) => new(inputs, outputs, activation);

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public int InputSize { get; }

    /// <inheritdoc/>
    public int OutputSize { get; }

    /// <summary>The function applied to each output, or null for none.</summary>
    public ActivationFunction? Activation { get; }

    /// <summary>The weights W, <c>inputs × outputs</c>.</summary>
    public Parameter Weights => _weights;

    /// <summary>The biases b, <c>1 × outputs</c>.</summary>
    public Parameter Biases => _biases;

    /// <inheritdoc/>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <inheritdoc/>
    public void Forward(ReadOnlySpan<double> input, int batchSize, Span<double> output)
    {
        _forwardBatchSize = -1;
        if (Activation is null)
        {
            MatrixKernels.MultiplyAddRow(input, _weights.Values, _biases.Values, batchSize, InputSize, OutputSize, output);
            return;
        }

        MatrixKernels.CheckShape(output, batchSize, OutputSize, nameof(output));
        var preActivations = Buffer(ref _preActivations, batchSize);
        MatrixKernels.MultiplyAddRow(input, _weights.Values, _biases.Values, batchSize, InputSize, OutputSize, preActivations);
        Activation.Apply(preActivations, output);
        _forwardBatchSize = batchSize;
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">With an activation: the last forward pass was not of <paramref name="batchSize"/> rows.</exception>
    public void Backward(ReadOnlySpan<double> input, ReadOnlySpan<double> output, ReadOnlySpan<double> outputGradient, int batchSize, Span<double> inputGradient)
    {
        var gradient = outputGradient;
        if (Activation is not null)
        {
            if (batchSize != _forwardBatchSize)
            {
                throw new InvalidOperationException(
                    $"{Name}: Backward of {batchSize} rows needs the pre-activations of a Forward pass of {batchSize} rows; the last Forward pass {(_forwardBatchSize < 0 ? "did not complete" : $"had {_forwardBatchSize}")}.");
            }

            MatrixKernels.CheckShape(outputGradient, batchSize, OutputSize, nameof(outputGradient));
            var preActivationGradients = Buffer(ref _preActivationGradients, batchSize);
            Activation.BackPropagate(_preActivations.AsSpan(0, batchSize * OutputSize), outputGradient, preActivationGradients);
            gradient = preActivationGradients;
        }

        MatrixKernels.TransposedMultiply(input, gradient, batchSize, InputSize, OutputSize, _weights.Gradients);
        MatrixKernels.SumRows(gradient, batchSize, OutputSize, _biases.Gradients);
        if (!inputGradient.IsEmpty)
        {
            MatrixKernels.MultiplyTransposed(gradient, _weights.Values, batchSize, OutputSize, InputSize, inputGradient);
        }
    }

    /// <summary><c>batchSize × OutputSize</c> values of <paramref name="buffer"/>, grown first if it is too small.</summary>
    private Span<double> Buffer(ref double[] buffer, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var length = batchSize * OutputSize;
        if (buffer.Length < length)
        {
            buffer = new double[length];
        }

        return buffer.AsSpan(0, length);
    }
}
