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
/// <param name="Symbols">Values of <c>Integer</c> nodes and elements of <c>Element</c> and <c>Store</c> nodes, by payload.</param>
/// <param name="Loops">The loops of <c>Loop</c> and <c>LoopAdjoint</c> nodes, by payload.</param>
internal sealed record DerivativeGraphModel(
    EquatableArray<string> Parameters,
    EquatableArray<GraphNode> Nodes,
    EquatableArray<string> NameHints,
    EquatableArray<string> Literals,
    EquatableArray<int> Values,
    EquatableArray<int> Outputs,
    EquatableArray<CalleeModel> Callees = default,
    EquatableArray<IndexSymbol> Symbols = default,
    EquatableArray<LoopModel> Loops = default)
{
    /// <summary>Backward loop nodes: they write gradient buffers, so they are emitted though nothing reads them.</summary>
    public EquatableArray<int> Effects { get; init; }

    /// <summary>Pairs (element read outside loops, its adjoint), flattened: each adds into the element's gradient buffer.</summary>
    public EquatableArray<int> ElementOutputs { get; init; }

    /// <summary>The real type the code computes in: <c>double</c>, <c>float</c> or a generic <c>T</c>.</summary>
    public string Scalar { get; init; } = "double";

    /// <summary>The vector and index of an <c>Element</c> or <c>Store</c> node.</summary>
    public (string Vector, Ir.IntExpr Index) ElementParts(int id)
    {
        var symbol = Symbols[(int)Nodes[id].Payload];
        return (symbol.Vector, symbol.Index);
    }

    /// <summary>The value of an <c>Integer</c> node.</summary>
    public Ir.IntExpr IntegerValue(int id) => Symbols[(int)Nodes[id].Payload].Index;

    /// <summary>Whether node <paramref name="id"/> is the constant 0.</summary>
    public bool IsZero(int id) => Nodes[id].IsConstant && Nodes[id].Constant == 0.0;

    /// <summary>
    /// Whether node <paramref name="id"/> is zero unless a condition holds (<c>c ? a : 0</c> or <c>c ? 0 : a</c>): an
    /// element's adjoint of this form means the source reads the element in one branch only.
    /// </summary>
    public bool IsGuarded(int id)
        => Nodes[id].Operation == Operation.Select && (IsZero(Nodes[id].Operand1) || IsZero(Nodes[id].Operand2));

    /// <summary>The value of a method returning one double.</summary>
    public int Value => Values[0];
}
