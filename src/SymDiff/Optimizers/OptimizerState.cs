using System;
using System.Collections.Generic;
using SymDiff.Layers;

namespace SymDiff.Optimizers;

/// <summary>
/// Per-parameter state buffers of an optimizer (<paramref name="buffersPerParameter"/> arrays the
/// size of each parameter), allocated on the first step and again only if the parameter list changes.
/// </summary>
internal sealed class OptimizerState(int buffersPerParameter)
{
    private Parameter[] _bound = [];
    private double[][] _buffers = [];

    /// <summary>Binds to <paramref name="parameters"/>; returns true when the state was (re)created, i.e. zeroed.</summary>
    public bool Bind(IReadOnlyList<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count == _bound.Length)
        {
            var same = true;
            for (var i = 0; i < _bound.Length && same; i++)
            {
                same = ReferenceEquals(parameters[i], _bound[i]);
            }

            if (same)
            {
                return false;
            }
        }

        _bound = new Parameter[parameters.Count];
        _buffers = new double[parameters.Count * buffersPerParameter][];
        for (var i = 0; i < parameters.Count; i++)
        {
            _bound[i] = parameters[i];
            for (var b = 0; b < buffersPerParameter; b++)
            {
                _buffers[i * buffersPerParameter + b] = new double[parameters[i].Length];
            }
        }

        return true;
    }

    /// <summary>State buffer <paramref name="buffer"/> of parameter <paramref name="parameter"/>.</summary>
    public Span<double> Buffer(int parameter, int buffer) => _buffers[parameter * buffersPerParameter + buffer];
}
