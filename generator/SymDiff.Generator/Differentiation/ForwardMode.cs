using System.Threading;

namespace SymDiff.Generator.Differentiation;

/// <summary>
/// Forward mode: the tangent of every node is Σ ∂node/∂operand · tangent(operand), in topological
/// order, from the same <see cref="DerivativeRules"/> that reverse mode uses. A vector element's
/// tangent is the same element of the vector's tangent; a loop is replaced by one that carries each
/// value together with its tangent (<see cref="TangentLoop"/>).
/// </summary>
internal static class ForwardMode
{
    /// <summary>The direction to differentiate along.</summary>
    /// <param name="Parameters">Per parameter index, the node holding its tangent (absent: zero).</param>
    /// <param name="Vectors">Per vector, the vector holding its tangent (absent: zero).</param>
    public sealed record Direction(IReadOnlyDictionary<int, int> Parameters, IReadOnlyDictionary<string, string> Vectors)
    {
        /// <summary>Per output vector y, the vector receiving its tangent: each write <c>y[i] = e</c> gets <c>ty[i] = ė</c>.</summary>
        public IReadOnlyDictionary<string, string> Outputs { get; init; } = new Dictionary<string, string>();
    }

    /// <summary>The directional derivative of <paramref name="value"/> along the given parameter tangents.</summary>
    /// <param name="g">The graph's algebra.</param>
    /// <param name="value">The node to differentiate.</param>
    /// <param name="seeds">Per parameter index, the node holding its tangent.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public static int Tangent(GraphAlgebra g, int value, IReadOnlyList<int> seeds, CancellationToken cancellationToken)
        => Tangents(g, new[] { value }, seeds, cancellationToken)[0];

    /// <summary>The directional derivative of each of <paramref name="values"/> along the parameter tangents, in one forward pass.</summary>
    public static int[] Tangents(GraphAlgebra g, IReadOnlyList<int> values, IReadOnlyList<int> seeds, CancellationToken cancellationToken)
    {
        var direction = new Direction(Enumerable.Range(0, seeds.Count).ToDictionary(i => i, i => seeds[i]), new Dictionary<string, string>());
        return Push(g, values, direction, cancellationToken).Tangents;
    }

    /// <summary>
    /// Pushes <paramref name="direction"/> through the graph: the tangent of each of <paramref name="values"/>,
    /// and the values themselves as they must now be read (through the tangent loops, which also compute them).
    /// </summary>
    public static (int[] Values, int[] Tangents) Push(GraphAlgebra g, IReadOnlyList<int> values, Direction direction, CancellationToken cancellationToken)
    {
        var (pushed, tangents, _) = Push(g, values, System.Array.Empty<int>(), direction, cancellationToken);
        return (pushed, tangents);
    }

