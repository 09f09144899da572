using System;
using System.Collections.Generic;
using SymDiff.Layers;

namespace SymDiff.Optimizers;

/// <summary>
/// The parameters an optimizer updates and its per-parameter state: a few zeroed arrays the size of
/// each parameter, allocated once, when the optimizer is created.
/// </summary>
internal sealed class OptimizerState
{
    private readonly Parameter[] _parameters;
    private readonly double[][] _buffers;
    private readonly int _buffersPerParameter;

    /// <exception cref="ArgumentException">No parameters, a null one, or one listed twice.</exception>
    public OptimizerState(IReadOnlyList<Parameter> parameters, int buffersPerParameter)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count == 0)
        {
            throw new ArgumentException("The optimizer was given no parameters to update.", nameof(parameters));
        }

        var seen = new Dictionary<Parameter, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i] ?? throw new ArgumentException($"Parameter {i} is null.", nameof(parameters));
            if (!seen.TryAdd(parameter, i))
            {
                throw new ArgumentException(
                    $"Parameter {i} ({parameter.Name}) is the same object as parameter {seen[parameter]}; each step would update it twice.",
                    nameof(parameters));
            }
        }

        _parameters = [.. parameters];
        _buffersPerParameter = buffersPerParameter;
        _buffers = new double[_parameters.Length * buffersPerParameter][];
        for (var i = 0; i < _buffers.Length; i++)
        {
            _buffers[i] = new double[_parameters[i / buffersPerParameter].Length];
        }
    }

    /// <summary>The parameters, as given.</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>Number of parameters.</summary>
    public int Count => _parameters.Length;

    /// <summary>Parameter <paramref name="index"/>.</summary>
    public Parameter this[int index] => _parameters[index];

    /// <summary>State buffer <paramref name="buffer"/> of parameter <paramref name="parameter"/>.</summary>
    public Span<double> Buffer(int parameter, int buffer) => _buffers[parameter * _buffersPerParameter + buffer];
}
