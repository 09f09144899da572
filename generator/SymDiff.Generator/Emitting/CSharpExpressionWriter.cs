using System.Globalization;
using SymDiff.Generator.Differentiation;

namespace SymDiff.Generator.Emitting;

/// <summary>Writes a node as a C# expression, using locals where the plan gave one and parentheses only where precedence needs them.</summary>
internal sealed class CSharpExpressionWriter
{
    private const int Primary = 100;
    private const int Unary = 90;
    private const int Multiplicative = 80;
    private const int Additive = 70;
    private const int Relational = 60;
    private const int Equality = 55;
    private const int ConditionalAnd = 50;
    private const int ConditionalOr = 45;
    private const int Conditional = 40;

    private readonly EmissionPlan _plan;
    private readonly Func<int, string?>? _replacement;
    private readonly Func<string, Ir.IntExpr, (string, bool)?, string>? _element;
    private readonly Dictionary<int, string?> _replaced = new();
    private bool _inline;
    private Func<string, Ir.IntExpr, (string, bool)?, string>? _inlineElement;

    /// <param name="plan">Where each node is computed and what it is called.</param>
    /// <param name="replacement">Text read instead of computing a node, or null to compute it (see <see cref="InvariantTables"/>).</param>
    /// <param name="element">The code to read an element with, given its vector and index texts (see <see cref="InductionVariables.Element"/>).</param>
    public CSharpExpressionWriter(EmissionPlan plan, Func<int, string?>? replacement = null, Func<string, Ir.IntExpr, (string, bool)?, string>? element = null)
    {
        _plan = plan;
        _replacement = replacement;
        _element = element;
    }

    /// <summary>The expression for <paramref name="id"/>: its local's name if it has one.</summary>
    public string Write(int id) => Write(id, 0);

    /// <summary>The expression computing <paramref name="id"/> itself, even if it has a local.</summary>
    public string WriteDefinition(int id) => Format(id).Text;

    /// <summary>
    /// The expression computing <paramref name="id"/> from scratch: no local is read and nothing is replaced; elements
    /// are read with the source's index, or as <paramref name="element"/> writes them (in a loop of the generated code's own).
    /// </summary>
    public string WriteInline(int id, Func<string, Ir.IntExpr, (string, bool)?, string>? element = null)
    {
        _inline = true;
        _inlineElement = element;
        try
        {
            return Format(id).Text;
        }
        finally
        {
            _inline = false;
            _inlineElement = null;
        }
    }

    private string Write(int id, int minimumPrecedence)
    {
        var (text, precedence) = !_inline && _plan.Names[id] is { } name ? (name, Primary) : Format(id);
        return precedence < minimumPrecedence ? "(" + text + ")" : text;
    }

