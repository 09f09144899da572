using System.Collections.Generic;
using SymDiff.Layers;

namespace SymDiff.Optimizers;

/// <summary>
/// Updates a fixed list of parameters from their gradients, once per batch. The parameters are
/// given when the optimizer is created, which is also when its state (momentum, moments) is allocated.
/// </summary>
public interface IOptimizer
{
    /// <summary>A short description for reports, e.g. <c>Adam(lr=0.001)</c>.</summary>
    string Name { get; }

    /// <summary>The parameters this optimizer updates, in the order it was given them.</summary>
    IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Applies one update to every parameter from its <see cref="Parameter.Gradients"/>; allocates nothing.</summary>
    void Step();
}
