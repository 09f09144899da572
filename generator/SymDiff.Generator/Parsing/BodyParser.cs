using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SymDiff.Generator.Diagnostics;
using SymDiff.Generator.Model;

namespace SymDiff.Generator.Parsing;

/// <summary>
/// Reads a method body into statement and expression models, reporting every construct it does not
/// support at the exact node (and carrying on, so that one build shows all of them).
/// </summary>
internal sealed class BodyParser
{
    private static readonly string SupportedFunctions = string.Join(", ", OperationTable.MathNames);

    /// <summary>Stands in for an expression already reported, so that its users report nothing more.</summary>
    private static readonly ExpressionModel Invalid = new OperationExpressionModel(Operation.Constant, EquatableArray<ExpressionModel>.Empty);

    private readonly HashSet<string> _rejectedLocals = new();

    private readonly SemanticModel _semanticModel;
    private readonly List<Diagnostic> _diagnostics;
    private readonly CancellationToken _cancellationToken;

    private readonly int _outputs;
    private readonly IMethodSymbol _method;
    private readonly bool _hessian;

    /// <param name="semanticModel">The method's semantic model.</param>
    /// <param name="diagnostics">Receives every unsupported construct.</param>
    /// <param name="method">The method being read (a call to itself is recursion).</param>
    /// <param name="outputs">1 for a double result, k for a tuple of k doubles.</param>
    /// <param name="hessian">Whether its Hessian is asked for (not yet possible through calls).</param>
    /// <param name="cancellationToken">Cancels.</param>
    public BodyParser(SemanticModel semanticModel, IMethodSymbol method, List<Diagnostic> diagnostics, int outputs, bool hessian, CancellationToken cancellationToken)
    {
        _method = method;
        _hessian = hessian;
        _outputs = outputs;
        _semanticModel = semanticModel;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
    }

    public EquatableArray<StatementModel> ParseBody(MethodDeclarationSyntax method)
    {
        if (method.ExpressionBody is { } arrow)
        {
            return new StatementModel[] { Return(arrow.Expression) }.ToEquatableArray();
        }

        return Statements(method.Body!.Statements);
    }

    private EquatableArray<StatementModel> Statements(IEnumerable<StatementSyntax> statements)
    {
        var models = new List<StatementModel>();
        foreach (var statement in statements)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            Statement(statement, models);
        }

