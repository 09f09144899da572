using System.Globalization;
using System.Text;

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
    private readonly IReadOnlyList<IndexSymbol> _symbols = System.Array.Empty<IndexSymbol>();
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

        if (SigmoidForm.Argument(_nodes, id) is int argument)
        {
            var u = Operand(argument, 0);
            return u is null ? (null, 0) : ("σ(" + u + ")", AtomPrecedence);
        }

        var node = _nodes[id];
        switch (node.Operation)
        {
            case Operation.Constant:
                var constant = FormatConstant(node.Constant);
                return (constant, constant.StartsWith("-") ? UnaryPrecedence : AtomPrecedence);
            case Operation.Parameter:
                return (_parameters[node.ParameterIndex], AtomPrecedence);
            case Operation.Multiply or Operation.Divide or Operation.Negate:
            case Operation.Pow when _nodes[node.Operand1].IsConstant && GraphAlgebra.IsSmallInteger(_nodes[node.Operand1].Constant) && _nodes[node.Operand1].Constant != 0:
                return Product(id);
            case Operation.Add:
            case Operation.Subtract:
                return Sum(node);
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
                // An int expression is one value: a·(n % m), not a·n % m.
                var integer = _symbols[(int)node.Payload].Index.ToString();
                return (integer.All(c => char.IsLetterOrDigit(c) || c is '_' or '.') ? integer : "(" + integer + ")", AtomPrecedence);
            case Operation.Element:
                var element = _symbols[(int)node.Payload];
                return (element.Vector + "[" + element.Index + "]", AtomPrecedence);
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

    /// <summary>
    /// a + b and a - b as a textbook writes them: no "+ 0", and "a - 2·x" rather than "a + -2·x".
    /// A sum on the right of + needs no parentheses.
    /// </summary>
    private (string? Text, int Precedence) Sum(GraphNode node)
    {
        var subtract = node.Operation == Operation.Subtract;
        if (IsZero(node.Operand1))
        {
            return Format(node.Operand0);
        }

        if (IsZero(node.Operand0))
        {
            return subtract ? Negated(node.Operand1) : Format(node.Operand1);
        }

        var left = Operand(node.Operand0, SumPrecedence);
        var right = Operand(node.Operand1, subtract ? SumPrecedence + 1 : SumPrecedence);
        if (left is null || right is null)
        {
            return (null, 0);
        }

        // A leading minus negates everything after it, so it can become the operator.
        if (right.StartsWith("-", StringComparison.Ordinal))
        {
            return (left + (subtract ? " + " : " - ") + right.Substring(1), SumPrecedence);
        }

        return (left + (subtract ? " - " : " + ") + right, SumPrecedence);
    }

    private (string? Text, int Precedence) Negated(int id)
    {
        var operand = Operand(id, ProductPrecedence);
        return operand is null ? (null, 0)
            : operand.StartsWith("-", StringComparison.Ordinal) ? (operand.Substring(1), ProductPrecedence)
            : ("-" + operand, UnaryPrecedence - 1);
    }

    /// <summary>Whether the node prints as 0: the constant, or a product with a zero factor (0·x is 0 for every finite x).</summary>
    private bool IsZero(int id) => Format(id).Text == "0";

    /// <summary>
    /// A chain of ×, ÷, negation and integer powers as one fraction: constants collected into one
    /// coefficient, repeated factors as powers, σ/(1 + e)·e as σ·(1 - σ).
    /// </summary>
    private (string? Text, int Precedence) Product(int id)
    {
        var factors = new ProductFactors(_nodes, IsAtom);
        factors.Collect(id);
        factors.Cancel();
        var complements = SigmoidDerivatives(factors);

        if (factors.Coefficient == 0.0)
        {
            return ("0", AtomPrecedence);
        }

        var (coefficient, divisor) = Reduce(factors.Coefficient, factors.Divisor);
        var numerator = new List<string>();
        foreach (var factor in factors.Numerator.ToList())
        {
            if (Power(factor, factors.Exponent(factor, below: false)) is not { } power)
            {
                return (null, 0);
            }

            // A factor that collapsed to a number when printed (1 + 0·x).
            if (power == "0")
            {
                return ("0", AtomPrecedence);
            }

            if (power != "1")
            {
                numerator.Add(power);
            }

            for (var i = 0; i < complements.Count(c => c == factor); i++)
            {
                numerator.Add("(1 - " + Format(factor).Text + ")");
            }
        }

        var denominator = divisor == 1.0 ? new List<string>() : new List<string> { FormatConstant(divisor) };
        foreach (var factor in factors.Denominator)
        {
            if (Power(factor, factors.Exponent(factor, below: true)) is not { } power)
            {
                return (null, 0);
            }

            if (power != "1")
            {
                denominator.Add(power);
            }
        }

        var sign = coefficient < 0 ? "-" : "";
        var magnitude = Math.Abs(coefficient);
        if (magnitude != 1.0 || numerator.Count == 0)
        {
            numerator.Insert(0, FormatConstant(magnitude));
        }

        var text = sign + string.Join("·", numerator);
        if (denominator.Count > 0)
        {
            text += " / " + (denominator.Count > 1 ? "(" + string.Join("·", denominator) + ")" : denominator[0]);
        }

        return (text, coefficient < 0 ? UnaryPrecedence - 1 : ProductPrecedence);
    }

    /// <summary>Names and sigmoids are kept whole inside a product.</summary>
    private bool IsAtom(int id) => id != _printing && _names.ContainsKey(id) || SigmoidForm.Argument(_nodes, id) is not null;

    /// <summary>
    /// Rewrites s/d·e and s·s·e as s·(1 - s) wherever s = 1/d, d = 1 + e, and s/d as s²: returns the factors
    /// that stand beside once more as (1 - s).
    /// </summary>
    private List<int> SigmoidDerivatives(ProductFactors factors)
    {
        var complements = new List<int>();
        foreach (var s in factors.Numerator.ToList())
        {
            if (SigmoidForm.IsReciprocalOfOnePlus(_nodes, s, out var d, out var e))
            {
                while (factors.Exponent(d, below: true) > 0 && factors.Exponent(e, below: false) > 0)
                {
                    factors.Remove(d, below: true);
                    factors.Remove(e, below: false);
                    complements.Add(s);
                }

                // s·s·e is the same: s·e = e/d = 1 - s.
                while (factors.Exponent(s, below: false) > 1 && factors.Exponent(e, below: false) > 0)
                {
                    factors.Remove(s, below: false);
                    factors.Remove(e, below: false);
                    complements.Add(s);
                }
            }

            if (SigmoidForm.IsReciprocal(_nodes, s, out d))
            {
                while (factors.Exponent(d, below: true) > 0)
                {
                    factors.Remove(d, below: true);
                    factors.Multiply(s);
                }
            }
        }

        return complements;
    }

    /// <summary>The factor printed with its exponent, parenthesised as a factor or a base needs.</summary>
    private string? Power(int factor, int exponent)
    {
        var operand = Operand(factor, exponent > 1 ? PowerPrecedence + 1 : ProductPrecedence + 1);
        return operand is null ? null : exponent > 1 ? operand + Superscript(exponent) : operand;
    }

    /// <summary>Coefficient and divisor as one number when that is whole, else as a reduced fraction.</summary>
    private static (double Coefficient, double Divisor) Reduce(double coefficient, double divisor)
    {
        if (divisor < 0)
        {
            (coefficient, divisor) = (-coefficient, -divisor);
        }

        var quotient = coefficient / divisor;
        if (divisor == 1.0 && !IsWhole(coefficient) && 1.0 / coefficient is var reciprocal && IsWhole(reciprocal) && 1.0 / reciprocal == coefficient)
        {
            return (Math.Sign(coefficient), Math.Abs(reciprocal));
        }

        if (divisor == 1.0 || IsWhole(quotient) && quotient * divisor == coefficient)
        {
            return (quotient, 1.0);
        }

        if (!IsWhole(coefficient) && divisor / coefficient is var rest && rest * coefficient == divisor)
        {
            return (Math.Sign(coefficient), Math.Abs(rest));
        }

        if (IsWhole(coefficient) && IsWhole(divisor))
        {
            var gcd = Gcd(Math.Abs(coefficient), divisor);
            return (coefficient / gcd, divisor / gcd);
        }

        return (coefficient, divisor);
    }

    private static bool IsWhole(double value) => value == Math.Floor(value) && Math.Abs(value) < 1e15;

    private static double Gcd(double a, double b) => b == 0 ? a : Gcd(b, a % b);

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