    /// <summary>
    /// As <see cref="Push(GraphAlgebra, IReadOnlyList{int}, Direction, CancellationToken)"/> for a graph with effects
    /// (output writes and the loops making them): each write gets a tangent write beside it.
    /// </summary>
    /// <returns>The values and tangents as before, and every effect of the new graph: the old ones as they must now be read, then the tangent writes.</returns>
    public static (int[] Values, int[] Tangents, int[] Effects) Push(GraphAlgebra g, IReadOnlyList<int> values, IReadOnlyList<int> effects, Direction direction, CancellationToken cancellationToken)
    {
        var graph = g.Graph;
        var last = values.Concat(effects).DefaultIfEmpty(-1).Max();
        var tangentWrites = new List<int>();
        var tangent = new Dictionary<int, int>();
        foreach (var pair in direction.Parameters)
        {
            tangent[g.Parameter(pair.Key)] = pair.Value;
        }

        var replaced = new Dictionary<int, int>();
        for (var id = 0; id <= last; id++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var node = graph[id];
            switch (node.Operation)
            {
                case Operation.Element:
                    if (ElementOf(g, id, direction.Vectors) is int element)
                    {
                        tangent[id] = element;
                    }

                    continue;

                case Operation.Loop:
                    replaced[id] = TangentLoop(g, id, tangent, direction, cancellationToken);
                    continue;

                case Operation.Store:
                    tangentWrites.Add(TangentWrite(g, id, tangent, direction.Outputs));
                    continue;

                case Operation.LoopResult when replaced.TryGetValue(node.Operand0, out var loop):
                    var states = graph.Loops[(int)graph[node.Operand0].Payload].StateNames.Count;
                    tangent[id] = graph.Intern(new GraphNode(Operation.LoopResult, loop, Payload: states + node.Payload));
                    continue;
            }

            if (node.Operation is Operation.Parameter or Operation.CallGradient or Operation.LoopResult || node.IsConstant || OperationTable.Get(node.Operation).IsBoolean)
            {
                continue;
            }

            var sum = g.Zero;
            foreach (var (target, partial) in DerivativeRules.Partials(g, id))
            {
                if (tangent.TryGetValue(target, out var seed) && !g.IsZero(seed))
                {
                    sum = g.Accumulate(sum, g.Scale(seed, partial));
                }
            }

            if (!g.IsZero(sum))
            {
                tangent[id] = sum;
            }
        }

        var tangents = values.Select(v => tangent.TryGetValue(v, out var result) ? result : g.Zero).ToArray();
        if (replaced.Count == 0)
        {
            return (values.ToArray(), tangents, effects.Concat(tangentWrites).ToArray());
        }

        var rewriter = new LoopRewriter(graph, replaced);
        var newEffects = effects.Select(e => replaced.TryGetValue(e, out var loop) ? loop : e).Concat(tangentWrites).Select(rewriter.Rewrite).ToArray();
        return (values.Select(rewriter.Rewrite).ToArray(), tangents.Select(rewriter.Rewrite).ToArray(), newEffects);
    }

    /// <summary><c>ty[i] = ė</c> for the write <c>y[i] = e</c> (zero when e does not depend on the direction: the output is overwritten).</summary>
    private static int TangentWrite(GraphAlgebra g, int store, Dictionary<int, int> tangent, IReadOnlyDictionary<string, string> outputs)
    {
        var graph = g.Graph;
        var value = tangent.TryGetValue(graph[store].Operand0, out var t) ? t : g.Zero;
        return graph.Intern(new GraphNode(Operation.Store, value, Payload: graph.SameIndexIn(store, outputs[graph.VectorOf(store)])));
    }

    /// <summary>The element of a vector's tangent that is the tangent of element <paramref name="id"/>, or null when it is zero.</summary>
    private static int? ElementOf(GraphAlgebra g, int id, IReadOnlyDictionary<string, string> vectors)
    {
        var graph = g.Graph;
        return vectors.TryGetValue(graph.VectorOf(id), out var tangentVector)
            ? graph.Intern(new GraphNode(Operation.Element, Payload: graph.SameIndexIn(id, tangentVector)))
            : null;
    }

