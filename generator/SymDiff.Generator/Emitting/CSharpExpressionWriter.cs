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

    /// <summary>The operations written as C#'s binary operators (addition aside: <c>a + -b</c> is written <c>a - b</c>).</summary>
    private static readonly Dictionary<Operation, (string Symbol, int Precedence)> BinaryOperators = new()
    {
        [Operation.Subtract] = (" - ", Additive),
        [Operation.Multiply] = (" * ", Multiplicative),
        [Operation.Divide] = (" / ", Multiplicative),
        [Operation.Less] = (" < ", Relational),
        [Operation.LessOrEqual] = (" <= ", Relational),
        [Operation.Greater] = (" > ", Relational),
        [Operation.GreaterOrEqual] = (" >= ", Relational),
        [Operation.Equal] = (" == ", Equality),
        [Operation.NotEqual] = (" != ", Equality),
        [Operation.And] = (" && ", ConditionalAnd),
        [Operation.Or] = (" || ", ConditionalOr),
    };

    private readonly EmissionPlan _plan;
    private readonly Func<int, Code?>? _replacement;
    private readonly Func<string, Ir.IntExpr, (string, bool)?, Code>? _element;
    private readonly Dictionary<int, Code?> _replaced = new();
    private readonly Dictionary<string, Code> _written;

    /// <summary>What the method's writers wrote so far, by text (shared by every writer of one method).</summary>
    public Dictionary<string, Code> Written => _written;
    private bool _inline;
    private Func<string, Ir.IntExpr, (string, bool)?, Code>? _inlineElement;

    /// <param name="plan">Where each node is computed and what it is called.</param>
    /// <param name="replacement">Text read instead of computing a node, or null to compute it (see <see cref="InvariantTables"/>).</param>
    /// <param name="element">The code to read an element with, given its vector and index texts (see <see cref="InductionVariables.Element"/>).</param>
    /// <param name="written">What every writer of the method wrote so far, by text: a parameter of a loop body is such a text (a captured value), and reads what it read.</param>
    public CSharpExpressionWriter(EmissionPlan plan, Dictionary<string, Code> written, Func<int, Code?>? replacement = null, Func<string, Ir.IntExpr, (string, bool)?, Code>? element = null)
    {
        _plan = plan;
        _written = written;
        _replacement = replacement;
        _element = element;
    }

    /// <summary>The expression for <paramref name="id"/>: its local's name if it has one.</summary>
    public string Write(int id) => WriteCode(id).Text;

    /// <summary>The expression for <paramref name="id"/>, with the names it reads.</summary>
    public Code WriteCode(int id)
    {
        var code = Write(id, 0);
        if (!code.IsName)
        {
            _written[code.Text] = code;
        }

        return code;
    }

    /// <summary>The expression computing <paramref name="id"/> itself, with the names it reads.</summary>
    public Code DefinitionCode(int id) => Format(id).Code;

    /// <summary>
    /// The expression computing <paramref name="id"/> from scratch: no local is read and nothing is replaced; elements
    /// are read with the source's index, or as <paramref name="element"/> writes them (in a loop of the generated code's own).
    /// </summary>
    public Code WriteInline(int id, Func<string, Ir.IntExpr, (string, bool)?, Code>? element = null)
    {
        _inline = true;
        _inlineElement = element;
        try
        {
            return Format(id).Code;
        }
        finally
        {
            _inline = false;
            _inlineElement = null;
        }
    }

    private Code Write(int id, int minimumPrecedence)
    {
        var (code, precedence) = !_inline && _plan.Names[id] is { } name ? (Named(name), Primary) : Format(id);
        return precedence < minimumPrecedence ? Code.Around("(", code, ")") : code;
    }

    private (Code Code, int Precedence) Format(int id)
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
        if (BinaryOperators.TryGetValue(node.Operation, out var binary))
        {
            return Binary(node, binary.Symbol, binary.Precedence);
        }

        switch (node.Operation)
        {
            case Operation.Constant:
                var literal = _plan.Model.Literals[id] is { Length: > 0 } source && _plan.Model.Scalar == "double" ? source : Literal(node.Constant, _plan.Model.Scalar);
                return (Code.Verbatim(literal), literal.StartsWith("-") ? Unary : Primary);
            case Operation.Parameter:
                return (Parameter(node.ParameterIndex), Primary);
            case Operation.True:
                return (Code.Verbatim("true"), Primary);
            case Operation.Integer:
                // An int in a double computation is converted where it is read, as the source's (double)i is: two ints
                // must neither divide nor multiply as ints (i / j, i * j overflowing), nor pick Math.Round(decimal).
                var integer = IntegerCode(id);
                return _plan.Model.Scalar is "double" or "float" ? (Code.Around(_plan.Model.Scalar == "double" ? "(double)" : "(float)", integer, ""), Unary) : (Code.Around(_plan.Model.Scalar + ".CreateChecked(", integer, ")"), Primary);
            case Operation.Element:
                var (vector, index) = _plan.Model.ElementParts(id);
                // From scratch (a table's fill, before the loop) the index is the source's: running locals live in the loop.
                var element = _inline ? _inlineElement : _element;
                return (element is null ? Code.Element(vector, Code.Of(index)) : element(vector, index, null), Primary);
            case Operation.False:
                return (Code.Verbatim("false"), Primary);
            case Operation.Add:
                // a + -k·b is written a - k·b: negation is exact, so the value is the same, and it reads (and compiles) as by hand.
                var addend = Write(node.Operand1, Additive + 1);
                return addend.StartsWith("-")
                    ? (Code.Between(Write(node.Operand0, Additive), " - ", addend.Skip(1)), Additive)
                    : (Code.Between(Write(node.Operand0, Additive), " + ", addend), Additive);
            case Operation.Negate:
                var operand = Write(node.Operand0, Unary);
                return (Code.Around(operand.StartsWith("-") ? "-(" : "-", operand, operand.StartsWith("-") ? ")" : ""), Unary);
            case Operation.Not:
                return (Code.Around("!", Write(node.Operand0, Unary), ""), Unary);
            case Operation.Select:
                return (Code.Between(Code.Between(Write(node.Operand0, Conditional + 1), " ? ", Write(node.Operand1, Conditional + 1)), " : ", Write(node.Operand2, Conditional)), Conditional);
            case Operation.Pow when IntegerExponent(node) is int n:
                var factor = Write(node.Operand0, Multiplicative + 1);
                var product = Code.Join(" * ", Enumerable.Repeat(factor, Math.Abs(n)));
                return n > 0 ? (product, Multiplicative) : (Code.Verbatim(Literal(1.0, _plan.Model.Scalar)) + " / " + (n == -1 ? product : "(" + product + ")"), Multiplicative);
            case Operation.WithoutDerivative:
                return _inline || _plan.Names[node.Operand0] is not { } operandName ? Format(node.Operand0) : (Named(operandName), Primary);
            case Operation.SignOf or Operation.Sign:
                // Math.Sign throws for NaN; this form gives NaN, so that a value computed ahead of a branch cannot throw.
                var x = Write(node.Operand0, Relational + 1);
                Code L(double v) => Code.Verbatim(Literal(v, _plan.Model.Scalar));
                return ("(" + x + " > " + L(0) + " ? " + L(1) + " : " + x + " < " + L(0) + " ? " + L(-1) + " : " + x + " == " + L(0) + " ? " + L(0) + " : " + x + ")", Primary);
            default:
                var template = OperationTable.Get(node.Operation).CSharp.Replace("global::System.Math.", MathPrefix(_plan.Model.Scalar));
                var operands = new Code[node.Arity];
                for (var i = 0; i < node.Arity; i++)
                {
                    operands[i] = Write(node.Operand(i), 0);
                }

                return (Code.Format(template, operands), template.StartsWith("(double)") ? Unary : Primary);
        }
    }

    /// <summary>
    /// The statements computing a call's value into its local and its used partials into
    /// <c>name_dI</c>, in the callee's form: a gradient method's out parameters, a one-argument
    /// derivative, or a pullback seeded with 1.
    /// </summary>
    public IEnumerable<Statement> CallStatements(int id)
    {
        var node = _plan.Model.Nodes[id];
        var callee = _plan.Model.Callees[(int)node.Payload];
        var name = _plan.Names[id]!;
        var arguments = Enumerable.Range(0, node.Arity).Select(i => Write(node.Operand(i), 0)).ToList();
        var used = _plan.UsedPartials(id);
        var call = "(" + Code.Join(", ", arguments);
        string Partial(int i) => name + "_d" + i;
        switch (callee.Form)
        {
            case CallForm.Gradient:
                var outs = string.Concat(Enumerable.Range(0, node.Arity).Select(i => used.Contains(i) ? ", out double " + Partial(i) : ", out _"));
                yield return new CodeLine(Code.Verbatim("double " + name + " = " + callee.DerivativeMethod) + call + Code.Verbatim(outs + ");"), new[] { name }.Concat(used.Select(Partial)).ToList());
                break;
            case CallForm.Derivative:
                yield return new Let("double", name, Code.Verbatim(callee.ValueMethod) + call + ")");
                if (used.Contains(0))
                {
                    yield return new Let("double", Partial(0), Code.Verbatim(callee.DerivativeMethod) + call + ")");
                }

                break;
            default:
                yield return new Let("double", name, Code.Verbatim(callee.ValueMethod) + call + ")");
                if (used.Count > 0)
                {
                    var partials = Enumerable.Range(0, node.Arity).Select(Partial).ToList();
                    yield return new CodeLine(Code.Verbatim("double " + string.Join(", ", partials.Select(p => p + " = 0.0")) + ";"), partials);
                    yield return new CodeLine(Code.Verbatim(callee.DerivativeMethod) + call + ", 1.0" + Code.Join("", partials.Select(p => Code.Verbatim(", ref ") + Code.Name(p))) + ");");
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

    /// <summary>A parameter of this DAG: a name, or a value the enclosing DAG wrote (and the names that read).</summary>
    private Code Parameter(int index) => Named(Identifier.Escape(_plan.Model.Parameters[index]));

    /// <summary>
    /// The code a node's name stands for: a local's name, or (a parameter of a loop body, or a node named after it) the
    /// text the enclosing DAG wrote for it, with what that reads (<c>1.0</c>, <c>tape[k]</c>).
    /// </summary>
    private Code Named(string text)
        => _written.TryGetValue(text, out var written) ? written : Code.Plain(text);

    private (Code Code, int Precedence) Binary(GraphNode node, string symbol, int precedence)
    {
        // Two ints compare the same as ints: j < d reads better than (double)j < (double)d.
        var nodes = _plan.Model.Nodes;
        if (precedence is Relational or Equality && nodes[node.Operand0].Operation == Operation.Integer && nodes[node.Operand1].Operation == Operation.Integer)
        {
            return (Code.Between(IntegerCode(node.Operand0), symbol, IntegerCode(node.Operand1)), precedence);
        }

        return (Code.Between(Write(node.Operand0, precedence), symbol, Write(node.Operand1, precedence + 1)), precedence);
    }

    /// <summary>An int node's own C# text, parenthesised unless it is a name or a number.</summary>
    private Code IntegerCode(int id)
    {
        var code = Code.Of(_plan.Model.IntegerValue(id));
        return code.Text.All(c => char.IsLetterOrDigit(c) || c is '_' or '.') ? code : Code.Around("(", code, ")");
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
