using System.Collections.Generic;
using System.Globalization;
using System.Text;
using SymDiff.Generator.Model;

namespace SymDiff.Generator.Differentiation;

/// <summary>
/// Draws a method's expression DAG as a Mermaid flowchart, the way the lectures draw a computational
/// graph: inputs at the top, each shared intermediate once (with several outgoing edges), the output last.
/// </summary>
internal static class MermaidPrinter
{
    public static string Print(DerivativeGraphModel graph, string methodName, System.Collections.Generic.IReadOnlyList<string> outputNames)
    {
        var reached = Reached(graph);
        var text = new StringBuilder("flowchart TD\n");
        for (var id = 0; id < graph.Nodes.Count; id++)
        {
            if (!reached[id])
            {
                continue;
            }

            var node = graph.Nodes[id];
            text.Append("    n").Append(id).Append(Shape(node, Label(graph, id))).Append('\n');
        }

        for (var id = 0; id < graph.Nodes.Count; id++)
        {
            if (!reached[id])
            {
                continue;
            }

            var node = graph.Nodes[id];
            for (var i = 0; i < node.Arity; i++)
            {
                if (node.Operation == Operation.Pow && i == 1 && IsSmallIntegerExponent(graph, node))
                {
                    continue;
                }

                text.Append("    n").Append(node.Operand(i)).Append(" --> n").Append(id).Append('\n');
            }
        }

        for (var i = 0; i < graph.Values.Count; i++)
        {
            var output = graph.Values.Count == 1 ? methodName : outputNames[i];
            var id = graph.Values.Count == 1 ? "out" : "out" + i.ToString(CultureInfo.InvariantCulture);
            text.Append("    n").Append(graph.Values[i]).Append(" --> ").Append(id).Append("([\"").Append(output).Append("\"])\n");
        }

        return text.ToString();
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
                if (!(node.Operation == Operation.Pow && i == 1 && IsSmallIntegerExponent(graph, node)))
                {
                    stack.Push(node.Operand(i));
                }
            }
        }

        return reached;
    }

    private static bool IsSmallIntegerExponent(DerivativeGraphModel graph, GraphNode power)
        => graph.Nodes[power.Operand1].IsConstant && GraphAlgebra.IsSmallInteger(graph.Nodes[power.Operand1].Constant);

    private static string Shape(GraphNode node, string label) => node.Operation switch
    {
        Operation.Parameter => "([\"" + label + "\"])",
        Operation.Constant => "((\"" + label + "\"))",
        _ => "[\"" + label + "\"]",
    };

    private static string Label(DerivativeGraphModel graph, int id)
    {
        var node = graph.Nodes[id];
        var label = node.Operation switch
        {
            Operation.Parameter => graph.Parameters[node.ParameterIndex],
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
            _ => OperationTable.Get(node.Operation).Formula.Split('(')[0],
        };

        var hint = graph.NameHints[id];
        return hint.Length > 0 ? hint + " = " + label : label;
    }
}
