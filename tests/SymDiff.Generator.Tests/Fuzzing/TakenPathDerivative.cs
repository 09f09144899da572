using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>
/// An independent forward-mode derivative: interprets the source method with dual numbers
/// (value, tangent), running only the statements and branches the source itself runs.
/// </summary>
/// <remarks>
/// It tells the two causes of a non-finite partial apart. Where an operation on the taken path has
/// an infinite local derivative multiplied by a zero tangent (<c>3 / (y / 0.0)</c>,
/// <c>Cbrt(0·y)</c>), the chain rule itself gives NaN in IEEE arithmetic, as documented: the same
/// NaN shows up here. Where only the generated code is non-finite, the NaN came from code the source
/// does not run. It uses the derivative conventions of docs/conventions.md.
/// </remarks>
internal sealed class TakenPathDerivative
{
    private readonly Dictionary<string, Dual> _variables = new(StringComparer.Ordinal);
    private readonly SemanticModel? _model;

    private TakenPathDerivative(SemanticModel? model) => _model = model;

    /// <summary>The largest magnitude of any value computed on the path the source runs.</summary>
    private double _largest;

    /// <summary>
    /// ∂/∂parameter <paramref name="index"/> at <paramref name="point"/> (NaN when the source throws
    /// there), and the largest magnitude of a value computed on the way. With a
    /// <paramref name="model"/>, any compile-time constant (<c>double.Epsilon</c>, a field
    /// <c>const</c>, ...) is read through it.
    /// </summary>
    public static (double Partial, double Largest) Partial(MethodDeclarationSyntax method, double[] point, int index, SemanticModel? model = null)
    {
        var interpreter = new TakenPathDerivative(model);
        var parameters = method.ParameterList.Parameters;
        for (var i = 0; i < parameters.Count; i++)
        {
            interpreter._variables[parameters[i].Identifier.ValueText] = new Dual(point[i], i == index ? 1.0 : 0.0);
        }

        try
        {
            var result = method.ExpressionBody is { } arrow
                ? interpreter.Evaluate(arrow.Expression)
                : interpreter.Execute(method.Body!) ?? throw new InvalidOperationException("The method did not return.");
            return (result.Tangent, interpreter._largest);
        }
        catch (Exception e) when (e is ArithmeticException)
        {
            return (double.NaN, interpreter._largest);
        }
    }

    /// <summary>Parses the method declaration out of a <see cref="FuzzMethod"/>'s source.</summary>
    public static MethodDeclarationSyntax Parse(string source)
        => CSharpSyntaxTree.ParseText("class C {\n" + source + "\n}").GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();

