using System.Threading;

namespace SymDiff.Generator.Differentiation;

/// <summary>
/// Turns a method body into one DAG node for its value, by symbolic execution: each assignment
/// binds a name to a node (SSA without the bookkeeping), an <c>if</c> that falls through merges the
/// names it changed with conditionals, and an <c>if</c> that returns splits the rest of the body
/// into its two outcomes.
/// </summary>
internal sealed class GraphBuilder
{
    private readonly GraphAlgebra _g;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<int, string> _nameHints = new();
    private readonly Dictionary<int, string> _literals = new();

    /// <summary>Statement nodes run for their effect, in program order: output writes, and loops that make some.</summary>
    private readonly List<int> _effects = new();

    private readonly Func<CalleeModel, CalleeModel> _resolve;

    private GraphBuilder(GraphAlgebra algebra, Func<CalleeModel, CalleeModel> resolve, CancellationToken cancellationToken)
    {
        _resolve = resolve;
        _g = algebra;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Builds the value nodes of <paramref name="method"/> (one per output); parameter i is <c>Parameter(i)</c>.</summary>
    /// <param name="algebra">Where nodes are made.</param>
    /// <param name="method">The method.</param>
    /// <param name="nameHints">Receives, per node, the first source local assigned to it.</param>
    /// <param name="literals">Receives, per constant node, the first double literal written for it.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <param name="resolve">Completes a callee whose custom derivative is looked up by key.</param>
    public static int[] Build(GraphAlgebra algebra, MethodModel method, IDictionary<int, string> nameHints, IDictionary<int, string> literals, Func<CalleeModel, CalleeModel> resolve, CancellationToken cancellationToken)
        => Build(algebra, method, nameHints, literals, resolve, new List<int>(), cancellationToken);

    /// <summary>As <see cref="Build(GraphAlgebra, MethodModel, IDictionary{int, string}, IDictionary{int, string}, Func{CalleeModel, CalleeModel}, CancellationToken)"/>, also giving the output writes of a method writing output vectors.</summary>
    /// <param name="effects">Receives the statement nodes run for their effect: writes <c>y[i] = ...</c> and the loops that make them.</param>
    public static int[] Build(GraphAlgebra algebra, MethodModel method, IDictionary<int, string> nameHints, IDictionary<int, string> literals, Func<CalleeModel, CalleeModel> resolve, List<int> effects, CancellationToken cancellationToken)
    {
        var builder = new GraphBuilder(algebra, resolve, cancellationToken);
        var scope = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < method.Parameters.Count; i++)
        {
            // A vector is only read through its elements; an int is a value of its own.
            switch (method.Kind(i))
            {
                case ParameterKind.Scalar:
                    scope[method.Parameters[i]] = algebra.Parameter(i);
                    break;
                case ParameterKind.Integer:
                    scope[method.Parameters[i]] = algebra.Graph.Intern(new GraphNode(Operation.Integer, Payload: algebra.Graph.Symbol(IndexSymbol.Integer(Ir.IntExpr.Named(method.Parameters[i])))));
                    break;
            }
        }

        var value = builder.Execute(new Continuation(method.Body, 0, null), scope)
            ?? (method.Output.IsVoid ? Array.Empty<int>() : throw new InvalidOperationException("Method '" + method.Name + "' does not return a value on every path."));
        effects.AddRange(builder._effects);
        foreach (var pair in builder._nameHints)
        {
            nameHints[pair.Key] = pair.Value;
        }

        foreach (var pair in builder._literals)
        {
            literals[pair.Key] = pair.Value;
        }

        return value;
    }

    /// <summary>The statements still to run: the rest of this block, then the rest of the enclosing ones.</summary>
    private sealed record Continuation(EquatableArray<StatementModel> Statements, int Index, Continuation? Outer);