    private (string Text, int Precedence) Format(int id)
    {
        if (!_inline && _replacement is not null)
        {
            if (!_replaced.TryGetValue(id, out var replaced))
            {
                _replaced[id] = replaced = _replacement(id);
            }

            if (replaced is not null)
            {
                return (replaced, Primary);
            }
        }

        var node = _plan.Model.Nodes[id];
        switch (node.Operation)
        {
            case Operation.Constant:
                var literal = _plan.Model.Literals[id] is { Length: > 0 } source && _plan.Model.Scalar == "double" ? source : Literal(node.Constant, _plan.Model.Scalar);
                return (literal, literal.StartsWith("-") ? Unary : Primary);
            case Operation.Parameter:
                return (Identifier.Escape(_plan.Model.Parameters[node.ParameterIndex]), Primary);
            case Operation.True:
                return ("true", Primary);
            case Operation.Integer:
                // An int in a double computation is converted where it is read, as the source's (double)i is: two ints
                // must neither divide nor multiply as ints (i / j, i * j overflowing), nor pick Math.Round(decimal).
                var integer = IntegerCode(id);
                return _plan.Model.Scalar is "double" or "float" ? ("(" + _plan.Model.Scalar + ")" + integer, Unary) : (_plan.Model.Scalar + ".CreateChecked(" + integer + ")", Primary);
            case Operation.Element:
                var (vector, index) = _plan.Model.ElementParts(id);
                // From scratch (a table's fill, before the loop) the index is the source's: running locals live in the loop.
                var element = _inline ? _inlineElement : _element;
                return (element is null ? vector + "[" + index + "]" : element(vector, index, null), Primary);
            case Operation.False:
                return ("false", Primary);
            case Operation.Add:
                // a + -k·b is written a - k·b: negation is exact, so the value is the same, and it reads (and compiles) as by hand.
                var addend = Write(node.Operand1, Additive + 1);
                return addend.StartsWith("-")
                    ? (Write(node.Operand0, Additive) + " - " + addend.Substring(1), Additive)
                    : (Write(node.Operand0, Additive) + " + " + addend, Additive);
            case Operation.Subtract:
                return Binary(node, "-", Additive);
            case Operation.Multiply:
                return Binary(node, "*", Multiplicative);
            case Operation.Divide:
                return Binary(node, "/", Multiplicative);
            case Operation.Negate:
                var operand = Write(node.Operand0, Unary);
                return ("-" + (operand.StartsWith("-") ? "(" + operand + ")" : operand), Unary);
            case Operation.Not:
                return ("!" + Write(node.Operand0, Unary), Unary);
            case Operation.Less:
                return Binary(node, "<", Relational);
            case Operation.LessOrEqual:
                return Binary(node, "<=", Relational);
            case Operation.Greater:
                return Binary(node, ">", Relational);
            case Operation.GreaterOrEqual:
                return Binary(node, ">=", Relational);
            case Operation.Equal:
                return Binary(node, "==", Equality);
            case Operation.NotEqual:
                return Binary(node, "!=", Equality);
            case Operation.And:
                return Binary(node, "&&", ConditionalAnd);
            case Operation.Or:
                return Binary(node, "||", ConditionalOr);
            case Operation.Select:
                return (Write(node.Operand0, Conditional + 1) + " ? " + Write(node.Operand1, Conditional + 1) + " : " + Write(node.Operand2, Conditional), Conditional);
            case Operation.Pow when IntegerExponent(node) is int n:
                var factor = Write(node.Operand0, Multiplicative + 1);
                var product = string.Join(" * ", Enumerable.Repeat(factor, Math.Abs(n)));
                return n > 0 ? (product, Multiplicative) : (Literal(1.0, _plan.Model.Scalar) + " / " + (n == -1 ? product : "(" + product + ")"), Multiplicative);
            case Operation.WithoutDerivative:
                return _inline || _plan.Names[node.Operand0] is not { } operandName ? Format(node.Operand0) : (operandName, Primary);
            case Operation.SignOf or Operation.Sign:
                // Math.Sign throws for NaN; this form gives NaN, so that a value computed ahead of a branch cannot throw.
                var x = Write(node.Operand0, Relational + 1);
                string L(double v) => Literal(v, _plan.Model.Scalar);
                return ("(" + x + " > " + L(0) + " ? " + L(1) + " : " + x + " < " + L(0) + " ? " + L(-1) + " : " + x + " == " + L(0) + " ? " + L(0) + " : " + x + ")", Primary);
            default:
                var template = OperationTable.Get(node.Operation).CSharp.Replace("global::System.Math.", MathPrefix(_plan.Model.Scalar));
                var operands = new object[node.Arity];
                for (var i = 0; i < node.Arity; i++)
                {
                    operands[i] = Write(node.Operand(i), 0);
                }

                return (string.Format(CultureInfo.InvariantCulture, template, operands), template.StartsWith("(double)") ? Unary : Primary);
        }
    }

    /// <summary>
    /// The statements computing a call's value into its local and its used partials into
    /// <c>name_dI</c>, in the callee's form: a gradient method's out parameters, a one-argument
    /// derivative, or a pullback seeded with 1.
    /// </summary>
    public IEnumerable<string> CallStatements(int id)
    {
        var node = _plan.Model.Nodes[id];
        var callee = _plan.Model.Callees[(int)node.Payload];
        var name = _plan.Names[id]!;
        var arguments = Enumerable.Range(0, node.Arity).Select(i => Write(node.Operand(i), 0)).ToList();
        var used = _plan.UsedPartials(id);
        var call = "(" + string.Join(", ", arguments);
        switch (callee.Form)
        {
            case CallForm.Gradient:
                var outs = Enumerable.Range(0, node.Arity).Select(i => used.Contains(i) ? ", out double " + name + "_d" + i : ", out _");
                yield return "double " + name + " = " + callee.DerivativeMethod + call + string.Concat(outs) + ");";
                break;
            case CallForm.Derivative:
                yield return "double " + name + " = " + callee.ValueMethod + call + ");";
                if (used.Contains(0))
                {
                    yield return "double " + name + "_d0 = " + callee.DerivativeMethod + call + ");";
                }

                break;
            default:
                yield return "double " + name + " = " + callee.ValueMethod + call + ");";
                if (used.Count > 0)
                {
                    yield return "double " + string.Join(", ", Enumerable.Range(0, node.Arity).Select(i => name + "_d" + i + " = 0.0")) + ";";
                    yield return callee.DerivativeMethod + call + ", 1.0" + string.Concat(Enumerable.Range(0, node.Arity).Select(i => ", ref " + name + "_d" + i)) + ");";
                }

                break;
        }
    }

