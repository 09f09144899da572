namespace SymDiff.Generator.Differentiation;

/// <summary>
/// A hash-consed expression DAG: asking for a node that exists returns its id, so every distinct
/// subexpression is stored once. Operands always have smaller ids than their users, so id order is
/// a topological order.
/// </summary>
internal sealed class ExprGraph
{
    private readonly List<GraphNode> _nodes = new();
    private readonly Dictionary<GraphNode, int> _ids = new();
    private readonly PayloadTable<CalleeModel> _callees = new();
    private readonly PayloadTable<IndexSymbol> _symbols = new();

    /// <summary>The values of <c>Integer</c> nodes and the elements of <c>Element</c> and <c>Store</c> nodes, by payload.</summary>
    public IReadOnlyList<IndexSymbol> Symbols => _symbols.Values;

    /// <summary>The loops of <c>Loop</c> nodes, by payload.</summary>
    public List<LoopGraph> Loops { get; } = new();

    /// <summary>The payload of <paramref name="symbol"/>.</summary>
    public int Symbol(IndexSymbol symbol) => _symbols.NumberOf(symbol);

    /// <summary>The vector that <c>Element</c> or <c>Store</c> node <paramref name="id"/> reads or writes.</summary>
    public string VectorOf(int id)
        => _symbols[(int)_nodes[id].Payload].Vector;

    /// <summary>The symbol payload of the same index as node <paramref name="id"/>'s, in <paramref name="vector"/>: <c>x[i + 1]</c> → <c>tx[i + 1]</c>.</summary>
    public int SameIndexIn(int id, string vector)
        => Symbol(_symbols[(int)_nodes[id].Payload] with { Vector = vector });

    /// <summary>The functions that <c>CallGradient</c> nodes call, by payload.</summary>
    public IReadOnlyList<CalleeModel> Callees => _callees.Values;

    /// <summary>The payload naming <paramref name="callee"/>.</summary>
    public int Callee(CalleeModel callee) => _callees.NumberOf(callee);

    public int Count => _nodes.Count;

    public GraphNode this[int id] => _nodes[id];

    public IReadOnlyList<GraphNode> Nodes => _nodes;

    /// <summary>
    /// How many more nodes the derivation running on this thread may create, in this graph and in the loop bodies'
    /// graphs it makes; one more throws <see cref="DerivativeTooLargeException"/>. Null: no limit.
    /// </summary>
    [System.ThreadStatic]
    private static int[]? t_budget;

    /// <summary>Limits the nodes every graph may create on this thread until the result is disposed, which restores the limit before.</summary>
    public static Budget Limit(int nodes)
    {
        var previous = t_budget;
        t_budget = new[] { nodes };
        return new Budget(previous);
    }

    /// <summary>Restores the limit that was in force before <see cref="Limit"/>.</summary>
    public readonly struct Budget : System.IDisposable
    {
        private readonly int[]? _previous;

        public Budget(int[]? previous) => _previous = previous;

        public void Dispose() => t_budget = _previous;
    }

    public int Intern(GraphNode node)
    {
        if (_ids.TryGetValue(node, out var id))
        {
            return id;
        }

        if (t_budget is { } budget && --budget[0] < 0)
        {
            throw new DerivativeTooLargeException();
        }

        id = _nodes.Count;
        _nodes.Add(node);
        _ids.Add(node, id);
        return id;
    }

    public bool TryFind(GraphNode node, out int id) => _ids.TryGetValue(node, out id);

    /// <summary>Which nodes <paramref name="roots"/> depend on, themselves included.</summary>
    public bool[] Reachable(IEnumerable<int> roots)
    {
        var reached = new bool[_nodes.Count];
        var stack = new Stack<int>(roots);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (reached[id])
            {
                continue;
            }

            reached[id] = true;
            var node = _nodes[id];
            for (var i = 0; i < node.Arity; i++)
            {
                stack.Push(node.Operand(i));
            }
        }

        return reached;
    }

    public bool IsConstant(int id, out double value)
    {
        var node = _nodes[id];
        value = node.Constant;
        return node.IsConstant;
    }

    public bool IsConstant(int id, double value)
        => _nodes[id].IsConstant && _nodes[id].Payload == System.BitConverter.DoubleToInt64Bits(value);

    public bool Is(int id, Operation operation) => _nodes[id].Operation == operation;
}
