using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SymDiff.Generator.Emitting;

/// <summary>
/// The parts of an index, as the source writes it, that do not read a loop's variable and multiply or divide
/// (<c>ix * d</c> in <c>ix * d + j</c>, <c>(i - lo) * d</c>): each is read from a local computed before the loop.
/// The arithmetic is the source's own, on the same operands, only earlier.
/// </summary>
internal static class InvariantParts
{
    /// <summary>
    /// <paramref name="index"/> with each largest such part that <paramref name="name"/> gives a local for read from
    /// it; <paramref name="index"/> itself when there is none.
    /// </summary>
    public static string Rewrite(string index, string variable, Func<string, string?> name)
    {
        var expression = SyntaxFactory.ParseExpression(index);
        if (expression.ContainsDiagnostics)
        {
            return index;
        }

        var replaced = false;
        var text = Write(expression, variable, name, ref replaced);
        return replaced ? text : index;
    }

    private static string Write(ExpressionSyntax expression, string variable, Func<string, string?> name, ref bool replaced)
    {
        var code = expression.WithoutTrivia().ToString();
        if (Multiplies(expression) && !IndexPolynomial.Reads(code, variable) && IndexPolynomial.CannotThrow(code) && name(code) is { } local)
        {
            replaced = true;
            return local;
        }

        switch (expression)
        {
            case BinaryExpressionSyntax binary:
                var left = Write(binary.Left, variable, name, ref replaced);
                return left + " " + binary.OperatorToken.Text + " " + Write(binary.Right, variable, name, ref replaced);
            case ParenthesizedExpressionSyntax parenthesized:
                return "(" + Write(parenthesized.Expression, variable, name, ref replaced) + ")";
            case PrefixUnaryExpressionSyntax unary:
                return unary.OperatorToken.Text + Write(unary.Operand, variable, name, ref replaced);
            default:
                return code;
        }
    }

    /// <summary>Whether <paramref name="expression"/> multiplies, divides or takes a remainder: an addition costs nothing in an address.</summary>
    private static bool Multiplies(ExpressionSyntax expression)
        => expression.DescendantNodesAndSelf().OfType<BinaryExpressionSyntax>()
            .Any(b => b.Kind() is SyntaxKind.MultiplyExpression or SyntaxKind.DivideExpression or SyntaxKind.ModuloExpression);
}
