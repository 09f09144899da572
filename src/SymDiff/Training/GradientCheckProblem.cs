using System;
using System.Collections.Generic;
using SymDiff.Layers;
using SymDiff.Losses;

namespace SymDiff.Training;

/// <summary>A model, loss and batch with the analytic gradients computed once, and the loss re-evaluated on demand.</summary>
internal sealed class GradientCheckProblem
{
    private readonly Sequential _model;
    private readonly ILoss _loss;
    private readonly double[] _input;
    private readonly double[] _target;
    private readonly int _batchSize;
    private readonly double[][] _originals;

    public GradientCheckProblem(Sequential model, ILoss loss, ReadOnlySpan<double> input, ReadOnlySpan<double> target, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(loss);
        _model = model;
        _loss = loss;
        _input = input.ToArray();
        _target = target.ToArray();
        _batchSize = batchSize;

        var output = model.Forward(_input, batchSize);
        var outputGradient = new double[output.Length];
        loss.Gradient(output, _target, batchSize, outputGradient);
        var inputGradient = model.Backward(outputGradient, inputGradient: true).ToArray();

        var parameters = model.Parameters;
        for (var p = 0; p < parameters.Count; p++)
        {
            Names.Add(model.ParameterName(p));
            Tensors.Add(parameters[p].ValuesArray);
            Analytic.Add(parameters[p].Gradients.ToArray());
        }

        Names.Add("input");
        Tensors.Add(_input);
        Analytic.Add(inputGradient);
        _originals = Tensors.ConvertAll(t => (double[])t.Clone()).ToArray();
    }

    public List<string> Names { get; } = [];

    public List<double[]> Tensors { get; } = [];

    public List<double[]> Analytic { get; } = [];

    public double Loss() => _loss.Value(_model.Forward(_input, _batchSize), _target, _batchSize);

    public void Restore()
    {
        for (var t = 0; t < Tensors.Count; t++)
        {
            _originals[t].CopyTo(Tensors[t], 0);
        }
    }
}