    /// <summary>The exponent of a power emitted as multiplications (<c>x * x * x</c>), or null.</summary>
    public static int? IntegerExponent(GraphNode node, IReadOnlyList<GraphNode> nodes)
    {
        if (node.Operation != Operation.Pow || !nodes[node.Operand1].IsConstant)
        {
            return null;
        }

        var exponent = nodes[node.Operand1].Constant;
        return GraphAlgebra.IsSmallInteger(exponent) ? (int)exponent : null;
    }

    private int? IntegerExponent(GraphNode node) => IntegerExponent(node, _plan.Model.Nodes);

    private (string Text, int Precedence) Binary(GraphNode node, string symbol, int precedence)
    {
        // Two ints compare the same as ints: j < d reads better than (double)j < (double)d.
        var nodes = _plan.Model.Nodes;
        if (precedence is Relational or Equality && nodes[node.Operand0].Operation == Operation.Integer && nodes[node.Operand1].Operation == Operation.Integer)
        {
            return (IntegerCode(node.Operand0) + " " + symbol + " " + IntegerCode(node.Operand1), precedence);
        }

        return (Write(node.Operand0, precedence) + " " + symbol + " " + Write(node.Operand1, precedence + 1), precedence);
    }

    /// <summary>An int node's own C# text, parenthesised unless it is a name or a number.</summary>
    private string IntegerCode(int id)
    {
        var code = _plan.Model.IntegerValue(id).ToString();
        return code.All(c => char.IsLetterOrDigit(c) || c is '_' or '.') ? code : "(" + code + ")";
    }

    /// <summary>A double literal that round-trips: <c>3.0</c>, <c>0.1</c>, <c>1E-300</c>, <c>double.NaN</c>.</summary>
    /// <summary>Where the math functions of <paramref name="scalar"/> live: <c>Math.</c>, <c>MathF.</c> or <c>T.</c>.</summary>
    public static string MathPrefix(string scalar) => scalar switch
    {
        "double" => "global::System.Math.",
        "float" => "global::System.MathF.",
        _ => scalar + ".",
    };

    /// <summary>A literal of <paramref name="scalar"/>: <c>2.5</c>, <c>2.5f</c>, or <c>T.CreateTruncating(2.5)</c> (<c>T.One</c>, ...).</summary>
    public static string Literal(double value, string scalar)
    {
        switch (scalar)
        {
            case "double":
                return Literal(value);
            case "float":
                var single = (float)value;
                return float.IsNaN(single) ? "float.NaN"
                    : float.IsPositiveInfinity(single) ? "float.PositiveInfinity"
                    : float.IsNegativeInfinity(single) ? "float.NegativeInfinity"
                    : single.ToString("R", CultureInfo.InvariantCulture) + "f";
            default:
                return value switch
                {
                    0.0 when System.BitConverter.DoubleToInt64Bits(value) == 0 => scalar + ".Zero",
                    1.0 => scalar + ".One",
                    -1.0 => scalar + ".NegativeOne",
                    _ when double.IsNaN(value) => scalar + ".NaN",
                    _ => scalar + ".CreateTruncating(" + Literal(value) + ")",
                };
        }
    }

    public static string Literal(double value)
    {
        if (double.IsNaN(value))
        {
            return "double.NaN";
        }

        if (double.IsPositiveInfinity(value))
        {
            return "double.PositiveInfinity";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "double.NegativeInfinity";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.IndexOfAny(new[] { '.', 'E', 'e' }) >= 0 ? text : text + ".0";
    }
}
