using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SymDiff.Generator.Diagnostics;

namespace SymDiff.Generator.Parsing;

/// <summary>Expressions: names, literals, operators, conditions, and calls (Math functions, other <c>[Differentiable]</c> methods, functions given a derivative by <c>[DerivativeOf]</c>).</summary>
internal sealed partial class BodyParser
{
    private ExpressionModel Expression(ExpressionSyntax expression)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var constant = _facts.Constant(expression);
        if (constant.HasValue)
        {
            switch (constant.Value)
            {
                case bool b:
                    return Apply(b ? Operation.True : Operation.False);
                case double or float or int or long or short or byte or sbyte or uint or ulong or ushort or decimal:
                    var literal = expression.IsKind(SyntaxKind.NumericLiteralExpression) && constant.Value is double ? expression.ToString() : null;
                    return new ConstantExpressionModel(Convert.ToDouble(constant.Value, System.Globalization.CultureInfo.InvariantCulture), literal);
            }
        }

        if (GenericConstant(expression) is { } generic)
        {
            return generic;
        }

        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Expression(parenthesized.Expression);

            case IdentifierNameSyntax identifier:
                return Identifier(identifier);

            case ElementAccessExpressionSyntax { Expression: IdentifierNameSyntax output } when _outputVectors.Contains(output.Identifier.ValueText):
                return NotSupported(expression, "'" + output.Identifier.ValueText + "' is an output, written by this method; keep the value in a local and read that");

            case ElementAccessExpressionSyntax { Expression: IdentifierNameSyntax vector, ArgumentList.Arguments.Count: 1 } access
                when _facts.Symbol(vector) is IParameterSymbol parameter && MethodParser.VectorType(parameter.Type) is not null:
                return Index(vector.Identifier.Text, access.ArgumentList.Arguments[0].Expression) is { } index
                    ? new ElementExpressionModel(parameter.Name, index)
                    : Invalid;

            case BinaryExpressionSyntax binary:
                return Binary(binary);

