using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SymDiff.Generator.Emitting;

/// <summary>
/// A lower bound of an <c>int</c> expression from lower bounds of the names it reads: literals, <c>x.Length</c>
/// (never negative), sums, products of non-negative factors and divisions of a non-negative value by a positive
/// literal. Anything else has no known bound.
/// </summary>
internal static class IndexBounds
{
    private const long Limit = int.MaxValue;

    /// <summary>The bound, or null when none is known; <paramref name="name"/> gives a name's, or null.</summary>
    public static long? LowerBound(string code, Func<string, long?> name)
    {
        var expression = SyntaxFactory.ParseExpression(code);
        return expression.ContainsDiagnostics ? null : Bound(expression, name);
    }

    private static long? Bound(ExpressionSyntax expression, Func<string, long?> name)
    {
        switch (expression)
        {
            case LiteralExpressionSyntax { Token.Value: int literal }:
                return literal;
            case IdentifierNameSyntax identifier:
                return name(identifier.Identifier.ValueText);
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Length", Expression: IdentifierNameSyntax }:
                return 0;
            case ParenthesizedExpressionSyntax parenthesized:
                return Bound(parenthesized.Expression, name);
            case InvocationExpressionSyntax { Expression: var callee, ArgumentList.Arguments: { Count: 2 } arguments }
                when callee.WithoutTrivia().ToString() is "global::System.Math.Max" or "System.Math.Max" or "Math.Max":
                // max(a, b) is at least the larger of the bounds known.
                var first = Bound(arguments[0].Expression, name);
                var second = Bound(arguments[1].Expression, name);
                return first is null ? second : second is null ? first : Math.Max(first.Value, second.Value);
            case BinaryExpressionSyntax binary:
                var left = Bound(binary.Left, name);
                if (left is not { } l)
                {
                    return null;
                }

                switch (binary.Kind())
                {
                    case SyntaxKind.AddExpression:
                        return Bound(binary.Right, name) is { } r ? Clamped(l + r) : null;
                    case SyntaxKind.SubtractExpression:
                        return binary.Right is LiteralExpressionSyntax { Token.Value: int subtrahend } ? Clamped(l - subtrahend) : null;
                    case SyntaxKind.MultiplyExpression:
                        return l >= 0 && Bound(binary.Right, name) is { } f && f >= 0 ? Clamped(l * f) : null;
                    case SyntaxKind.DivideExpression:
                        return l >= 0 && binary.Right is LiteralExpressionSyntax { Token.Value: int divisor } && divisor > 0 ? l / divisor : null;
                }

                return null;
            default:
                return null;
        }
    }

    // Past int's range the source's arithmetic would overflow: no bound is claimed there.
    private static long? Clamped(long value) => value is >= -Limit and <= Limit ? value : null;
}
