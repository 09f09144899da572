using System;
using System.Collections.Generic;
using System.Linq;

namespace SymDiff.Layers;

/// <summary>
/// A model made of layers applied one after another. It owns the buffers between layers (grown
/// only when a larger batch arrives), so forward and backward passes allocate nothing once warm.
/// </summary>
/// <remarks>
/// With <see cref="CheckFinite"/> on (the default) it checks the input, every layer's output,
/// the output gradient and every layer's gradients for NaN and ∞, and throws a
/// <see cref="NonFiniteValueException"/> naming the first layer where one appears.
/// </remarks>
public sealed class Sequential
{
    private readonly ILayer[] _layers;
    private readonly Parameter[] _parameters;
    private readonly string[] _parameterNames;
    private readonly string[] _locations;
    private readonly double[][] _values;
    private readonly double[][] _gradients;
    private int _capacity;
    private int _forwardBatchSize = -1;

    /// <summary>Composes <paramref name="layers"/>; each layer's output width must equal the next one's input width.</summary>
    /// <exception cref="ArgumentException">No layers, or two adjacent layers of different widths.</exception>
    public Sequential(params ILayer[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Length == 0)
        {
            throw new ArgumentException("A Sequential model needs at least one layer.", nameof(layers));
        }

        for (var i = 0; i < layers.Length; i++)
        {
            if (layers[i] is null)
            {
                throw new ArgumentException($"Layer {i} is null.", nameof(layers));
            }

            if (i > 0 && layers[i - 1].OutputSize != layers[i].InputSize)
            {
                throw new ArgumentException(
                    $"Shape mismatch: layer {i - 1} {layers[i - 1].Name} outputs {layers[i - 1].OutputSize} values per row, but layer {i} {layers[i].Name} takes {layers[i].InputSize}.",
                    nameof(layers));
            }
        }

        _layers = (ILayer[])layers.Clone();
        _locations = _layers.Select((layer, i) => $"layer {i} {layer.Name}").ToArray();
        _parameters = _layers.SelectMany(layer => layer.Parameters).ToArray();
        _parameterNames = _layers.SelectMany((layer, i) => layer.Parameters.Select(p => $"{_locations[i]} {p.Name}")).ToArray();
        _values = new double[_layers.Length + 1][];
        _gradients = new double[_layers.Length + 1][];
        Array.Fill(_values, Array.Empty<double>());
        Array.Fill(_gradients, Array.Empty<double>());
    }

    /// <summary>The layers, in order.</summary>
    public IReadOnlyList<ILayer> Layers => _layers;

    /// <summary>Every layer's parameters, in layer order.</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>Values per input row.</summary>
    public int InputSize => _layers[0].InputSize;

    /// <summary>Values per output row.</summary>
    public int OutputSize => _layers[^1].OutputSize;

    /// <summary>Whether passes check for NaN and ∞ (default true; the check is one vectorised sum per buffer).</summary>
    public bool CheckFinite { get; set; } = true;

    /// <summary>The parameter's full name for reports, e.g. <c>layer 0 Dense(64, 10) weights</c>.</summary>
    public string ParameterName(int index) => _parameterNames[index];

    /// <summary>
    /// Runs <paramref name="batchSize"/> rows through every layer and returns the output rows
    /// (<c>batchSize × OutputSize</c>, valid until the next pass). Keeps what
    /// <see cref="Backward"/> needs.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="input"/> is not <c>batchSize × InputSize</c> values.</exception>
    /// <exception cref="NonFiniteValueException">A NaN or ∞ in the input or in a layer's output.</exception>
    public ReadOnlySpan<double> Forward(ReadOnlySpan<double> input, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        if (input.Length != batchSize * InputSize)
        {
            throw new ArgumentException(
                $"Shape mismatch: the input has {input.Length} values; {_locations[0]} expects batchSize {batchSize} × {InputSize} = {batchSize * InputSize}.",
                nameof(input));
        }

        EnsureCapacity(batchSize);
        _forwardBatchSize = -1;
        var current = _values[0].AsSpan(0, input.Length);
        input.CopyTo(current);
        if (CheckFinite)
        {
            FiniteCheck.ThrowIfNonFinite(current, InputSize, "input", "the input batch");
        }

        for (var i = 0; i < _layers.Length; i++)
        {
            var layer = _layers[i];
            var output = _values[i + 1].AsSpan(0, batchSize * layer.OutputSize);
            layer.Forward(current, batchSize, output);
            if (CheckFinite)
            {
                FiniteCheck.ThrowIfNonFinite(output, layer.OutputSize, _locations[i], "forward pass, output");
            }

            current = output;
        }

        _forwardBatchSize = batchSize;
        return current;
    }