    /// <summary>
    /// The loop of node <paramref name="id"/> again, carrying each value's tangent beside it: its body is
    /// the old body plus that body's forward mode; its results are the old results, then their tangents.
    /// Parameters of the new body: carried values, their tangents, captured values, then the tangents of
    /// the captured values whose tangent is not zero.
    /// </summary>
    private static int TangentLoop(GraphAlgebra g, int id, Dictionary<int, int> tangent, Direction direction, CancellationToken cancellationToken)
    {
        var graph = g.Graph;
        var node = graph[id];
        var loop = graph.Loops[(int)node.Payload];
        var m = loop.StateNames.Count;
        var c = node.Arity - m;
        int TangentOf(int operand) => tangent.TryGetValue(operand, out var t) ? t : g.Zero;
        var movingCaptures = Enumerable.Range(0, c).Where(j => !g.IsZero(TangentOf(node.Operand(m + j)))).ToList();

        var body = new GraphAlgebra(new ExprGraph());
        var map = Copy(loop.Body.Graph, body.Graph, p => p < m ? p : m + p);
        var seeds = new Dictionary<int, int>();
        for (var k = 0; k < m; k++)
        {
            seeds[k] = body.Parameter(m + k);
        }

        for (var q = 0; q < movingCaptures.Count; q++)
        {
            seeds[2 * m + movingCaptures[q]] = body.Parameter(2 * m + c + q);
        }

        var inner = new Direction(seeds, direction.Vectors) { Outputs = direction.Outputs };
        var (values, tangents, effects) = Push(body, loop.NewStates.Select(s => map[s]).ToList(), loop.Effects.Select(e => map[e]).ToList(), inner, cancellationToken);
        var tangentLoop = new LoopGraph(loop.Index, loop.Start, loop.End, loop.StateNames.Concat(loop.StateNames.Select(s => "t" + s)).ToList(), body)
        {
            NewStates = values.Concat(tangents).ToArray(),
            Effects = effects,
            CapturedCount = c + movingCaptures.Count,
        };
        foreach (var pair in loop.NameHints)
        {
            tangentLoop.NameHints[map[pair.Key]] = pair.Value;
        }

        foreach (var pair in loop.Literals)
        {
            tangentLoop.Literals[map[pair.Key]] = pair.Value;
        }

        var operands = Enumerable.Range(0, m).Select(node.Operand)
            .Concat(Enumerable.Range(0, m).Select(k => TangentOf(node.Operand(k))))
            .Concat(Enumerable.Range(m, c).Select(node.Operand))
            .Concat(movingCaptures.Select(j => TangentOf(node.Operand(m + j))))
            .ToList();
        var result = graph.Intern(GraphNode.WithOperands(Operation.Loop, operands, graph.Loops.Count));
        graph.Loops.Add(tangentLoop);
        return result;
    }

    /// <summary>Copies every node of <paramref name="from"/> into the empty <paramref name="to"/>, renumbering parameters; returns the id map.</summary>
    private static int[] Copy(ExprGraph from, ExprGraph to, System.Func<int, int> parameterIndex)
    {
        foreach (var symbol in from.Symbols)
        {
            to.Symbol(symbol);
        }

        foreach (var callee in from.Callees)
        {
            to.Callee(callee);
        }

        to.Loops.AddRange(from.Loops);
        var map = new int[from.Count];
        for (var id = 0; id < from.Count; id++)
        {
            var node = from[id];
            map[id] = to.Intern(node.Operation == Operation.Parameter
                ? GraphNode.FromParameter(parameterIndex(node.ParameterIndex))
                : node.Renumber(operand => map[operand]));
        }

        return map;
    }

    /// <summary>Rebuilds nodes so that they read each replaced loop's results from its tangent loop.</summary>
    private sealed class LoopRewriter
    {
        private readonly ExprGraph _graph;
        private readonly IReadOnlyDictionary<int, int> _replaced;
        private readonly Dictionary<int, int> _done = new();

        public LoopRewriter(ExprGraph graph, IReadOnlyDictionary<int, int> replaced)
        {
            _graph = graph;
            _replaced = replaced;
        }

        public int Rewrite(int id)
        {
            if (_done.TryGetValue(id, out var result))
            {
                return result;
            }

            var node = _graph[id];
            if (node.Operation == Operation.LoopResult && _replaced.TryGetValue(node.Operand0, out var loop))
            {
                result = _graph.Intern(new GraphNode(Operation.LoopResult, Rewrite(loop), Payload: node.Payload));
            }
            else
            {
                var renumbered = node.Renumber(Rewrite);
                result = renumbered == node ? id : _graph.Intern(renumbered);
            }

            _done[id] = result;
            return result;
        }
    }
}
