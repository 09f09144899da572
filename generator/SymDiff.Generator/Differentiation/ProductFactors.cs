namespace SymDiff.Generator.Differentiation;

/// <summary>
/// A chain of ×, ÷, negation and integer powers read as a textbook fraction: one coefficient over
/// one divisor, and each factor once with its exponent, above or below the bar. Factors keep the
/// order in which they first appear.
/// </summary>
internal sealed class ProductFactors
{
    private readonly IReadOnlyList<GraphNode> _nodes;
    private readonly Func<int, bool> _isAtom;
    private readonly Dictionary<int, int> _above = new();
    private readonly Dictionary<int, int> _below = new();

    /// <param name="nodes">The DAG.</param>
    /// <param name="isAtom">Nodes to keep whole: those printed by name or as a known function.</param>
    public ProductFactors(IReadOnlyList<GraphNode> nodes, Func<int, bool> isAtom)
    {
        _nodes = nodes;
        _isAtom = isAtom;
    }

    public double Coefficient { get; private set; } = 1.0;

    public double Divisor { get; private set; } = 1.0;

    /// <summary>Factors above the bar, in order of appearance.</summary>
    public List<int> Numerator { get; } = new();

    /// <summary>Factors below the bar, in order of appearance.</summary>
    public List<int> Denominator { get; } = new();

    public void Collect(int id) => Collect(id, 1);

    /// <summary>How many times <paramref name="id"/> is a factor above (or below) the bar. x·(1/x) is not cancelled: it is not 1 where x is 0.</summary>
    public int Exponent(int id, bool below)
        => (below ? _below : _above).TryGetValue(id, out var exponent) ? exponent : 0;

    /// <summary>One more power of <paramref name="id"/> above the bar.</summary>
    public void Multiply(int id) => Add(id, 1);

    /// <summary>
    /// Cancels factors found both above and below the bar. The fraction is then also defined where
    /// such a factor is 0 and the code gives NaN, and equal to it everywhere else.
    /// </summary>
    public void Cancel()
    {
        foreach (var id in Numerator.ToArray())
        {
            while (Exponent(id, below: false) > 0 && Exponent(id, below: true) > 0)
            {
                Remove(id, below: false);
                Remove(id, below: true);
            }
        }
    }

    /// <summary>Removes one power of <paramref name="id"/> from above or below the bar.</summary>
    public void Remove(int id, bool below)
    {
        var exponents = below ? _below : _above;
        if (--exponents[id] == 0)
        {
            exponents.Remove(id);
            (below ? Denominator : Numerator).Remove(id);
        }
    }

    private void Collect(int id, int sign)
    {
        var node = _nodes[id];
        if (_isAtom(id))
        {
            Add(id, sign);
            return;
        }

        switch (node.Operation)
        {
            case Operation.Multiply:
                Collect(node.Operand0, sign);
                Collect(node.Operand1, sign);
                break;
            case Operation.Divide:
                Collect(node.Operand0, sign);
                Collect(node.Operand1, -sign);
                break;
            case Operation.Negate:
                Coefficient = -Coefficient;
                Collect(node.Operand0, sign);
                break;
            case Operation.Pow when IntegerExponent(node) is int power:
                for (var i = 0; i < Math.Abs(power); i++)
                {
                    Collect(node.Operand0, power > 0 ? sign : -sign);
                }

                break;
            case Operation.Constant when sign > 0 && !double.IsNaN(node.Constant) && !double.IsInfinity(node.Constant):
                Coefficient *= node.Constant;
                break;
            case Operation.Constant when node.Constant != 0 && !double.IsNaN(node.Constant) && !double.IsInfinity(node.Constant):
                Divisor *= node.Constant;
                break;
            default:
                Add(id, sign);
                break;
        }
    }

    private void Add(int id, int sign)
    {
        var exponents = sign > 0 ? _above : _below;
        exponents.TryGetValue(id, out var exponent);
        if (exponent == 0)
        {
            (sign > 0 ? Numerator : Denominator).Add(id);
        }

        exponents[id] = exponent + 1;
    }

    private int? IntegerExponent(GraphNode node)
        => _nodes[node.Operand1] is { IsConstant: true } exponent && GraphAlgebra.IsSmallInteger(exponent.Constant) && exponent.Constant != 0
            ? (int)exponent.Constant
            : null;
}
