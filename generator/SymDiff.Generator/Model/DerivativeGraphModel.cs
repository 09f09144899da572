namespace SymDiff.Generator.Model;

/// <summary>
/// One generated method's DAG, pruned to what its outputs reach and numbered in topological order
/// (operands before users).
/// </summary>
/// <param name="Parameters">Name of each <c>Parameter</c> node by index (source parameters, then any tangents).</param>
/// <param name="Nodes">The nodes.</param>
/// <param name="NameHints">Per node, a source local's name to give it, or empty.</param>
/// <param name="Literals">Per constant node, the double literal the source wrote for it, or empty.</param>
/// <param name="Values">Nodes holding the method's value (several for a tuple).</param>
/// <param name="Outputs">Nodes written to the method's outputs, in order.</param>
/// <param name="Callees">The methods called by <c>CallGradient</c> nodes, by payload.</param>
internal sealed record DerivativeGraphModel(
    EquatableArray<string> Parameters,
    EquatableArray<GraphNode> Nodes,
    EquatableArray<string> NameHints,
    EquatableArray<string> Literals,
    EquatableArray<int> Values,
    EquatableArray<int> Outputs,
    EquatableArray<CalleeModel> Callees = default)
{
    /// <summary>The value of a method returning one double.</summary>
    public int Value => Values[0];
}
