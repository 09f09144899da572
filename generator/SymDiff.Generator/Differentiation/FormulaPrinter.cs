using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using SymDiff.Generator.Model;

namespace SymDiff.Generator.Differentiation;

/// <summary>
/// Prints a DAG node as a one-line textbook formula: <c>3·x²·(x + 3·y) + x³</c>. Repeated factors
/// of a product become powers; a formula longer than <see cref="MaxLength"/> is not printed.
/// </summary>
internal sealed class FormulaPrinter
{
    public const int MaxLength = 400;
    public const string TooLong = "(too long to print; read the generated code)";

    private const int AtomPrecedence = 100;
    private const int PowerPrecedence = 95;
    private const int UnaryPrecedence = 90;
    private const int ProductPrecedence = 80;
    private const int SumPrecedence = 70;
    private const int ComparePrecedence = 60;
    private const int AndPrecedence = 50;
    private const int OrPrecedence = 45;
    private const int SelectPrecedence = 40;

    private readonly IReadOnlyList<GraphNode> _nodes;
    private readonly IReadOnlyList<string> _parameters;
    private readonly Dictionary<int, (string? Text, int Precedence)> _memo = new();

    private readonly IReadOnlyDictionary<int, string> _names;
    private readonly IReadOnlyList<CalleeModel> _callees;
    private readonly IReadOnlyList<string> _symbols = System.Array.Empty<string>();
    private readonly IReadOnlyList<LoopModel> _loops = System.Array.Empty<LoopModel>();
    private int _printing = -1;

    /// <param name="nodes">The DAG.</param>
    /// <param name="parameters">Parameter names.</param>
    /// <param name="names">Nodes printed by name (source locals), as a textbook writes "where z = ...".</param>
    /// <summary>A printer for <paramref name="graph"/>, naming the given source locals.</summary>
    public FormulaPrinter(DerivativeGraphModel graph, IReadOnlyDictionary<int, string> names)
        : this(graph.Nodes, graph.Parameters, names, graph.Callees)
    {
        _symbols = graph.Symbols;
        _loops = graph.Loops;
    }

    public FormulaPrinter(IReadOnlyList<GraphNode> nodes, IReadOnlyList<string> parameters, IReadOnlyDictionary<int, string> names, IReadOnlyList<CalleeModel>? callees = null)
    {
        _callees = callees ?? System.Array.Empty<CalleeModel>();
        _nodes = nodes;
        _parameters = parameters;
        _names = names;
    }

    /// <summary>The formula of <paramref name="id"/>; named nodes inside it appear by name.</summary>
    public string Print(int id)
    {
        _printing = id;
        _memo.Remove(id);
        var text = Format(id).Text ?? TooLong;
        _memo.Remove(id);
        _printing = -1;
        return text;
    }

    private (string? Text, int Precedence) Format(int id)
    {
        if (!_memo.TryGetValue(id, out var result))
        {
            result = FormatCore(id);
            if (result.Text is { Length: > MaxLength })
            {
                result = (null, AtomPrecedence);
            }

            _memo[id] = result;
        }

        return result;
    }

    private (string? Text, int Precedence) FormatCore(int id)
    {
        if (id != _printing && _names.TryGetValue(id, out var name))
        {
            return (name, AtomPrecedence);
        }

        var node = _nodes[id];
        switch (node.Operation)
        {
            case Operation.Constant:
                var constant = FormatConstant(node.Constant);
                return (constant, constant.StartsWith("-") ? UnaryPrecedence : AtomPrecedence);
            case Operation.Parameter:
                return (_parameters[node.ParameterIndex], AtomPrecedence);
            case Operation.Multiply:
                return Product(id);
            case Operation.Pow when PositivePower(node) is not null:
                return Product(id);
            case Operation.Pow when _nodes[node.Operand1].IsConstant && GraphAlgebra.IsSmallInteger(_nodes[node.Operand1].Constant):
                var reciprocal = Operand(node.Operand0, PowerPrecedence + 1);
                return reciprocal is null ? (null, 0) : ("1 / " + reciprocal + Superscript(-(int)_nodes[node.Operand1].Constant), ProductPrecedence);
            case Operation.Add:
            case Operation.Subtract:
                return Binary(node, node.Operation == Operation.Add ? " + " : " - ", SumPrecedence);
            case Operation.Divide:
                return Binary(node, " / ", ProductPrecedence);
            case Operation.Negate:
                var operand = Operand(node.Operand0, UnaryPrecedence + 1);
                return operand is null ? (null, 0) : ("-" + operand, UnaryPrecedence);
            case Operation.Less or Operation.LessOrEqual or Operation.Greater or Operation.GreaterOrEqual
                or Operation.Equal or Operation.NotEqual:
                return Binary(node, " " + OperatorOf(node.Operation) + " ", ComparePrecedence);
            case Operation.And:
                return Binary(node, " ∧ ", AndPrecedence);
            case Operation.Or:
                return Binary(node, " ∨ ", OrPrecedence);
            case Operation.Not:
                var negated = Operand(node.Operand0, AtomPrecedence);
                return negated is null ? (null, 0) : ("¬" + negated, UnaryPrecedence);
            case Operation.True:
                return ("true", AtomPrecedence);
            case Operation.False:
                return ("false", AtomPrecedence);
            case Operation.Result:
                return CallResult(node);
            case Operation.Integer:
                return (_symbols[(int)node.Payload], AtomPrecedence);
            case Operation.Element:
                var element = _symbols[(int)node.Payload].Split(ExprGraph.ElementSeparator);
                return (element[0] + "[" + element[1] + "]", AtomPrecedence);
            case Operation.LoopResult when _nodes[node.Operand0].Operation == Operation.Loop:
                var loop = _loops[(int)_nodes[node.Operand0].Payload];
                return (loop.StateNames[(int)node.Payload] + " after the loop over " + loop.Index, AtomPrecedence);
            case Operation.LoopResult:
                return (null, 0);
            case Operation.Select:
                var c = Operand(node.Operand0, SelectPrecedence + 1);
                var t = Operand(node.Operand1, SelectPrecedence + 1);
                var f = Operand(node.Operand2, SelectPrecedence);
                return c is null || t is null || f is null ? (null, 0) : (c + " ? " + t + " : " + f, SelectPrecedence);
            default:
                var template = OperationTable.Get(node.Operation).Formula;
                var arguments = new object?[node.Arity];
                for (var i = 0; i < node.Arity; i++)
                {
                    arguments[i] = Operand(node.Operand(i), 0);
                    if (arguments[i] is null)
                    {
                        return (null, 0);
                    }
                }

                return (string.Format(CultureInfo.InvariantCulture, template, arguments), AtomPrecedence);
        }
    }

