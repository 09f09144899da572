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
    private readonly OptimizerState _state = new(1);

    /// <summary>Creates the optimizer.</summary>
    /// <param name="learningRate">Step size η &gt; 0.</param>
    /// <param name="momentum">Momentum μ in [0, 1).</param>
    /// <param name="weightDecay">L2 weight decay λ ≥ 0 (applied to every parameter, biases included).</param>
    public Sgd(double learningRate, double momentum = 0.0, double weightDecay = 0.0)
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
    public void Step(IReadOnlyList<Parameter> parameters)
    {
        _state.Bind(parameters);
        for (var p = 0; p < parameters.Count; p++)
        {
            var parameter = parameters[p];
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