    /// <summary>
    /// Back-propagates <c>∂L/∂output</c> of the last <see cref="Forward"/> batch through every layer,
    /// writing each parameter's <see cref="Parameter.Gradients"/>, and returns <c>∂L/∂input</c>
    /// (<c>batchSize × InputSize</c>), or an empty span when <paramref name="inputGradient"/> is false.
    /// </summary>
    /// <exception cref="InvalidOperationException">No forward pass of the same batch size came first.</exception>
    /// <exception cref="ArgumentException"><paramref name="outputGradient"/> is not <c>batchSize × OutputSize</c> values.</exception>
    /// <exception cref="NonFiniteValueException">A NaN or ∞ in the output gradient or in a layer's gradients.</exception>
    public ReadOnlySpan<double> Backward(ReadOnlySpan<double> outputGradient, bool inputGradient = true)
    {
        var batchSize = _forwardBatchSize;
        if (batchSize <= 0)
        {
            throw new InvalidOperationException("Backward needs a successful Forward pass first (its inputs and outputs are what Backward differentiates).");
        }

        if (outputGradient.Length != batchSize * OutputSize)
        {
            throw new ArgumentException(
                $"Shape mismatch: the output gradient has {outputGradient.Length} values; the last forward pass produced batchSize {batchSize} × {OutputSize} = {batchSize * OutputSize}.",
                nameof(outputGradient));
        }

        var last = _layers.Length;
        var current = _gradients[last].AsSpan(0, outputGradient.Length);
        outputGradient.CopyTo(current);
        if (CheckFinite)
        {
            FiniteCheck.ThrowIfNonFinite(current, OutputSize, "output gradient", "∂loss/∂output passed to Backward");
        }

        for (var i = last - 1; i >= 0; i--)
        {
            var layer = _layers[i];
            var wantInput = i > 0 || inputGradient;
            var destination = wantInput ? _gradients[i].AsSpan(0, batchSize * layer.InputSize) : Span<double>.Empty;
            layer.Backward(
                _values[i].AsSpan(0, batchSize * layer.InputSize),
                _values[i + 1].AsSpan(0, batchSize * layer.OutputSize),
                current,
                batchSize,
                destination);
            if (CheckFinite)
            {
                CheckLayerGradients(i, layer, destination);
            }

            current = destination;
        }

        return current;
    }

    /// <summary>
    /// Computes the outputs of <paramref name="count"/> input rows into <paramref name="destination"/>
    /// (<c>count × OutputSize</c>), in batches of at most <paramref name="batchSize"/> rows.
    /// </summary>
    public void Predict(ReadOnlySpan<double> input, int count, Span<double> destination, int batchSize = 256)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        Kernels.MatrixKernels.CheckShape(input, count, InputSize, nameof(input));
        Kernels.MatrixKernels.CheckShape(destination, count, OutputSize, nameof(destination));
        for (var start = 0; start < count; start += batchSize)
        {
            var rows = Math.Min(batchSize, count - start);
            Forward(input.Slice(start * InputSize, rows * InputSize), rows)
                .CopyTo(destination.Slice(start * OutputSize, rows * OutputSize));
        }
    }

    private void CheckLayerGradients(int index, ILayer layer, ReadOnlySpan<double> inputGradient)
    {
        var parameters = layer.Parameters;
        for (var p = 0; p < parameters.Count; p++)
        {
            var parameter = parameters[p];
            FiniteCheck.ThrowIfNonFinite(parameter.Gradients, parameter.Columns, _locations[index], "backward pass, gradient of ", parameter.Name);
        }

        if (!inputGradient.IsEmpty)
        {
            FiniteCheck.ThrowIfNonFinite(inputGradient, layer.InputSize, _locations[index], "backward pass, gradient of the input");
        }
    }

    private void EnsureCapacity(int batchSize)
    {
        if (batchSize <= _capacity)
        {
            return;
        }

        _values[0] = new double[batchSize * InputSize];
        _gradients[0] = new double[batchSize * InputSize];
        for (var i = 0; i < _layers.Length; i++)
        {
            _values[i + 1] = new double[batchSize * _layers[i].OutputSize];
            _gradients[i + 1] = new double[batchSize * _layers[i].OutputSize];
        }

        _capacity = batchSize;
    }
}
