using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics.Tensors;
using SymDiff.Layers;

namespace SymDiff.Optimizers;

/// <summary>
/// Stochastic gradient descent with (heavy-ball) momentum and L2 weight decay, as PyTorch's
/// <c>SGD</c>: <c>g′ = g + λ·θ</c>, <c>v ← μ·v + g′</c>, <c>θ ← θ − η·v</c> (with μ = λ = 0 this is plain
/// <c>θ ← θ − η·g</c>).
/// A NaN gradient makes the velocity and the parameter NaN (the model's checks report it first).
/// </summary>
public sealed class Sgd : IOptimizer
{
    private readonly OptimizerState _state;

    /// <summary>Creates the optimizer for <paramref name="parameters"/> (usually a model's <see cref="Sequential.Parameters"/>).</summary>
    /// <param name="parameters">The parameters to update; the list is copied.</param>
    /// <param name="learningRate">Step size η &gt; 0.</param>
    /// <param name="momentum">Momentum μ in [0, 1).</param>
    /// <param name="weightDecay">L2 weight decay λ ≥ 0 (applied to every parameter, biases included).</param>
    /// <exception cref="ArgumentException">No parameters, a null one, or one listed twice.</exception>
    public Sgd(IReadOnlyList<Parameter> parameters, double learningRate, double momentum = 0.0, double weightDecay = 0.0)
    {
        if (!(learningRate > 0) || !double.IsFinite(learningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be a positive finite number.");
        }

        if (!(momentum >= 0 && momentum < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "Momentum must be in [0, 1).");
        }

        if (!(weightDecay >= 0) || !double.IsFinite(weightDecay))
        {
            throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, "Weight decay must be a finite number ≥ 0.");
        }

        LearningRate = learningRate;
        Momentum = momentum;
        WeightDecay = weightDecay;
        _state = new OptimizerState(parameters, buffersPerParameter: momentum == 0 ? 0 : 1);
    }

    /// <summary>Step size η.</summary>
    public double LearningRate { get; }

    /// <summary>Momentum μ.</summary>
    public double Momentum { get; }

    /// <summary>L2 weight decay λ.</summary>
    public double WeightDecay { get; }

    /// <inheritdoc/>
    public string Name => string.Create(CultureInfo.InvariantCulture, $"Sgd(lr={LearningRate}, momentum={Momentum}, weightDecay={WeightDecay})");

    /// <inheritdoc/>
    public IReadOnlyList<Parameter> Parameters => _state.Parameters;

    /// <inheritdoc/>
    public void Step()
    {
        for (var p = 0; p < _state.Count; p++)
        {
            var parameter = _state[p];
            if (WeightDecay != 0)
            {
                TensorPrimitives.MultiplyAdd(parameter.Values, WeightDecay, parameter.Gradients, parameter.Gradients);
            }

            if (Momentum == 0)
            {
                TensorPrimitives.MultiplyAdd(parameter.Gradients, -LearningRate, parameter.Values, parameter.Values);
                continue;
            }

            var velocity = _state.Buffer(p, 0);
            TensorPrimitives.MultiplyAdd(velocity, Momentum, parameter.Gradients, velocity);
            TensorPrimitives.MultiplyAdd(velocity, -LearningRate, parameter.Values, parameter.Values);
        }
    }
}