        return models.ToEquatableArray();
    }

    private EquatableArray<StatementModel> Embedded(StatementSyntax? statement)
        => statement is null ? EquatableArray<StatementModel>.Empty : Statements(new[] { statement });

    private void Statement(StatementSyntax statement, List<StatementModel> models)
    {
        switch (statement)
        {
            case BlockSyntax block:
                models.Add(new BlockStatementModel(Statements(block.Statements)));
                break;

            case EmptyStatementSyntax:
                break;

            case ReturnStatementSyntax { Expression: { } value }:
                models.Add(Return(value));
                break;

            case IfStatementSyntax @if:
                models.Add(new IfStatementModel(Expression(@if.Condition), Embedded(@if.Statement), Embedded(@if.Else?.Statement)));
                break;

            case LocalDeclarationStatementSyntax local when local.IsConst:
                // Constants are read through GetConstantValue where they are used.
                break;

            case LocalDeclarationStatementSyntax { UsingKeyword.RawKind: 0, AwaitKeyword.RawKind: 0 } local:
                LocalDeclaration(local.Declaration, models);
                break;

            case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax assignment }:
                Assignment(assignment, models);
                break;

            case ExpressionStatementSyntax { Expression: PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax } increment:
                Increment(increment.Expression, models);
                break;

            case ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax:
                NotSupported(statement, "a loop", "loops are not differentiated yet; unroll it or write the sum out");
                break;

            default:
                NotSupported(statement, Describe(statement), "only local declarations, assignments, if/else, blocks and return are");
                break;
        }
    }

    /// <summary>A returned double, or a tuple literal <c>(e1, ..., ek)</c> for a tuple result.</summary>
    private ReturnStatementModel Return(ExpressionSyntax value)
    {
        if (_outputs == 1)
        {
            return new ReturnStatementModel(Numeric(value));
        }

        if (value is TupleExpressionSyntax tuple && tuple.Arguments.Count == _outputs)
        {
            return new ReturnStatementModel(tuple.Arguments.Select(a => Numeric(a.Expression)).ToEquatableArray());
        }

        NotSupported(value, "a method returning a tuple must return a tuple literal (e1, ..., e" + _outputs + ")");
        return new ReturnStatementModel(Enumerable.Repeat(Invalid, _outputs).ToEquatableArray());
    }

    private void LocalDeclaration(VariableDeclarationSyntax declaration, List<StatementModel> models)
    {
        foreach (var variable in declaration.Variables)
        {
            var local = _semanticModel.GetDeclaredSymbol(variable, _cancellationToken) as ILocalSymbol;
            if (local is null || !IsSupportedLocalType(local.Type))
            {
                _rejectedLocals.Add(variable.Identifier.ValueText);
                _diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.LocalTypeNotSupported,
                    declaration.Type.GetLocation(),
                    variable.Identifier.ValueText,
                    local?.Type.ToDisplayString() ?? declaration.Type.ToString()));
                continue;
            }

            if (variable.Initializer is { } initializer)
            {
                models.Add(new AssignmentStatementModel(local.Name, Expression(initializer.Value)));
            }
        }
    }

    private void Assignment(AssignmentExpressionSyntax assignment, List<StatementModel> models)
    {
        var name = AssignedVariable(assignment.Left);
        if (name is null)
        {
            return;
        }

        var value = Expression(assignment.Right);
        Operation? compound = assignment.Kind() switch
        {
            SyntaxKind.SimpleAssignmentExpression => null,
            SyntaxKind.AddAssignmentExpression => Operation.Add,
            SyntaxKind.SubtractAssignmentExpression => Operation.Subtract,
            SyntaxKind.MultiplyAssignmentExpression => Operation.Multiply,
            SyntaxKind.DivideAssignmentExpression => Operation.Divide,
            _ => Operation.Constant,
        };

        if (compound == Operation.Constant)
        {
            NotSupported(assignment, "the operator '" + assignment.OperatorToken.ValueText + "'");
            return;
        }

        models.Add(new AssignmentStatementModel(
            name,
            compound is { } operation ? Apply(operation, new VariableExpressionModel(name), value) : value));
    }

    private void Increment(ExpressionSyntax expression, List<StatementModel> models)
    {
        var (operand, token) = expression switch
        {
            PostfixUnaryExpressionSyntax postfix => (postfix.Operand, postfix.OperatorToken),
            PrefixUnaryExpressionSyntax prefix => (prefix.Operand, prefix.OperatorToken),
            _ => throw new InvalidOperationException(),
        };

        if (!token.IsKind(SyntaxKind.PlusPlusToken) && !token.IsKind(SyntaxKind.MinusMinusToken))
        {
            NotSupported(expression, "an expression statement that has no effect");
            return;
        }

        var name = AssignedVariable(operand);
        if (name is not null)
        {
            var operation = token.IsKind(SyntaxKind.PlusPlusToken) ? Operation.Add : Operation.Subtract;
            models.Add(new AssignmentStatementModel(name, Apply(operation, new VariableExpressionModel(name), new ConstantExpressionModel(1.0))));
        }
    }

    private string? AssignedVariable(ExpressionSyntax target)
    {
        var symbol = _semanticModel.GetSymbolInfo(target, _cancellationToken).Symbol;
        if (target is IdentifierNameSyntax && symbol is ILocalSymbol or IParameterSymbol)
        {
            return symbol.Name;
        }

        _diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.AssignmentTargetNotSupported, target.GetLocation(), target.ToString()));
        return null;
    }

    private ExpressionModel Expression(ExpressionSyntax expression)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var constant = _semanticModel.GetConstantValue(expression, _cancellationToken);
        if (constant.HasValue)
        {
            switch (constant.Value)
            {
                case bool b:
                    return Apply(b ? Operation.True : Operation.False);
                case double or float or int or long or short or byte or sbyte or uint or ulong or ushort or decimal:
                    var literal = expression is LiteralExpressionSyntax && constant.Value is double ? expression.ToString() : null;
                    return new ConstantExpressionModel(Convert.ToDouble(constant.Value, System.Globalization.CultureInfo.InvariantCulture), literal);
            }
        }

        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Expression(parenthesized.Expression);

            case IdentifierNameSyntax identifier:
                return Identifier(identifier);

            case BinaryExpressionSyntax binary:
                return Binary(binary);

            case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryMinusExpression):
                return Apply(Operation.Negate, Numeric(unary.Operand));

            case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryPlusExpression):
                return Numeric(unary.Operand);

            case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.LogicalNotExpression):
                return Apply(Operation.Not, Expression(unary.Operand));

            case ConditionalExpressionSyntax conditional:
                return Apply(Operation.Select, Expression(conditional.Condition), Numeric(conditional.WhenTrue), Numeric(conditional.WhenFalse));

            case InvocationExpressionSyntax invocation:
                return Call(invocation);

            case CastExpressionSyntax cast when IsDouble(_semanticModel.GetTypeInfo(cast, _cancellationToken).Type):
                return Numeric(cast.Expression);

            default:
                return NotSupported(expression, "only double arithmetic, comparisons, ?:, literals, parameters, locals and Math calls are supported");
        }
    }

    /// <summary>An operand that must be a double (an int constant is fine: it was folded above).</summary>
    private ExpressionModel Numeric(ExpressionSyntax expression)
    {
        var model = Expression(expression);
        if (model is ConstantExpressionModel || ReferenceEquals(model, Invalid)
            || model is OperationExpressionModel { Operation: Operation.Sign })
        {
            return model;
        }

        var type = _semanticModel.GetTypeInfo(expression, _cancellationToken).Type;
        return IsDouble(type) || type is null
            ? model
            : NotSupported(expression, "its type is '" + type.ToDisplayString() + "', and only double values are differentiated");
    }

    private ExpressionModel Identifier(IdentifierNameSyntax identifier)
    {
        var symbol = _semanticModel.GetSymbolInfo(identifier, _cancellationToken).Symbol;
        var type = symbol switch
        {
            IParameterSymbol parameter => parameter.Type,
            ILocalSymbol local => local.Type,
            _ => null,
        };

        if (type is not null && IsSupportedLocalType(type))
        {
            return new VariableExpressionModel(symbol!.Name);
        }

        if (symbol is ILocalSymbol && _rejectedLocals.Contains(symbol.Name))
        {
            return Invalid;
        }

        var what = symbol switch
        {
            IFieldSymbol => "it reads a field; pass the value as a parameter or make it a const",
            IPropertySymbol => "it reads a property; pass the value as a parameter",
            _ => "only parameters, locals and constants of type double can be read",
        };
        return NotSupported(identifier, what);
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

        if (operation is not { } op)
        {
            return NotSupported(binary, "the operator '" + binary.OperatorToken.ValueText + "' is not differentiable here");
        }

        if (op is Operation.And or Operation.Or)
        {
            return Apply(op, Expression(binary.Left), Expression(binary.Right));
        }

        if (op is Operation.Equal or Operation.NotEqual
            && _semanticModel.GetTypeInfo(binary.Left, _cancellationToken).Type?.SpecialType == SpecialType.System_Boolean)
        {
            return NotSupported(binary, "comparing bool values is not supported; combine conditions with && and ||");
        }

        return Apply(op, Numeric(binary.Left), Numeric(binary.Right));
    }

    private ExpressionModel Call(InvocationExpressionSyntax invocation)
    {
        var method = _semanticModel.GetSymbolInfo(invocation, _cancellationToken).Symbol as IMethodSymbol;
        if (method is not null && IsDifferentiable(method))
        {
            return DifferentiableCall(invocation, method);
        }

        var containingType = method?.ContainingType;
        var isMath = containingType is not null
            && (containingType.SpecialType == SpecialType.System_Double || containingType.ToDisplayString() == "System.Math");
        var arguments = invocation.ArgumentList.Arguments;
        if (method is not null && !isMath && IsDoubleFunction(method) && arguments.Count == method.Parameters.Length && arguments.All(a => a.NameColon is null && a.RefKindKeyword.IsKind(SyntaxKind.None)))
        {
            return CustomCall(invocation, method);
        }

        if (method is null
            || !isMath
            || !OperationTable.TryGetMathFunction(method.Name, arguments.Count, out var operation)
            || method.Parameters.Any(p => !IsDouble(p.Type))
            || arguments.Any(a => a.NameColon is not null || !a.RefKindKeyword.IsKind(SyntaxKind.None)))
        {
            _diagnostics.Add(Diagnostic.Create(
                DiagnosticDescriptors.CallNotDifferentiable,
                invocation.GetLocation(),
                method?.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) ?? invocation.Expression.ToString(),
                SupportedFunctions));
            return Invalid;
        }

        return new OperationExpressionModel(operation, arguments.Select(a => Numeric(a.Expression)).ToEquatableArray());
    }

    /// <summary>
    /// A call to a static double function the generator cannot see into: differentiable only through a
    /// user's <c>[DerivativeOf]</c> method, looked up later; until then its SD2002 is pending.
    /// </summary>
    private ExpressionModel CustomCall(InvocationExpressionSyntax invocation, IMethodSymbol method)
    {
        if (_hessian)
        {
            _diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.HessianThroughCallNotSupported, invocation.GetLocation(), _method.Name, method.Name));
            return Invalid;
        }

        var name = method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + method.Name;
        var key = CalleeModel.KeyOf(name, method.Parameters.Length);
        Pending.Add(new PendingDiagnostic(key, Diagnostic.Create(
            DiagnosticDescriptors.CallNotDifferentiable,
            invocation.GetLocation(),
            method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
            SupportedFunctions + ", [Differentiable] methods, and functions given a derivative with [DerivativeOf]")));
        var callee = new CalleeModel(method.Name, name, CallForm.Gradient, "", key);
        return new CallExpressionModel(callee, invocation.ArgumentList.Arguments.Select(a => Numeric(a.Expression)).ToEquatableArray());
    }

    /// <summary>Static, returning double, taking only doubles by value.</summary>
    public static bool IsDoubleFunction(IMethodSymbol method)
        => method.IsStatic && !method.IsGenericMethod && IsDouble(method.ReturnType) && !method.ReturnsByRef
            && method.Parameters.All(p => IsDouble(p.Type) && p.RefKind == RefKind.None);

    /// <summary>Calls whose SD2002 stands only if no [DerivativeOf] method covers them.</summary>
    public List<PendingDiagnostic> Pending { get; } = new();

    private static bool IsDifferentiable(IMethodSymbol method)
        => method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "SymDiff.DifferentiableAttribute");

    /// <summary>A call to another [Differentiable] method: differentiated through its generated gradient.</summary>
    private ExpressionModel DifferentiableCall(InvocationExpressionSyntax invocation, IMethodSymbol callee)
    {
        if (SymbolEqualityComparer.Default.Equals(callee.OriginalDefinition, _method.OriginalDefinition))
        {
            _diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.RecursionNotSupported, invocation.GetLocation(), callee.Name));
            return Invalid;
        }

        if (_hessian)
        {
            _diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.HessianThroughCallNotSupported, invocation.GetLocation(), _method.Name, callee.Name));
            return Invalid;
        }

        var arguments = invocation.ArgumentList.Arguments;
        if (!callee.IsStatic || callee.IsGenericMethod || !IsDouble(callee.ReturnType) || callee.Parameters.Any(p => !IsDouble(p.Type) || p.RefKind != RefKind.None)
            || arguments.Count != callee.Parameters.Length || arguments.Any(a => a.NameColon is not null))
        {
            _diagnostics.Add(Diagnostic.Create(
                DiagnosticDescriptors.CallNotDifferentiable,
                invocation.GetLocation(),
                callee.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
                SupportedFunctions + ", and [Differentiable] methods of double parameters returning double (called with every argument, in order)"));
            return Invalid;
        }

        var name = callee.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + callee.Name;
        var model = new CalleeModel(callee.Name, name, CallForm.Gradient, name + "Gradient", "");
        return new CallExpressionModel(model, arguments.Select(a => Numeric(a.Expression)).ToEquatableArray());
    }

    private ExpressionModel NotSupported(SyntaxNode node, string reason)
    {
        _diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.ExpressionNotSupported, node.GetLocation(), node.ToString(), reason));
        return Invalid;
    }

    private void NotSupported(StatementSyntax statement, string what, string reason)
        => _diagnostics.Add(Diagnostic.Create(
            DiagnosticDescriptors.StatementNotSupported,
            Anchor(statement).GetLocation(),
            char.ToUpperInvariant(what[0]) + what.Substring(1),
            reason));

    /// <summary>The keyword that names a statement (<c>for</c>, <c>while</c>, ...), or the whole statement.</summary>
    private static SyntaxNodeOrToken Anchor(StatementSyntax statement)
    {
        var first = statement.GetFirstToken();
        return SyntaxFacts.IsKeywordKind(first.Kind()) ? first : statement;
    }

    private static string Describe(StatementSyntax statement)
    {
        var first = statement.GetFirstToken();
        return SyntaxFacts.IsKeywordKind(first.Kind()) ? "the '" + first.ValueText + "' statement" : "the statement '" + statement + "'";
    }

    private static OperationExpressionModel Apply(Operation operation, params ExpressionModel[] operands)
        => new(operation, operands.ToEquatableArray());

    private static bool IsDouble(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_Double;

    private static bool IsSupportedLocalType(ITypeSymbol type)
        => type.SpecialType is SpecialType.System_Double or SpecialType.System_Boolean;
}
