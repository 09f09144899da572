using System;
using System.Collections.Generic;
using SymDiff.Kernels;

namespace SymDiff.Layers;

/// <summary>
/// A fully connected layer <c>Y = X·W + 1·bᵀ</c>: X is <c>batch × inputs</c>, the weights W are
/// <c>inputs × outputs</c> (row-major) and the biases b are <c>outputs</c> long.
/// </summary>
/// <remarks>
/// Backward is the vector–Jacobian product, with no Jacobian formed:
/// <c>∂L/∂X = ∂L/∂Y·Wᵀ</c>, <c>∂L/∂W = Xᵀ·∂L/∂Y</c>, <c>∂L/∂b = Σ_rows ∂L/∂Y</c>.
/// NaN in X, W or b propagates to every output it feeds (IEEE arithmetic; nothing is skipped).
/// </remarks>
public sealed class Dense : ILayer
{
    private readonly Parameter _weights;
    private readonly Parameter _biases;
    private readonly Parameter[] _parameters;

    /// <summary>Creates a layer with zero weights and biases; <see cref="Sequential.Initialize"/> draws the weights.</summary>
    /// <param name="inputs">Values per input row.</param>
    /// <param name="outputs">Values per output row.</param>
    /// <param name="initialization">How <see cref="Initialize"/> draws the weights.</param>
    public Dense(int inputs, int outputs, WeightInitialization initialization = WeightInitialization.He)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputs);
        InputSize = inputs;
        OutputSize = outputs;
        Initialization = initialization;
        _weights = new Parameter("weights", inputs, outputs);
        _biases = new Parameter("biases", 1, outputs);
        _parameters = [_weights, _biases];
        Name = $"Dense({inputs}, {outputs})";
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public int InputSize { get; }

    /// <inheritdoc/>
    public int OutputSize { get; }

    /// <summary>How <see cref="Initialize"/> draws the weights.</summary>
    public WeightInitialization Initialization { get; }

    /// <summary>The weights W, <c>inputs × outputs</c>.</summary>
    public Parameter Weights => _weights;

    /// <summary>The biases b, <c>1 × outputs</c>.</summary>
    public Parameter Biases => _biases;

    /// <inheritdoc/>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <inheritdoc/>
    public void Initialize(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var weights = _weights.Values;
        switch (Initialization)
        {
            case WeightInitialization.He:
                var deviation = Math.Sqrt(2.0 / InputSize);
                for (var i = 0; i < weights.Length; i++)
                {
                    weights[i] = deviation * StandardNormal(random);
                }

                break;
            case WeightInitialization.Xavier:
                var limit = Math.Sqrt(6.0 / (InputSize + OutputSize));
                for (var i = 0; i < weights.Length; i++)
                {
                    weights[i] = limit * (2 * random.NextDouble() - 1);
                }

                break;
            default:
                weights.Clear();
                break;
        }

        _biases.Values.Clear();
    }

    /// <inheritdoc/>
    public void Forward(ReadOnlySpan<double> input, int batchSize, Span<double> output)
    {
        MatrixKernels.MultiplyAddRow(input, _weights.Values, _biases.Values, batchSize, InputSize, OutputSize, output);
    }

    /// <inheritdoc/>
    public void Backward(ReadOnlySpan<double> input, ReadOnlySpan<double> output, ReadOnlySpan<double> outputGradient, int batchSize, Span<double> inputGradient)
    {
        MatrixKernels.TransposedMultiply(input, outputGradient, batchSize, InputSize, OutputSize, _weights.Gradients);
        MatrixKernels.SumRows(outputGradient, batchSize, OutputSize, _biases.Gradients);
        if (!inputGradient.IsEmpty)
        {
            MatrixKernels.MultiplyTransposed(outputGradient, _weights.Values, batchSize, OutputSize, InputSize, inputGradient);
        }
    }

    /// <summary>A standard normal draw by the Box–Muller transform (one of the pair is used).</summary>
    internal static double StandardNormal(Random random)
    {
        var u1 = 1.0 - random.NextDouble(); // (0, 1]: Log never sees 0
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