    /// <summary><c>G(a, b)</c> for a call's value, <c>∂₁G(a, b)</c> for its partial by the first argument.</summary>
    private (string? Text, int Precedence) CallResult(GraphNode result)
    {
        var call = _nodes[result.Operand0];
        var callee = _callees[(int)call.Payload];
        var arguments = new List<string>();
        for (var i = 0; i < call.Arity; i++)
        {
            if (Operand(call.Operand(i), 0) is not { } argument)
            {
                return (null, 0);
            }

            arguments.Add(argument);
        }

        var prefix = result.Payload < 0 ? "" : "∂" + Subscript((int)result.Payload + 1);
        return (prefix + callee.Display + "(" + string.Join(", ", arguments) + ")", AtomPrecedence);
    }

    private (string? Text, int Precedence) Binary(GraphNode node, string symbol, int precedence)
    {
        var left = Operand(node.Operand0, precedence);
        var right = Operand(node.Operand1, precedence + 1);
        return left is null || right is null ? (null, 0) : (left + symbol + right, precedence);
    }

    /// <summary>Flattens a chain of products so that repeated factors print as powers.</summary>
    private (string? Text, int Precedence) Product(int id)
    {
        var coefficient = 1.0;
        var factors = new List<int>();
        var exponents = new Dictionary<int, int>();
        CollectFactors(id, ref coefficient, factors, exponents);

        var text = new StringBuilder();
        if (coefficient == -1.0)
        {
            text.Append('-');
        }
        else if (coefficient != 1.0 || factors.Count == 0)
        {
            text.Append(FormatConstant(coefficient));
        }

        foreach (var factor in factors)
        {
            var exponent = exponents[factor];
            var operand = Operand(factor, exponent > 1 ? PowerPrecedence + 1 : ProductPrecedence + 1);
            if (operand is null)
            {
                return (null, 0);
            }

            if (text.Length > 0 && text[text.Length - 1] != '-')
            {
                text.Append('·');
            }

            text.Append(operand);
            if (exponent > 1)
            {
                text.Append(Superscript(exponent));
            }
        }

        return (text.ToString(), coefficient < 0 ? UnaryPrecedence - 1 : ProductPrecedence);
    }

    private void CollectFactors(int id, ref double coefficient, List<int> factors, Dictionary<int, int> exponents)
    {
        var node = _nodes[id];
        if (node.Operation == Operation.Multiply)
        {
            CollectFactors(node.Operand0, ref coefficient, factors, exponents);
            CollectFactors(node.Operand1, ref coefficient, factors, exponents);
        }
        else if (PositivePower(node) is int power)
        {
            for (var i = 0; i < power; i++)
            {
                CollectFactors(node.Operand0, ref coefficient, factors, exponents);
            }
        }
        else if (node.IsConstant)
        {
            coefficient *= node.Constant;
        }
        else if (exponents.TryGetValue(id, out var count))
        {
            exponents[id] = count + 1;
        }
        else
        {
            factors.Add(id);
            exponents[id] = 1;
        }
    }

    private int? PositivePower(GraphNode node)
        => node.Operation == Operation.Pow && _nodes[node.Operand1].IsConstant && _nodes[node.Operand1].Constant is var n
            && GraphAlgebra.IsSmallInteger(n) && n > 0
            ? (int)n
            : null;

    private string? Operand(int id, int minimumPrecedence)
    {
        var (text, precedence) = Format(id);
        if (text is null)
        {
            return null;
        }

        return precedence < minimumPrecedence ? "(" + text + ")" : text;
    }

    private static string OperatorOf(Operation operation) => operation switch
    {
        Operation.Less => "<",
        Operation.LessOrEqual => "≤",
        Operation.Greater => ">",
        Operation.GreaterOrEqual => "≥",
        Operation.Equal => "=",
        _ => "≠",
    };

    private static string Subscript(int index)
    {
        const string digits = "₀₁₂₃₄₅₆₇₈₉";
        return new string(index.ToString(CultureInfo.InvariantCulture).Select(d => digits[d - '0']).ToArray());
    }

    private static string Superscript(int exponent)
    {
        const string digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        return new string(exponent.ToString(CultureInfo.InvariantCulture).Select(d => digits[d - '0']).ToArray());
    }

    private static string FormatConstant(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "∞" : "-∞";
        }

        return value.ToString("R", CultureInfo.InvariantCulture);
    }
}
