using System.Collections.Generic;
using SymDiff.Layers;

namespace SymDiff.Optimizers;

/// <summary>Updates parameters from their gradients, once per batch.</summary>
public interface IOptimizer
{
    /// <summary>A short description for reports, e.g. <c>Adam(lr=0.001)</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Applies one update to every parameter from its <see cref="Parameter.Gradients"/>. State
    /// (momentum, moments) is kept per parameter and allocated on the first step only.
    /// </summary>
    void Step(IReadOnlyList<Parameter> parameters);
}
