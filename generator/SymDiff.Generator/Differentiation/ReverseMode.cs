using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using SymDiff.Generator.Model;

namespace SymDiff.Generator.Differentiation;

/// <summary>
/// Derive stage: builds the value DAG, accumulates adjoints in reverse topological order as nodes of
/// the same DAG (so the gradient shares every subexpression with the value), and keeps only what
/// the outputs reach: dead code is gone before anything is emitted.
/// </summary>
internal static class ReverseMode
{
    public static GradientModel Derive(MethodModel method, CancellationToken cancellationToken)
    {
        try
        {
            return DeriveCore(method, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new GradientModel(
                method,
                EquatableArray<GraphNode>.Empty,
                EquatableArray<string>.Empty,
                EquatableArray<string>.Empty,
                -1,
                EquatableArray<int>.Empty,
                EquatableArray<string>.Empty,
                "",
                EquatableArray<string>.Empty,
                e.GetType().Name + ": " + e.Message);
        }
    }

    private static GradientModel DeriveCore(MethodModel method, CancellationToken cancellationToken)
    {
        var graph = new ExprGraph();
        var g = new GraphAlgebra(graph);
        var hints = new Dictionary<int, string>();
        var literals = new Dictionary<int, string>();
        var value = GraphBuilder.Build(g, method, hints, literals, cancellationToken);
        var gradient = Adjoints(g, value, method.Parameters.Count, cancellationToken);

        var outputs = new List<int> { value };
        outputs.AddRange(gradient);
        var (nodes, map) = Prune(graph, outputs);
        var names = PerNode(hints, map, nodes.Count);
        var literalTexts = PerNode(literals, map, nodes.Count);

        var prunedValue = map[value];
        var prunedGradient = gradient.Select(i => map[i]).ToArray();
        var locals = FormulaLocals(names, method.Parameters, prunedValue);
        var printer = new FormulaPrinter(nodes, method.Parameters, locals);
        return new GradientModel(
            method,
            nodes.ToEquatableArray(),
            names.ToEquatableArray(),
            literalTexts.ToEquatableArray(),
            prunedValue,
            prunedGradient.ToEquatableArray(),
            locals.Select(pair => pair.Value + " = " + printer.Print(pair.Key)).ToEquatableArray(),
            printer.Print(prunedValue),
            prunedGradient.Select(printer.Print).ToEquatableArray(),
            null);
    }

    /// <summary>Carries a per-node annotation over to the pruned numbering; "" where there is none.</summary>
    private static string[] PerNode(Dictionary<int, string> annotations, Dictionary<int, int> map, int count)
    {
        var result = Enumerable.Repeat("", count).ToArray();
        foreach (var pair in annotations)
        {
            if (map.TryGetValue(pair.Key, out var id))
            {
                result[id] = pair.Value;
            }
        }

        return result;
    }

    /// <summary>Source locals that name exactly one node: formulas say <c>z</c> and define it once.</summary>
    private static SortedDictionary<int, string> FormulaLocals(string[] names, EquatableArray<string> parameters, int value)
    {
        var locals = new SortedDictionary<int, string>();
        foreach (var group in names.Select((name, id) => (name, id)).Where(n => n.name.Length > 0 && n.id != value).GroupBy(n => n.name))
        {
            if (group.Count() == 1 && !parameters.Contains(group.Key))
            {
                locals[group.First().id] = group.Key;
            }
        }

        return locals;
    }

    /// <summary>∂value/∂parameter for each parameter, as nodes.</summary>
    public static int[] Adjoints(GraphAlgebra g, int value, int parameterCount, CancellationToken cancellationToken)
    {
        var graph = g.Graph;
        var adjoint = new Dictionary<int, int> { [value] = g.One };
        for (var id = value; id >= 0; id--)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!adjoint.TryGetValue(id, out var seed) || g.IsZero(seed))
            {
                continue;
            }

            var node = graph[id];
            for (var operand = 0; operand < node.Arity; operand++)
            {
                var target = node.Operand(operand);
                var targetNode = graph[target];
                if (targetNode.IsConstant || OperationTable.Get(targetNode.Operation).IsBoolean)
                {
                    continue;
                }

                var partial = DerivativeRules.Partial(g, id, operand);
                var term = g.Scale(seed, partial);
                adjoint[target] = adjoint.TryGetValue(target, out var sum) ? g.Accumulate(sum, term) : term;
            }
        }

        var gradient = new int[parameterCount];
        for (var i = 0; i < parameterCount; i++)
        {
            gradient[i] = adjoint.TryGetValue(g.Parameter(i), out var d) ? d : g.Zero;
        }

        return gradient;
    }

    /// <summary>Keeps the nodes the outputs reach, renumbered in the same (topological) order.</summary>
    private static (List<GraphNode> Nodes, Dictionary<int, int> Map) Prune(ExprGraph graph, IEnumerable<int> outputs)
    {
        var reached = new bool[graph.Count];
        var stack = new Stack<int>(outputs);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (reached[id])
            {
                continue;
            }

            reached[id] = true;
            var node = graph[id];
            for (var i = 0; i < node.Arity; i++)
            {
                stack.Push(node.Operand(i));
            }
        }

        var map = new Dictionary<int, int>();
        var nodes = new List<GraphNode>();
        for (var id = 0; id < graph.Count; id++)
        {
            if (!reached[id])
            {
                continue;
            }

            var node = graph[id];
            map[id] = nodes.Count;
            nodes.Add(node with
            {
                Operand0 = node.Operand0 < 0 ? -1 : map[node.Operand0],
                Operand1 = node.Operand1 < 0 ? -1 : map[node.Operand1],
                Operand2 = node.Operand2 < 0 ? -1 : map[node.Operand2],
            });
        }

        return (nodes, map);
    }
}