    /// <summary>Runs statements until a return; null when the end is reached without one.</summary>
    private int[]? Execute(Continuation? next, Dictionary<string, int> scope)
    {
        while (next is not null)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (next.Index >= next.Statements.Count)
            {
                next = next.Outer;
                continue;
            }

            var statement = next.Statements[next.Index];
            var rest = next with { Index = next.Index + 1 };
            switch (statement)
            {
                case ReturnStatementModel r:
                    return r.Values.Select(v => Evaluate(v, scope)).ToArray();

                case ElementAssignmentStatementModel write:
                    var written = Evaluate(write.Value, scope);
                    var target = _g.Graph.Symbol(new IndexSymbol(write.Array, write.Index));

                    // Writing the same element again overwrites it: only the last write is an output.
                    _effects.RemoveAll(e => _g.Graph[e].Operation == Operation.Store && _g.Graph[e].Payload == target);
                    _effects.Add(_g.Graph.Intern(new GraphNode(Operation.Store, written, Payload: target)));
                    next = rest;
                    break;

                case AssignmentStatementModel a:
                    var value = Evaluate(a.Value, scope);
                    scope[a.Name] = value;
                    NameIfUnnamed(value, a.Name);

                    next = rest;
                    break;

                case BlockStatementModel b:
                    next = new Continuation(b.Statements, 0, rest);
                    break;

                case ForStatementModel loop:
                    Loop(loop, scope);
                    next = rest;
                    break;

                case IfStatementModel i:
                    var condition = Evaluate(i.Condition, scope);
                    if (_g.Graph.Is(condition, Operation.True) || _g.Graph.Is(condition, Operation.False))
                    {
                        var taken = _g.Graph.Is(condition, Operation.True) ? i.Then : i.Else;
                        next = new Continuation(taken, 0, rest);
                        break;
                    }

                    if (Returns(i.Then) || Returns(i.Else))
                    {
                        var whenTrue = Execute(new Continuation(i.Then, 0, rest), Copy(scope));
                        var whenFalse = Execute(new Continuation(i.Else, 0, rest), Copy(scope));
                        if (whenTrue is null || whenFalse is null)
                        {
                            return null;
                        }

                        return whenTrue.Zip(whenFalse, (t, f) => _g.Select(condition, t, f)).ToArray();
                    }

                    var thenScope = Copy(scope);
                    var elseScope = Copy(scope);
                    Execute(new Continuation(i.Then, 0, null), thenScope);
                    Execute(new Continuation(i.Else, 0, null), elseScope);
                    // A name assigned on both paths (declared before the if, or assigned in both branches) is merged.
                    foreach (var name in thenScope.Keys.Where(elseScope.ContainsKey).OrderBy(n => n, StringComparer.Ordinal).ToList())
                    {
                        var t = thenScope[name];
                        var f = elseScope[name];
                        scope[name] = t == f ? t : _g.Select(condition, t, f);
                        NameIfUnnamed(scope[name], name);
                    }

                    next = rest;
                    break;

                default:
                    throw new InvalidOperationException("Unexpected statement " + statement.GetType().Name + ".");
            }
        }