            case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryMinusExpression):
                return Apply(Operation.Negate, Numeric(unary.Operand));

            case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryPlusExpression):
                return Numeric(unary.Operand);

            case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.LogicalNotExpression):
                return Apply(Operation.Not, Condition(unary.Operand));

            case ConditionalExpressionSyntax conditional:
                return Apply(Operation.Select, Condition(conditional.Condition), Numeric(conditional.WhenTrue), Numeric(conditional.WhenFalse));

            case InvocationExpressionSyntax invocation:
                return Call(invocation);

            case IsPatternExpressionSyntax test:
                return Pattern(test.Expression, test.Pattern);

            case SwitchExpressionSyntax choice:
                return Switch(choice);

            case CastExpressionSyntax cast when IsScalar(_facts.Type(cast)):
                return Numeric(cast.Expression);

            // x.Length, n * m, ...: an int read as a double where C# converts it.
            case not LiteralExpressionSyntax when _facts.Type(expression)?.SpecialType == SpecialType.System_Int32:
                return Integer(expression) is { } code ? new IntegerExpressionModel(code) : Invalid;

            case MemberAccessExpressionSyntax access when _facts.Symbol(access) is (IFieldSymbol or IPropertySymbol) and var member:
                return NotSupported(access, Unreadable(member));

            default:
                return NotSupported(expression, "only double arithmetic, comparisons, ?:, literals, parameters, locals and Math calls are supported");
        }
    }

    /// <summary>
    /// <paramref name="input"/> matched against a pattern on a number, as the comparisons C# makes: relational
    /// (<c>&lt; &lt;= &gt; &gt;=</c>), constant (<c>==</c>; NaN, which a pattern matches and <c>==</c> does not, is refused),
    /// <c>and</c>, <c>or</c>, <c>not</c>, and the discard.
    /// </summary>
    private ExpressionModel Pattern(ExpressionSyntax input, PatternSyntax pattern)
    {
        switch (pattern)
        {
            case ParenthesizedPatternSyntax parenthesized:
                return Pattern(input, parenthesized.Pattern);
            case DiscardPatternSyntax:
                return Apply(Operation.True);
            case UnaryPatternSyntax { RawKind: (int)SyntaxKind.NotPattern } not:
                return Apply(Operation.Not, Pattern(input, not.Pattern));
            case BinaryPatternSyntax binary:
                return Apply(binary.IsKind(SyntaxKind.AndPattern) ? Operation.And : Operation.Or, Pattern(input, binary.Left), Pattern(input, binary.Right));
            case RelationalPatternSyntax relational when IsNumber(_facts.Type(input)):
                var comparison = relational.OperatorToken.Kind() switch
                {
                    SyntaxKind.LessThanToken => Operation.Less,
                    SyntaxKind.LessThanEqualsToken => Operation.LessOrEqual,
                    SyntaxKind.GreaterThanToken => Operation.Greater,
                    _ => Operation.GreaterOrEqual,
                };
                return Apply(comparison, Numeric(input), Numeric(relational.Expression));
            case ConstantPatternSyntax constant when IsNumber(_facts.Type(input)):
                return ConstantMatch(input, constant.Expression);
            default:
                return NotSupported(pattern, "only relational (< <= > >=), constant, and, or, not and discard patterns on a number are supported");
        }
    }

    /// <summary><paramref name="input"/> against a constant (a constant pattern, a <c>case</c> label): <c>==</c>, but for NaN, which a pattern matches and <c>==</c> does not.</summary>
    private ExpressionModel ConstantMatch(ExpressionSyntax input, ExpressionSyntax constant)
        => _facts.Constant(constant) is not { HasValue: true, Value: not null } value
            ? NotSupported(constant, "only constants are matched here")
            : value.Value is double.NaN or float.NaN
                ? NotSupported(constant, "a NaN pattern matches NaN, which == does not; test double.IsNaN(x) instead")
                : Apply(Operation.Equal, Numeric(input), Numeric(constant));

    /// <summary><c>x switch { p1 =&gt; a, p2 =&gt; b, _ =&gt; c }</c>: the conditional <c>p1 ? a : p2 ? b : c</c>, tried in order.</summary>
    private ExpressionModel Switch(SwitchExpressionSyntax choice)
    {
        var arms = choice.Arms;
        if (arms.Count == 0 || arms[arms.Count - 1] is not { Pattern: DiscardPatternSyntax, WhenClause: null })
        {
            return NotSupported(choice, "a switch expression must end with a discard arm '_ => ...': an input that no arm matches throws, which a derivative cannot follow");
        }

        var result = Numeric(arms[arms.Count - 1].Expression);
        for (var i = arms.Count - 2; i >= 0; i--)
        {
            var matches = Pattern(choice.GoverningExpression, arms[i].Pattern);
            if (arms[i].WhenClause is { } when)
            {
                matches = Apply(Operation.And, matches, Condition(when.Condition));
            }

            result = Apply(Operation.Select, matches, Numeric(arms[i].Expression), result);
        }

        return result;
    }

    private bool IsNumber(ITypeSymbol? type) => IsScalar(type) || type?.SpecialType is SpecialType.System_Double or SpecialType.System_Int32;

    /// <summary>An operand that must be a double (an int constant is fine: it was folded above).</summary>
    private ExpressionModel Numeric(ExpressionSyntax expression)
    {
        var model = Expression(expression);
        if (model is ConstantExpressionModel || ReferenceEquals(model, Invalid)
            || model is OperationExpressionModel { Operation: Operation.Sign })
        {
            return model;
        }

        var type = _facts.Type(expression);
        if (type?.SpecialType == SpecialType.System_Int32 && !IsExactInDouble(model))
        {
            // An int used as a double: kept as int text, so that C#'s int arithmetic stays as written.
            return Integer(expression) is { } code ? new IntegerExpressionModel(code) : Invalid;
        }

        return IsScalar(type) || type is null || model is IntegerExpressionModel or ElementExpressionModel
            || type.SpecialType == SpecialType.System_Int32
            ? model
            : NotSupported(expression, OtherRealType(expression, type));
    }

    /// <summary>Why a value of <paramref name="type"/> is not read, pointing a float or generic method at its own functions.</summary>
    private string OtherRealType(ExpressionSyntax expression, ITypeSymbol type)
    {
        var scalar = _scalar.ToDisplayString();
        if (type.SpecialType != SpecialType.System_Double || _scalar.SpecialType == SpecialType.System_Double)
        {
            return "its type is '" + type.ToDisplayString() + "', and this method differentiates " + scalar + " values";
        }

        var function = expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var holder, Name: var name } }
            && holder.ToString() is "Math" or "System.Math" or "global::System.Math" or "double"
            ? name.Identifier.ValueText
            : null;
        var instead = function is null
            ? "compute in " + scalar
            : _scalar.SpecialType == SpecialType.System_Single
            ? "call MathF." + function + " (or float." + function + "), which computes in float"
            : "call " + scalar + "." + function + ", which computes in " + scalar;
        return "it computes in double, and this method computes in " + scalar + ": " + instead;
    }

    private ExpressionModel Identifier(IdentifierNameSyntax identifier)
    {
        var symbol = _facts.Symbol(identifier);
        var type = symbol switch
        {
            IParameterSymbol parameter => parameter.Type,
            ILocalSymbol local => local.Type,
            _ => null,
        };

        // A constant is read by its value; one without a value has an initializer the compiler rejects.
        if (symbol is ILocalSymbol { IsConst: true })
        {
            return NotSupported(identifier, "a constant whose value the compiler could not compute");
        }

        if (type is not null && IsSupportedLocalType(type))
        {
            return new VariableExpressionModel(symbol!.Name);
        }

        if (symbol is ILocalSymbol && _rejectedLocals.Contains(symbol.Name))
        {
            return Invalid;
        }

        if (type?.SpecialType == SpecialType.System_Int32 && Integer(identifier) is { } code)
        {
            return new IntegerExpressionModel(code);
        }

        if (symbol is IParameterSymbol && _rejectedParameters.Contains(symbol.Name))
        {
            return Invalid;
        }

        return NotSupported(identifier, Unreadable(symbol));
    }

    /// <summary>Why a symbol cannot be read in a differentiated body, and what to write instead.</summary>
    private static string Unreadable(ISymbol? symbol) => symbol switch
    {
        IFieldSymbol { IsReadOnly: true } => "it reads a readonly field, which the generator does not read as a constant yet; pass the value as a parameter or make it a const",
        IFieldSymbol => "it reads a field; pass the value as a parameter or make it a const",
        IPropertySymbol => "it reads a property; pass the value as a parameter or make it a const",
        _ => "only parameters, locals and constants of type double can be read",
    };

    /// <summary>The right side of <c>target = value</c>: a condition for a bool target, a number otherwise.</summary>
    private ExpressionModel ValueFor(ExpressionSyntax target, ExpressionSyntax value)
        => _facts.Type(target)?.SpecialType == SpecialType.System_Boolean ? Condition(value) : Numeric(value);

    /// <summary>A bool operand: an if's or ?:'s condition, an operand of &amp;&amp;, || or !.</summary>
    private ExpressionModel Condition(ExpressionSyntax expression)
    {
        var model = Expression(expression);
        var type = _facts.Type(expression);
        return ReferenceEquals(model, Invalid) || type is null || type.SpecialType == SpecialType.System_Boolean
            ? model
            : NotSupported(expression, "a condition must be a bool; its type is '" + type.ToDisplayString() + "'");
    }

    private ExpressionModel Binary(BinaryExpressionSyntax binary)
    {
        Operation? operation = binary.Kind() switch
        {
            SyntaxKind.AddExpression => Operation.Add,
            SyntaxKind.SubtractExpression => Operation.Subtract,
            SyntaxKind.MultiplyExpression => Operation.Multiply,
            SyntaxKind.DivideExpression => Operation.Divide,
            SyntaxKind.LessThanExpression => Operation.Less,
            SyntaxKind.LessThanOrEqualExpression => Operation.LessOrEqual,
            SyntaxKind.GreaterThanExpression => Operation.Greater,
            SyntaxKind.GreaterThanOrEqualExpression => Operation.GreaterOrEqual,
            SyntaxKind.EqualsExpression => Operation.Equal,
            SyntaxKind.NotEqualsExpression => Operation.NotEqual,
            SyntaxKind.LogicalAndExpression => Operation.And,
            SyntaxKind.LogicalOrExpression => Operation.Or,
            _ => null,
        };

        // int % (i % 2 == 0) is an int expression, as int / is below.
        if (binary.IsKind(SyntaxKind.ModuloExpression) && _facts.Type(binary)?.SpecialType == SpecialType.System_Int32)
        {
            return Integer(binary) is { } remainder ? new IntegerExpressionModel(remainder) : Invalid;
        }

        if (operation is not { } op)
        {
            return NotSupported(binary, "the operator '" + binary.OperatorToken.ValueText + "' is not differentiable here");
        }

        if (op is Operation.And or Operation.Or)
        {
            return Apply(op, Condition(binary.Left), Condition(binary.Right));
        }

        // int division (n / 2, Math.Sign(x) / 2) truncates: it is an int expression or nothing.
        // (+, - and × of small ints are exact in double, so they are differentiated as they are.)
        if (op is Operation.Divide && _facts.Type(binary)?.SpecialType == SpecialType.System_Int32)
        {
            return Integer(binary) is { } code ? new IntegerExpressionModel(code) : Invalid;
        }

        if (op is Operation.Equal or Operation.NotEqual
            && _facts.Type(binary.Left)?.SpecialType == SpecialType.System_Boolean)
        {
            return NotSupported(binary, "comparing bool values is not supported; combine conditions with && and ||");
        }

        return Apply(op, Numeric(binary.Left), Numeric(binary.Right));
    }

    private ExpressionModel Call(InvocationExpressionSyntax invocation)
    {
        var method = _facts.Symbol(invocation) as IMethodSymbol;
        if (method is { MethodKind: MethodKind.LocalFunction })
        {
            // Its declaration is reported (SD2003): a call would only repeat it.
            return Invalid;
        }

        if (method is not null && IsDifferentiable(method))
        {
            return DifferentiableCall(invocation, method);
        }

        var arguments = invocation.ArgumentList.Arguments;
        if (method is { Name: "WithoutDerivative", ContainingType: { Name: "Derivatives" } holder } && IsIn(holder, "SymDiff")
            && arguments.Count == 1 && arguments[0].NameColon is null && arguments[0].RefKindKeyword.IsKind(SyntaxKind.None) && IsScalar(method.ReturnType))
        {
            return new OperationExpressionModel(Operation.WithoutDerivative, new[] { Numeric(arguments[0].Expression) }.ToEquatableArray());
        }

        var isMath = method is not null && IsMathFunction(invocation, method);
        var ordered = method is null ? null : InParameterOrder(invocation.ArgumentList, method);
        var known = isMath && OperationTable.TryGetMathFunction(method!.Name, method.Parameters.Length, out _);
        if (method is not null && ordered is not null && !known && IsDoubleFunction(method))
        {
            // Math.FusedMultiplyAdd, double.Hypot, a user's function: differentiable through a [DerivativeOf].
            return CustomCall(invocation, method, ordered);
        }

        if (method is null
            || !isMath
            || ordered is null
            || !OperationTable.TryGetMathFunction(method.Name, ordered.Count, out var operation)
            || method.Parameters.Any(p => !IsScalar(p.Type)))
        {
            _diagnostics.Add(Diagnostic.Create(
                DiagnosticDescriptors.CallNotDifferentiable,
                invocation.GetLocation(),
                method?.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) ?? invocation.Expression.ToString(),
                "SymDiff knows these Math (or double) functions of double arguments: " + SupportedFunctions + "; inline the called code or rewrite it with them"));
            return Invalid;
        }

        return new OperationExpressionModel(operation, ordered.Select(Numeric).ToEquatableArray());
    }

    /// <summary>
    /// The arguments in the order of the method's parameters (named arguments placed where they belong), or
    /// null when they are not one plain value per parameter (<c>ref</c>, <c>out</c>, <c>params</c>, defaults).
    /// Reading them in another order than the source's is safe: an argument has no side effect here.
    /// </summary>
    private static List<ExpressionSyntax>? InParameterOrder(ArgumentListSyntax list, IMethodSymbol method)
    {
        var arguments = list.Arguments;
        if (arguments.Count != method.Parameters.Length || arguments.Any(a => !a.RefKindKeyword.IsKind(SyntaxKind.None)))
        {
            return null;
        }

        var ordered = new ExpressionSyntax?[arguments.Count];
        for (var i = 0; i < arguments.Count; i++)
        {
            var position = arguments[i].NameColon is { } name
                ? method.Parameters.IndexOf(method.Parameters.FirstOrDefault(p => p.Name == name.Name.Identifier.ValueText)!)
                : i;
            if (position < 0 || ordered[position] is not null)
            {
                return null;
            }

            ordered[position] = arguments[i].Expression;
        }

        return ordered.ToList()!;
    }

    /// <summary>
    /// A call to a static double function the generator cannot see into: differentiable only through a
    /// user's <c>[DerivativeOf]</c> method, looked up later; until then its SD2002 is pending.
    /// </summary>
    private ExpressionModel CustomCall(InvocationExpressionSyntax invocation, IMethodSymbol method, List<ExpressionSyntax> arguments)
    {
        if (_hessian)
        {
            _diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.HessianThroughCallNotSupported, invocation.GetLocation(), _method.Name, method.Name));
            return Invalid;
        }

        if (_loopDepth > 0 && CallInLoopNotSupported is { } why)
        {
            return NotSupported(invocation, why);
        }

        var name = method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + method.Name;
        var key = CalleeModel.KeyOf(name, method.Parameters.Length);
        Pending.Add(new PendingDiagnostic(key, DiagnosticInfo.Create(
            DiagnosticDescriptors.CallNotDifferentiable,
            invocation.GetLocation(),
            method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
            "SymDiff knows these Math (or double) functions of double arguments: " + SupportedFunctions + ", [Differentiable] methods, and functions given a derivative: "
                + "give it one with [DerivativeOf(typeof(" + method.ContainingType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "), nameof("
                + method.ContainingType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "." + method.Name + "))] on a static method (see SD2008 for its shapes), or inline the called code")));
        var callee = new CalleeModel(method.Name, name, CallForm.Gradient, "", key);
        return new CallExpressionModel(callee, arguments.Select(Numeric).ToEquatableArray());
    }

    /// <summary>Static, returning double, taking only doubles by value.</summary>
    public static bool IsDoubleFunction(IMethodSymbol method)
        => method.IsStatic && !method.IsGenericMethod && IsDouble(method.ReturnType) && !method.ReturnsByRef
            && method.Parameters.All(p => IsDouble(p.Type) && p.RefKind == RefKind.None);

    /// <summary>Calls to other [Differentiable] methods, to find recursion through several methods.</summary>
    public List<CallEdge> Edges { get; } = new();

    /// <summary>Calls whose SD2002 stands only if no [DerivativeOf] method covers them.</summary>
    public List<PendingDiagnostic> Pending { get; } = new();

    /// <summary>Why the modes asked for cannot go through a call inside a loop yet (forward mode through a loop pushes the callee's gradient, which is a call itself), or null.</summary>
    public string? CallInLoopNotSupported { get; set; }

    private static bool IsDifferentiable(IMethodSymbol method)
        => method.GetAttributes().Any(a => a.AttributeClass is { Name: "DifferentiableAttribute" } attribute && IsIn(attribute, "SymDiff"));

    /// <summary>Whether <paramref name="type"/> is declared in the top-level namespace <paramref name="name"/> (no display strings: this runs for every call).</summary>
    private static bool IsIn(INamedTypeSymbol type, string name)
        => type.ContainingType is null && type.ContainingNamespace is { } space && space.Name == name && space.ContainingNamespace is { IsGlobalNamespace: true };

    /// <summary>A call to another [Differentiable] method: differentiated through its generated gradient.</summary>
    private ExpressionModel DifferentiableCall(InvocationExpressionSyntax invocation, IMethodSymbol callee)
    {
        if (SymbolEqualityComparer.Default.Equals(callee.OriginalDefinition, _method.OriginalDefinition))
        {
            _diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.RecursionNotSupported, invocation.GetLocation(), callee.Name, "it calls itself"));
            return Invalid;
        }

        Edges.Add(new CallEdge(
            _method.ToDisplayString(),
            callee.ToDisplayString(),
            DiagnosticInfo.Create(DiagnosticDescriptors.RecursionNotSupported, invocation.GetLocation(), _method.Name, "through its call to '" + callee.Name + "'")));

        if (_hessian)
        {
            _diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.HessianThroughCallNotSupported, invocation.GetLocation(), _method.Name, callee.Name));
            return Invalid;
        }

        if (_loopDepth > 0 && CallInLoopNotSupported is { } why)
        {
            return NotSupported(invocation, why);
        }

        var arguments = InParameterOrder(invocation.ArgumentList, callee);
        if (!callee.IsStatic || callee.IsGenericMethod || !IsDouble(callee.ReturnType) || callee.Parameters.Any(p => !IsDouble(p.Type) || p.RefKind != RefKind.None)
            || arguments is null)
        {
            _diagnostics.Add(Diagnostic.Create(
                DiagnosticDescriptors.CallNotDifferentiable,
                invocation.GetLocation(),
                callee.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
                "a [Differentiable] method is called through its gradient when it takes double parameters by value and returns double, and every argument is given; call it so, or inline it"));
            return Invalid;
        }

        var name = callee.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + callee.Name;
        var model = new CalleeModel(callee.Name, name, CallForm.Gradient, name + "Gradient", "");
        return new CallExpressionModel(model, arguments.Select(Numeric).ToEquatableArray());
    }
}
