using System.Globalization;
using System.Text;

namespace SymDiff.Generator.Differentiation;

/// <summary>
/// Draws a method's expression DAG as a Mermaid flowchart, the way the lectures draw a computational
/// graph: inputs at the top, each shared intermediate once (with several outgoing edges), the output last.
/// A loop is a subgraph holding its body: each carried value enters it from its initial value and leaves
/// it as the value after the loop; values from outside are drawn once, outside.
/// </summary>
internal static class MermaidPrinter
{
    public static string Print(DerivativeGraphModel graph, string methodName, IReadOnlyList<string> outputNames)
    {
        var drawing = new Drawing();
        var references = Draw(drawing, graph, "n", "    ", _ => null, p => graph.Parameters[p]);
        for (var i = 0; i < graph.Values.Count; i++)
        {
            var output = graph.Values.Count == 1 ? methodName : outputNames[i];
            var id = graph.Values.Count == 1 ? "out" : "out" + i.ToString(CultureInfo.InvariantCulture);
            drawing.Edges.Append("    ").Append(references(graph.Values[i])).Append(" --> ").Append(id).Append("([\"").Append(output).Append("\"])\n");
        }

        return "flowchart TD\n" + drawing.Nodes + drawing.Edges;
    }

    private sealed class Drawing
    {
        public StringBuilder Nodes { get; } = new();

        public StringBuilder Edges { get; } = new();
    }

    /// <summary>
    /// Draws the nodes of <paramref name="graph"/> that its values reach, with ids <paramref name="prefix"/> + node id;
    /// returns how to refer to a node (a parameter drawn outside is referred to by its outside node).
    /// </summary>
    private static System.Func<int, string> Draw(Drawing drawing, DerivativeGraphModel graph, string prefix, string indent, System.Func<int, string?> outside, System.Func<int, string> parameterLabel)
    {
        var reached = Reached(graph);
        var loopValues = new Dictionary<int, System.Func<int, string>>();
        string Reference(int id)
        {
            var node = graph.Nodes[id];
            if (node.Operation == Operation.Parameter && outside(node.ParameterIndex) is { } drawnOutside)
            {
                return drawnOutside;
            }

            return prefix + id.ToString(CultureInfo.InvariantCulture);
        }

        for (var id = 0; id < graph.Nodes.Count; id++)
        {
            if (!reached[id])
            {
                continue;
            }

            var node = graph.Nodes[id];
            if (node.Operation == Operation.Loop)
            {
                loopValues[id] = DrawLoop(drawing, graph, id, prefix, indent, Reference);
                continue;
            }

            if (node.Operation == Operation.Parameter && outside(node.ParameterIndex) is not null)
            {
                continue;
            }

            var name = prefix + id.ToString(CultureInfo.InvariantCulture);
            drawing.Nodes.Append(indent).Append(name).Append(Shape(node, Label(graph, id, parameterLabel))).Append('\n');
            if (node.Operation == Operation.LoopResult)
            {
                // The value after the loop comes from the body's last iteration.
                drawing.Edges.Append("    ").Append(loopValues[node.Operand0]((int)node.Payload)).Append(" --> ").Append(name).Append('\n');
                continue;
            }

            for (var i = 0; i < node.Arity; i++)
            {
                if (!IsHiddenOperand(graph, node, i))
                {
                    drawing.Edges.Append("    ").Append(Reference(node.Operand(i))).Append(" --> ").Append(name).Append('\n');
                }
            }
        }

        return Reference;
    }