        return null;
    }

    /// <summary>
    /// A <c>for</c> loop: its body becomes a DAG of its own over the loop-carried variables (those it
    /// assigns that exist before it) and the values it reads from outside; the loop is one statement
    /// node here, and each carried variable afterwards is one of its results.
    /// </summary>
    private void Loop(ForStatementModel loop, Dictionary<string, int> scope)
    {
        var carried = AssignedNames(loop.Body).Where(scope.ContainsKey).Distinct().ToList();
        if (carried.Count == 0 && !Writes(loop.Body))
        {
            return;
        }

        // Built once with every outside value available, then again with only those the body uses.
        var outside = scope.Keys.Where(n => !carried.Contains(n) && IsCaptured(scope[n])).OrderBy(n => n, StringComparer.Ordinal).ToList();
        var trial = BuildBody(loop, scope, carried, outside);
        var used = outside.Where((_, j) => trial.Body.Graph.TryFind(GraphNode.FromParameter(carried.Count + j), out var id) && Reaches(trial, id)).ToList();
        var body = BuildBody(loop, scope, carried, used, outside.Where(n => !used.Contains(n)).ToList());

        var operands = carried.Select(n => scope[n]).Concat(used.Select(n => scope[n])).ToList();
        var node = _g.Graph.Intern(GraphNode.WithOperands(Operation.Loop, operands, _g.Graph.Loops.Count));
        _g.Graph.Loops.Add(body);
        if (body.Effects.Length > 0)
        {
            _effects.Add(node);
        }

        for (var k = 0; k < carried.Count; k++)
        {
            scope[carried[k]] = _g.Graph.Intern(new GraphNode(Operation.LoopResult, node, Payload: k));
            NameIfUnnamed(scope[carried[k]], carried[k]);
        }
    }

    /// <param name="loop">The loop.</param>
    /// <param name="scope">The values before it.</param>
    /// <param name="carried">The names it carries.</param>
    /// <param name="captured">The outside values it reads, which become its parameters after the carried ones.</param>
    /// <param name="unread">Outside values only dead code of the body reads: bound to parameters past the captured ones, which nothing live reaches.</param>
    private LoopGraph BuildBody(ForStatementModel loop, Dictionary<string, int> scope, List<string> carried, List<string> captured, List<string>? unread = null)
    {
        var body = new GraphAlgebra(new ExprGraph());
        var loopGraph = new LoopGraph(loop.Index, loop.Start, loop.End, carried, body);
        var bodyScope = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in scope)
        {
            // Constants, ints and vector elements are re-read inside the body rather than captured.
            var outer = _g.Graph[pair.Value];
            if (outer.IsConstant)
            {
                bodyScope[pair.Key] = body.Constant(outer.Constant);
            }
            else if (outer.Operation is Operation.Integer or Operation.Element)
            {
                bodyScope[pair.Key] = body.Graph.Intern(outer with { Payload = body.Graph.Symbol(_g.Graph.Symbols[(int)outer.Payload]) });
            }
        }

        for (var k = 0; k < carried.Count; k++)
        {
            bodyScope[carried[k]] = body.Parameter(k);
        }

        for (var j = 0; j < captured.Count; j++)
        {
            bodyScope[captured[j]] = body.Parameter(carried.Count + j);
        }

        for (var j = 0; j < (unread?.Count ?? 0); j++)
        {
            bodyScope[unread![j]] = body.Parameter(carried.Count + captured.Count + j);
        }

        var builder = new GraphBuilder(body, _resolve, _cancellationToken);
        builder.Execute(new Continuation(loop.Body, 0, null), bodyScope);
        loopGraph.NewStates = carried.Select(n => bodyScope[n]).ToArray();
        loopGraph.Effects = builder._effects.ToArray();
        loopGraph.CapturedCount = captured.Count;
        foreach (var pair in builder._nameHints)
        {
            loopGraph.NameHints[pair.Key] = pair.Value;
        }

        foreach (var pair in builder._literals)
        {
            loopGraph.Literals[pair.Key] = pair.Value;
        }

        return loopGraph;
    }

    private bool IsCaptured(int node)
    {
        var outer = _g.Graph[node];
        return !outer.IsConstant && outer.Operation is not (Operation.Integer or Operation.Element or Operation.True or Operation.False);
    }

    /// <summary>Whether a new carried value or an output write depends on body node <paramref name="id"/>.</summary>
    private static bool Reaches(LoopGraph loop, int id) => loop.Body.Graph.Reachable(loop.NewStates.Concat(loop.Effects))[id];

    private static bool Writes(EquatableArray<StatementModel> statements)
        => statements.Any(s => s switch
        {
            ElementAssignmentStatementModel => true,
            BlockStatementModel b => Writes(b.Statements),
            IfStatementModel i => Writes(i.Then) || Writes(i.Else),
            ForStatementModel f => Writes(f.Body),
            _ => false,
        });

    private static IEnumerable<string> AssignedNames(EquatableArray<StatementModel> statements)
    {
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case AssignmentStatementModel a:
                    yield return a.Name;
                    break;
                case BlockStatementModel b:
                    foreach (var name in AssignedNames(b.Statements))
                    {
                        yield return name;
                    }

                    break;
                case IfStatementModel i:
                    foreach (var name in AssignedNames(i.Then).Concat(AssignedNames(i.Else)))
                    {
                        yield return name;
                    }

                    break;
                case ForStatementModel f:
                    foreach (var name in AssignedNames(f.Body))
                    {
                        yield return name;
                    }

                    break;
            }
        }
    }

    /// <summary>Remembers the first source local a node was assigned to, to name it in the output.</summary>
    private void NameIfUnnamed(int node, string name)
    {
        var operation = _g.Graph[node].Operation;
        // A deconstruction's temporaries ('<tuple>0_1') are no source locals: their values keep their own names.
        if (!_nameHints.ContainsKey(node) && operation is not (Operation.Constant or Operation.Parameter) && !name.StartsWith("<", StringComparison.Ordinal))
        {
            _nameHints[node] = name;
        }
    }

    private int Evaluate(ExpressionModel expression, Dictionary<string, int> scope)
    {
        switch (expression)
        {
            case ConstantExpressionModel c:
                var constant = _g.Constant(c.Value);
                if (c.Literal is not null && !_literals.ContainsKey(constant))
                {
                    _literals[constant] = c.Literal;
                }

                return constant;

            case VariableExpressionModel v:
                return scope.TryGetValue(v.Name, out var id)
                    ? id
                    : throw new InvalidOperationException("'" + v.Name + "' is read before it is assigned.");

            case IntegerExpressionModel integer:
                return _g.Graph.Intern(new GraphNode(Operation.Integer, Payload: _g.Graph.Symbol(IndexSymbol.Integer(integer.Code))));

            case ElementExpressionModel element:
                return _g.Graph.Intern(new GraphNode(Operation.Element, Payload: _g.Graph.Symbol(new IndexSymbol(element.Array, element.Index))));

            case CallExpressionModel call:
                var arguments = call.Arguments.Select(a => Evaluate(a, scope)).ToArray();
                var callee = _resolve(call.Callee);
                var statement = _g.Graph.Intern(GraphNode.WithOperands(Operation.CallGradient, arguments, _g.Graph.Callee(callee)));
                return _g.Graph.Intern(new GraphNode(Operation.Result, statement, Payload: -1));

            case OperationExpressionModel o:
                var operands = new int[3] { -1, -1, -1 };
                for (var i = 0; i < o.Operands.Count; i++)
                {
                    operands[i] = Evaluate(o.Operands[i], scope);
                }

                return _g.Apply(o.Operation, operands[0], operands[1], operands[2]);

            default:
                throw new InvalidOperationException("Unexpected expression " + expression.GetType().Name + ".");
        }
    }

    private static bool Returns(EquatableArray<StatementModel> statements)
        => statements.Any(s => s switch
        {
            ReturnStatementModel => true,
            BlockStatementModel b => Returns(b.Statements),
            IfStatementModel i => Returns(i.Then) || Returns(i.Else),
            _ => false,
        });

    private static Dictionary<string, int> Copy(Dictionary<string, int> scope) => new(scope, StringComparer.Ordinal);
}
