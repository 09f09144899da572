namespace SymDiff.Generator.Differentiation;

/// <summary>
/// What a reverse sweep needs to differentiate a method writing output vectors: the effect nodes of the
/// graph being swept (writes <c>y[i] = e</c> and loops that make some) and, per output vector, the vector
/// of weights u: a write's value gets the adjoint u[i], so the sweep computes uᵀJ.
/// </summary>
internal sealed class OutputWeights
{
    private readonly IReadOnlyDictionary<string, string> _weights;

    public OutputWeights(IReadOnlyList<int> effects, IReadOnlyDictionary<string, string> weights)
    {
        Effects = effects;
        _weights = weights;
    }

    public IReadOnlyList<int> Effects { get; }

    /// <summary>The same weights for a loop body's own effects.</summary>
    public OutputWeights Inside(IReadOnlyList<int> bodyEffects) => new(bodyEffects, _weights);

    /// <summary>u[i] for the write <paramref name="store"/> to y[i]: an element of y's weight vector.</summary>
    public int Weight(GraphAlgebra g, int store)
    {
        var graph = g.Graph;
        return graph.Intern(new GraphNode(Operation.Element, Payload: graph.SameIndexIn(store, _weights[graph.VectorOf(store)])));
    }
}
