namespace SymDiff.Generator.Differentiation;

/// <summary>
/// The logistic sigmoid as a textbook writes it: σ(u) for <c>1 / (1 + exp(-u))</c>, and its
/// derivative σ·(1 − σ) for the <c>σ / (1 + e) · e</c> that the chain rule leaves.
/// </summary>
internal static class SigmoidForm
{
    /// <summary>u, when <paramref name="id"/> is 1 / (1 + exp(-u)).</summary>
    public static int? Argument(IReadOnlyList<GraphNode> nodes, int id)
        => IsReciprocalOfOnePlus(nodes, id, out _, out var e)
            && nodes[e] is { Operation: Operation.Exp } exp
            && nodes[exp.Operand0] is { Operation: Operation.Negate } negate
            ? negate.Operand0
            : null;

    /// <summary>
    /// Whether <paramref name="id"/> is s = 1 / d with d = 1 + e. Then s/d·e = s·(1 − s), since
    /// e/d = 1 − 1/d: the identity behind σ′ = σ·(1 − σ), exact for any e.
    /// </summary>
    public static bool IsReciprocalOfOnePlus(IReadOnlyList<GraphNode> nodes, int id, out int d, out int e)
    {
        e = -1;
        if (!IsReciprocal(nodes, id, out d) || nodes[d].Operation != Operation.Add)
        {
            return false;
        }

        var sum = nodes[d];
        e = IsOne(nodes[sum.Operand0]) ? sum.Operand1 : IsOne(nodes[sum.Operand1]) ? sum.Operand0 : -1;
        return e >= 0;
    }

    /// <summary>Whether <paramref name="id"/> is s = 1 / d; then s/d = s².</summary>
    public static bool IsReciprocal(IReadOnlyList<GraphNode> nodes, int id, out int d)
    {
        var node = nodes[id];
        d = node.Operand1;
        return node.Operation == Operation.Divide && IsOne(nodes[node.Operand0]);
    }

    private static bool IsOne(GraphNode node) => node.IsConstant && node.Constant == 1.0;
}