    /// <summary>Runs an assignment or an increment.</summary>
    private void Run(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case AssignmentExpressionSyntax { Right: TupleExpressionSyntax values } deconstruction
                when deconstruction.Left is TupleExpressionSyntax or DeclarationExpressionSyntax:
                // Every value first, then every target, as C# does.
                var computed = values.Arguments.Select(argument => Evaluate(argument.Expression)).ToList();
                foreach (var (written, value) in Targets(deconstruction.Left).Zip(computed))
                {
                    _variables[written] = value.AsDouble();
                }

                return;
            case AssignmentExpressionSyntax assignment:
                var name = ((IdentifierNameSyntax)assignment.Left).Identifier.ValueText;
                var right = Evaluate(assignment.Right);
                var current = _variables.TryGetValue(name, out var old) ? old : default;
                _variables[name] = (assignment.Kind() switch
                {
                    SyntaxKind.SimpleAssignmentExpression => right,
                    SyntaxKind.AddAssignmentExpression => Arithmetic(SyntaxKind.AddExpression, current, right),
                    SyntaxKind.SubtractAssignmentExpression => Arithmetic(SyntaxKind.SubtractExpression, current, right),
                    SyntaxKind.MultiplyAssignmentExpression => Arithmetic(SyntaxKind.MultiplyExpression, current, right),
                    SyntaxKind.DivideAssignmentExpression => Arithmetic(SyntaxKind.DivideExpression, current, right),
                    _ => throw Unsupported(assignment),
                }).AsDouble();
                return;
            case PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax:
                var (operand, token) = expression is PostfixUnaryExpressionSyntax post
                    ? (post.Operand, post.OperatorToken)
                    : (((PrefixUnaryExpressionSyntax)expression).Operand, ((PrefixUnaryExpressionSyntax)expression).OperatorToken);
                var target = ((IdentifierNameSyntax)operand).Identifier.ValueText;
                var step = token.IsKind(SyntaxKind.PlusPlusToken) ? 1.0 : -1.0;
                _variables[target] = _variables[target] with { Value = _variables[target].Value + step };
                return;
            default:
                throw Unsupported(expression);
        }
    }

    /// <summary>The names a deconstruction writes, in order: <c>var (a, b)</c>, <c>(double a, b)</c>.</summary>
    private static IEnumerable<string> Targets(ExpressionSyntax left) => left switch
    {
        DeclarationExpressionSyntax { Designation: ParenthesizedVariableDesignationSyntax designation }
            => designation.Variables.Select(v => ((SingleVariableDesignationSyntax)v).Identifier.ValueText),
        TupleExpressionSyntax tuple => tuple.Arguments.Select(argument => argument.Expression switch
        {
            DeclarationExpressionSyntax { Designation: SingleVariableDesignationSyntax single } => single.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => throw Unsupported(argument.Expression),
        }),
        _ => throw Unsupported(left),
    };

    /// <summary>Runs a statement; the returned value, or null when it completes without returning.</summary>
    private Dual? Execute(StatementSyntax statement)
    {
        switch (statement)
        {
            case BlockSyntax block:
                foreach (var inner in block.Statements)
                {
                    if (Execute(inner) is { } returned)
                    {
                        return returned;
                    }
                }

                return null;
            case ReturnStatementSyntax @return:
                return Evaluate(@return.Expression!);
            case IfStatementSyntax @if:
                return Evaluate(@if.Condition).IsTrue
                    ? Execute(@if.Statement)
                    : @if.Else is { } @else ? Execute(@else.Statement) : null;
            case LocalDeclarationStatementSyntax local:
                var isInt = local.Declaration.Type is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.IntKeyword };
                foreach (var variable in local.Declaration.Variables)
                {
                    if (variable.Initializer is { } initializer)
                    {
                        var value = Evaluate(initializer.Value);
                        _variables[variable.Identifier.ValueText] = isInt || local.Declaration.Type.IsVar ? value : value.AsDouble();
                    }
                }

                return null;
            case ExpressionStatementSyntax expression:
                Run(expression.Expression);
                return null;
            case EmptyStatementSyntax:
                return null;
            case ForStatementSyntax @for:
                foreach (var variable in @for.Declaration!.Variables)
                {
                    _variables[variable.Identifier.ValueText] = Evaluate(variable.Initializer!.Value);
                }

                while (Evaluate(@for.Condition!).IsTrue)
                {
                    if (Execute(@for.Statement) is { } returned)
                    {
                        return returned;
                    }

                    foreach (var incrementor in @for.Incrementors)
                    {
                        Run(incrementor);
                    }
                }

                return null;
            default:
                throw Unsupported(statement);
        }
    }

    private Dual Evaluate(ExpressionSyntax expression)
    {
        var result = EvaluateCore(expression);
        if (double.IsFinite(result.Value))
        {
            _largest = Math.Max(_largest, Math.Abs(result.Value));
        }

        return result;
    }

    private Dual EvaluateCore(ExpressionSyntax expression)
    {
        if (_model?.GetConstantValue(expression) is { HasValue: true, Value: { } constant })
        {
            return constant switch
            {
                int i => Dual.Int(i),
                char c => Dual.Int(c), // a mutant's 'x' in arithmetic: its code, as C# converts it
                bool b => Dual.Bool(b),
                _ => new Dual(Convert.ToDouble(constant, System.Globalization.CultureInfo.InvariantCulture), 0.0),
            };
        }

        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Evaluate(parenthesized.Expression);
            case LiteralExpressionSyntax literal:
                return literal.Token.Value switch
                {
                    int i => Dual.Int(i),
                    double d => new Dual(d, 0.0),
                    bool b => Dual.Bool(b),
                    _ => throw Unsupported(literal),
                };
            case IdentifierNameSyntax identifier:
                return _variables[identifier.Identifier.ValueText];
            case MemberAccessExpressionSyntax member:
                return member.Name.Identifier.ValueText switch
                {
                    "PI" or "Pi" => new Dual(Math.PI, 0.0),
                    "E" => new Dual(Math.E, 0.0),
                    _ => throw Unsupported(member),
                };
            case PrefixUnaryExpressionSyntax unary:
                var operand = Evaluate(unary.Operand);
                return unary.Kind() switch
                {
                    SyntaxKind.UnaryMinusExpression => operand with { Value = -operand.Value, Tangent = -operand.Tangent },
                    SyntaxKind.UnaryPlusExpression => operand,
                    SyntaxKind.LogicalNotExpression => Dual.Bool(!operand.IsTrue),
                    _ => throw Unsupported(unary),
                };
            case CastExpressionSyntax cast:
                return Evaluate(cast.Expression).AsDouble();
            case ConditionalExpressionSyntax conditional:
                return Evaluate(conditional.Condition).IsTrue ? Evaluate(conditional.WhenTrue) : Evaluate(conditional.WhenFalse);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalAndExpression):
                return Dual.Bool(Evaluate(binary.Left).IsTrue && Evaluate(binary.Right).IsTrue);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalOrExpression):
                return Dual.Bool(Evaluate(binary.Left).IsTrue || Evaluate(binary.Right).IsTrue);
            case BinaryExpressionSyntax binary:
                return Arithmetic(binary.Kind(), Evaluate(binary.Left), Evaluate(binary.Right));
            case InvocationExpressionSyntax invocation:
                var function = ((MemberAccessExpressionSyntax)invocation.Expression).Name.Identifier.ValueText;
                // Named arguments (Math.Atan2(x: b, y: a)) are placed by their parameter's position.
                var arguments = invocation.ArgumentList.Arguments
                    .OrderBy(a => a.NameColon is { } name ? Array.IndexOf(MethodGenerator.MathParameters[function], name.Name.Identifier.ValueText) : invocation.ArgumentList.Arguments.IndexOf(a))
                    .Select(a => Evaluate(a.Expression).AsDouble())
                    .ToArray();
                return arguments.Length == 1 ? Unary(function, arguments[0]) : Binary(function, arguments[0], arguments[1]);
            default:
                throw Unsupported(expression);
        }
    }

    private static Dual Arithmetic(SyntaxKind kind, Dual a, Dual b)
    {
        if (a.IsInt && b.IsInt && kind is SyntaxKind.AddExpression or SyntaxKind.SubtractExpression or SyntaxKind.MultiplyExpression or SyntaxKind.DivideExpression)
        {
            var (x, y) = ((int)a.Value, (int)b.Value);
            return Dual.Int(kind switch
            {
                SyntaxKind.AddExpression => x + y,
                SyntaxKind.SubtractExpression => x - y,
                SyntaxKind.MultiplyExpression => x * y,
                _ => x / y,
            });
        }

        return kind switch
        {
            SyntaxKind.AddExpression => new Dual(a.Value + b.Value, a.Tangent + b.Tangent),
            SyntaxKind.SubtractExpression => new Dual(a.Value - b.Value, a.Tangent - b.Tangent),
            SyntaxKind.MultiplyExpression => new Dual(a.Value * b.Value, (a.Tangent * b.Value) + (a.Value * b.Tangent)),
            SyntaxKind.DivideExpression => Quotient(a, b),
            SyntaxKind.LessThanExpression => Dual.Bool(a.Value < b.Value),
            SyntaxKind.LessThanOrEqualExpression => Dual.Bool(a.Value <= b.Value),
            SyntaxKind.GreaterThanExpression => Dual.Bool(a.Value > b.Value),
            SyntaxKind.GreaterThanOrEqualExpression => Dual.Bool(a.Value >= b.Value),
            SyntaxKind.EqualsExpression => Dual.Bool(a.Value == b.Value),
            SyntaxKind.NotEqualsExpression => Dual.Bool(a.Value != b.Value),
            _ => throw new NotSupportedException(kind.ToString()),
        };
    }

    private static Dual Quotient(Dual a, Dual b)
    {
        var value = a.Value / b.Value;
        return new Dual(value, (a.Tangent - (value * b.Tangent)) / b.Value);
    }

    private static Dual Unary(string function, Dual a)
    {
        var (x, t) = (a.Value, a.Tangent);
        switch (function)
        {
            case "Sign":
                return Dual.Int(Math.Sign(x));
            case "Floor":
                return new Dual(Math.Floor(x), 0.0);
            case "Ceiling":
                return new Dual(Math.Ceiling(x), 0.0);
            case "Round":
                return new Dual(Math.Round(x), 0.0);
        }

        var (y, derivative) = function switch
        {
            "Sin" => (Math.Sin(x), Math.Cos(x)),
            "Cos" => (Math.Cos(x), -Math.Sin(x)),
            "Tan" => (Math.Tan(x), 1.0 + (Math.Tan(x) * Math.Tan(x))),
            "Asin" => (Math.Asin(x), 1.0 / Math.Sqrt(1.0 - (x * x))),
            "Acos" => (Math.Acos(x), -1.0 / Math.Sqrt(1.0 - (x * x))),
            "Atan" => (Math.Atan(x), 1.0 / (1.0 + (x * x))),
            "Sinh" => (Math.Sinh(x), Math.Cosh(x)),
            "Cosh" => (Math.Cosh(x), Math.Sinh(x)),
            "Tanh" => (Math.Tanh(x), 1.0 - (Math.Tanh(x) * Math.Tanh(x))),
            "Exp" => (Math.Exp(x), Math.Exp(x)),
            "Log" => (Math.Log(x), 1.0 / x),
            "Log10" => (Math.Log10(x), 1.0 / (x * Math.Log(10.0))),
            "Log2" => (Math.Log2(x), 1.0 / (x * Math.Log(2.0))),
            "Sqrt" => (Math.Sqrt(x), x == 0.0 ? 0.0 : 0.5 / Math.Sqrt(x)),
            "Cbrt" => (Math.Cbrt(x), 1.0 / (3.0 * Math.Cbrt(x) * Math.Cbrt(x))),
            "Abs" => (Math.Abs(x), x > 0.0 ? 1.0 : x < 0.0 ? -1.0 : 0.0),
            _ => throw new NotSupportedException(function),
        };
        return new Dual(y, derivative * t);
    }

    private static Dual Binary(string function, Dual a, Dual b)
    {
        switch (function)
        {
            case "Atan2":
                var radius = (a.Value * a.Value) + (b.Value * b.Value);
                return new Dual(Math.Atan2(a.Value, b.Value), ((b.Value * a.Tangent) - (a.Value * b.Tangent)) / radius);
            case "Log":
                var y = Math.Log(a.Value, b.Value);
                var lnB = Math.Log(b.Value);
                return new Dual(y, (a.Tangent / (a.Value * lnB)) - (y * b.Tangent / (b.Value * lnB)));
            case "Pow":
                var power = Math.Pow(a.Value, b.Value);
                var baseTerm = a.Tangent * (b.Value * Math.Pow(a.Value, b.Value - 1.0));
                var exponentTerm = b.Tangent == 0.0 || a.Value <= 0.0 ? 0.0 : b.Tangent * power * Math.Log(a.Value);
                return new Dual(power, baseTerm + exponentTerm);
            case "Max":
            case "Min":
                var first = function == "Max" ? a.Value > b.Value : a.Value < b.Value;
                var second = function == "Max" ? a.Value < b.Value : a.Value > b.Value;
                return new Dual(
                    function == "Max" ? Math.Max(a.Value, b.Value) : Math.Min(a.Value, b.Value),
                    first ? a.Tangent : second ? b.Tangent : 0.5 * (a.Tangent + b.Tangent));
            default:
                throw new NotSupportedException(function);
        }
    }

    private static NotSupportedException Unsupported(SyntaxNode node) => new("Not interpreted: " + node);

    /// <summary>A value and its tangent; ints (literals, int constants, Math.Sign) keep C#'s integer arithmetic.</summary>
    private readonly record struct Dual(double Value, double Tangent, bool IsInt = false)
    {
        public bool IsTrue => Value != 0.0;

        public static Dual Int(int value) => new(value, 0.0, true);

        public static Dual Bool(bool value) => new(value ? 1.0 : 0.0, 0.0);

        public Dual AsDouble() => this with { IsInt = false };
    }
}
