using System;
using System.Collections.Generic;
using System.Globalization;
using SymDiff.Layers;

namespace SymDiff.Optimizers;

/// <summary>
/// Adam (Kingma &amp; Ba, 2015): with gradient g at step t,
/// <c>m ← β₁·m + (1 − β₁)·g</c>, <c>v ← β₂·v + (1 − β₂)·g²</c>,
/// <c>θ ← θ − η·m̂ / (√v̂ + ε)</c> where <c>m̂ = m / (1 − β₁ᵗ)</c> and <c>v̂ = v / (1 − β₂ᵗ)</c>.
/// A NaN gradient makes the moments and the parameter NaN (the model's checks report it first).
/// </summary>
public sealed class Adam : IOptimizer
{
    private readonly OptimizerState _state;
    private long _step;

    /// <summary>Creates the optimizer for <paramref name="parameters"/> (usually a model's <see cref="Sequential.Parameters"/>), with the usual defaults.</summary>
    /// <param name="parameters">The parameters to update; the list is copied.</param>
    /// <param name="learningRate">Step size η &gt; 0.</param>
    /// <param name="beta1">Decay β₁ of the first moment, in [0, 1).</param>
    /// <param name="beta2">Decay β₂ of the second moment, in [0, 1).</param>
    /// <param name="epsilon">ε ≥ 0 added to √v̂ (with 0, a zero gradient gives 0/0 = NaN).</param>
    /// <exception cref="ArgumentException">No parameters, a null one, or one listed twice.</exception>
    public Adam(IReadOnlyList<Parameter> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        if (!(learningRate > 0) || !double.IsFinite(learningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be a positive finite number.");
        }

        if (!(beta1 >= 0 && beta1 < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "beta1 must be in [0, 1).");
        }

        if (!(beta2 >= 0 && beta2 < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(beta2), beta2, "beta2 must be in [0, 1).");
        }

        if (!(epsilon >= 0) || !double.IsFinite(epsilon))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "epsilon must be a finite number ≥ 0.");
        }

        LearningRate = learningRate;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        _state = new OptimizerState(parameters, buffersPerParameter: 2);
    }

    /// <summary>Step size η.</summary>
    public double LearningRate { get; }

    /// <summary>First-moment decay β₁.</summary>
    public double Beta1 { get; }

    /// <summary>Second-moment decay β₂.</summary>
    public double Beta2 { get; }

    /// <summary>ε added to the denominator.</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    public string Name => string.Create(CultureInfo.InvariantCulture, $"Adam(lr={LearningRate}, beta1={Beta1}, beta2={Beta2})");

    /// <inheritdoc/>
    public IReadOnlyList<Parameter> Parameters => _state.Parameters;

    /// <inheritdoc/>
    public void Step()
    {
        _step++;
        var correction1 = 1 - Math.Pow(Beta1, _step);
        var correction2 = 1 - Math.Pow(Beta2, _step);
        var stepSize = LearningRate / correction1;
        var rootCorrection2 = Math.Sqrt(correction2);
        for (var p = 0; p < _state.Count; p++)
        {
            var values = _state[p].Values;
            ReadOnlySpan<double> gradients = _state[p].Gradients;
            var m = _state.Buffer(p, 0);
            var v = _state.Buffer(p, 1);
            for (var i = 0; i < values.Length; i++)
            {
                var g = gradients[i];
                m[i] = Beta1 * m[i] + (1 - Beta1) * g;
                v[i] = Beta2 * v[i] + (1 - Beta2) * g * g;
                values[i] -= stepSize * m[i] / (Math.Sqrt(v[i]) / rootCorrection2 + Epsilon);
            }
        }
    }
}
