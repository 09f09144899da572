using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SymDiff.Generator.Ir;
using SymDiff.Generator.Diagnostics;
using SymDiff.Generator.Model;

namespace SymDiff.Generator.Parsing;

/// <summary>Expressions: names, literals, operators, conditions.</summary>
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
                return Integer(access.ArgumentList.Arguments[0].Expression) is { } index
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
}
