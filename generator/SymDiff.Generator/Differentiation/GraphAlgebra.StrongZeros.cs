namespace SymDiff.Generator.Differentiation;

/// <summary>
/// The static facts behind <see cref="GraphAlgebra.Scale"/>'s strong zeros: which adjoints may be zero at run time
/// without being symbolic zeros, and which values may be infinite or NaN although the inputs are finite.
/// </summary>
internal sealed partial class GraphAlgebra
{
    /// <summary>
    /// Marks <paramref name="id"/> as an adjoint that may be zero at run time without being a symbolic zero: the seed of
    /// a loop body's backward sweep (a carried value never read again has adjoint 0 on every iteration).
    /// </summary>
    public void MarkMayVanish(int id)
    {
        if (_vanishing.Add(id))
        {
            _mayVanish.Clear();
        }
    }

    private readonly HashSet<int> _vanishing = new();

    // Products built inside a strong-zero guard, where the adjoint is known not to be zero.
    private readonly HashSet<int> _guardedProducts = new();

    /// <summary>
    /// Whether adjoint <paramref name="id"/> may be exactly zero at run time: a conditional with a zero branch, a loop
    /// sweep's seed, an adjoint a backward loop returns (its seeds may be), a product with one of those, or a sum of two.
    /// </summary>
    public bool MayVanish(int id)
    {
        if (_mayVanish.TryGetValue(id, out var known))
        {
            return known;
        }

        var node = Node(id);
        var result = !_guardedProducts.Contains(id) && (IsZero(id) || _vanishing.Contains(id) || node.Operation switch
        {
            Operation.LoopResult => Graph.Is(node.Operand0, Operation.LoopAdjoint) && LoopAdjointMayVanish(node.Operand0, (int)node.Payload),
            Operation.Select => MayVanish(node.Operand1) || MayVanish(node.Operand2),
            Operation.Add or Operation.Subtract => MayVanish(node.Operand0) && MayVanish(node.Operand1),
            Operation.Multiply => MayVanish(node.Operand0) || MayVanish(node.Operand1),
            Operation.Negate or Operation.Divide => MayVanish(node.Operand0),
            _ => false,
        });
        _mayVanish[id] = result;
        return result;
    }

    private readonly System.Collections.Generic.Dictionary<int, bool> _mayVanish = new();

    /// <summary>
    /// Whether result <paramref name="j"/> of backward loop <paramref name="backward"/> may be zero at run time: the adjoint
    /// of a captured value is (a loop that runs no iteration sums none), and so is every result when a seed of the
    /// loop's body may be, or the adjoint of a final value (a sweep skipped where its seeds are zero).
    /// </summary>
    private bool LoopAdjointMayVanish(int backward, int j)
    {
        var node = Node(backward);
        var loop = Graph.Loops[(int)node.Payload];
        return j >= loop.StateNames.Count || loop.Reverse?.VanishingSeeds.Any(v => v) != false
            || Enumerable.Range(1, loop.StateNames.Count).Any(k => MayVanish(node.Operand(k)));
    }

    /// <summary>
    /// Whether the value of <paramref name="id"/> may be infinite or NaN although the method's inputs and data are finite:
    /// it divides, takes a logarithm, root, power or inverse sine or cosine, may overflow (exp, sinh, cosh), or reads such a
    /// value. A loop's or a call's result, and a loop body's parameters (values carried in), are taken to be able to.
    /// </summary>
    private bool MayBeNonFinite(int id)
    {
        if (_mayBeNonFinite.TryGetValue(id, out var known))
        {
            return known;
        }

        var node = Node(id);
        var result = node.Operation switch
        {
            Operation.Constant => IsConstant(id, out var value) && (double.IsNaN(value) || double.IsInfinity(value)),
            Operation.Parameter or Operation.LoopResult or Operation.Result => true,
            Operation.Divide or Operation.Log or Operation.LogBase or Operation.Log10 or Operation.Log2 or Operation.Pow
                or Operation.Sqrt or Operation.Asin or Operation.Acos or Operation.Exp or Operation.Sinh or Operation.Cosh
                or Operation.Tan => true,
            Operation.Select => MayBeNonFinite(node.Operand1) || MayBeNonFinite(node.Operand2),
            _ when OperationTable.Get(node.Operation).IsBoolean => false,
            _ => Enumerable.Range(0, node.Arity).Any(k => MayBeNonFinite(node.Operand(k))),
        };
        _mayBeNonFinite[id] = result;
        return result;
    }

    private readonly System.Collections.Generic.Dictionary<int, bool> _mayBeNonFinite = new();
}