    /// <summary>A loop's body as a subgraph; returns, per carried value, the body node holding it after an iteration.</summary>
    private static System.Func<int, string> DrawLoop(Drawing drawing, DerivativeGraphModel graph, int id, string prefix, string indent, System.Func<int, string> outerReference)
    {
        var node = graph.Nodes[id];
        var loop = graph.Loops[(int)node.Payload];
        var m = loop.StateNames.Count;
        var bodyPrefix = prefix + id.ToString(CultureInfo.InvariantCulture) + "_";
        drawing.Nodes.Append(indent).Append("subgraph ").Append(bodyPrefix).Append("loop [\"for ").Append(loop.Index).Append(" in [").Append(loop.Start).Append(", ").Append(loop.End).Append(")\"]\n");
        var body = loop.Body;
        var reference = Draw(
            drawing,
            body,
            bodyPrefix,
            indent + "    ",
            p => p < m ? null : outerReference(node.Operand(p)),
            p => p < m ? loop.StateNames[p] + " (carried)" : body.Parameters[p]);
        drawing.Nodes.Append(indent).Append("end\n");

        // Each carried value starts from its value before the loop.
        var reached = Reached(body);
        for (var bodyId = 0; bodyId < body.Nodes.Count; bodyId++)
        {
            var parameter = body.Nodes[bodyId];
            if (parameter.Operation == Operation.Parameter && parameter.ParameterIndex < m && reached[bodyId])
            {
                drawing.Edges.Append("    ").Append(outerReference(node.Operand(parameter.ParameterIndex))).Append(" --> ").Append(reference(bodyId)).Append('\n');
            }
        }

        return k => reference(body.Values[k]);
    }

    private static bool[] Reached(DerivativeGraphModel graph)
    {
        var reached = new bool[graph.Nodes.Count];
        var stack = new Stack<int>();
        foreach (var value in graph.Values)
        {
            stack.Push(value);
        }

        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (reached[id])
            {
                continue;
            }

            reached[id] = true;
            var node = graph.Nodes[id];
            for (var i = 0; i < node.Arity; i++)
            {
                if (!IsHiddenOperand(graph, node, i))
                {
                    stack.Push(node.Operand(i));
                }
            }
        }

        return reached;
    }

    /// <summary>The exponent of x² is part of its label, not a node of its own.</summary>
    private static bool IsHiddenOperand(DerivativeGraphModel graph, GraphNode node, int operand)
        => node.Operation == Operation.Pow && operand == 1 && IsSmallIntegerExponent(graph, node);

    private static bool IsSmallIntegerExponent(DerivativeGraphModel graph, GraphNode power)
        => graph.Nodes[power.Operand1].IsConstant && GraphAlgebra.IsSmallInteger(graph.Nodes[power.Operand1].Constant);

    private static string Shape(GraphNode node, string label) => node.Operation switch
    {
        Operation.Parameter or Operation.Element or Operation.Integer => "([\"" + label + "\"])",
        Operation.Constant => "((\"" + label + "\"))",
        _ => "[\"" + label + "\"]",
    };

    private static string Label(DerivativeGraphModel graph, int id, System.Func<int, string> parameterLabel)
    {
        var node = graph.Nodes[id];
        var label = node.Operation switch
        {
            Operation.Parameter => parameterLabel(node.ParameterIndex),
            Operation.Constant => node.Constant.ToString("R", CultureInfo.InvariantCulture),
            Operation.Add => "+",
            Operation.Subtract => "−",
            Operation.Multiply => "×",
            Operation.Divide => "÷",
            Operation.Negate => "neg",
            Operation.Pow when IsSmallIntegerExponent(graph, node) => "^" + graph.Nodes[node.Operand1].Constant.ToString("R", CultureInfo.InvariantCulture),
            Operation.Select => "?:",
            Operation.CallGradient => graph.Callees[(int)node.Payload].Display,
            Operation.Result => "value",
            Operation.Less => "<",
            Operation.LessOrEqual => "≤",
            Operation.Greater => ">",
            Operation.GreaterOrEqual => "≥",
            Operation.Equal => "=",
            Operation.NotEqual => "≠",
            Operation.And => "and",
            Operation.Or => "or",
            Operation.Not => "not",
            Operation.Integer => graph.IntegerValue(id).ToString(),
            Operation.Element => graph.ElementParts(id).Vector + "[" + graph.ElementParts(id).Index.ToString() + "]",
            Operation.LoopResult => graph.NameHints[id].Length > 0 ? graph.NameHints[id] + " after the loop" : "after the loop",
            _ => OperationTable.Get(node.Operation).Formula.Split('(')[0],
        };

        var hint = graph.NameHints[id];
        return hint.Length > 0 && node.Operation != Operation.LoopResult ? hint + " = " + label : label;
    }
}
