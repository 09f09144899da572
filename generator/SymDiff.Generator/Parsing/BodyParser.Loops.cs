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

/// <summary>Loops, and the <c>int</c> expressions of their bounds and of indices, read into the integer IR.</summary>
internal sealed partial class BodyParser
{
    /// <summary><c>for (int i = a; i &lt; b; i++)</c> (or <c>i &lt;= b</c>, <c>i += 1</c>), with <c>int</c> bounds.</summary>
    private void For(ForStatementSyntax loop, List<StatementModel> models)
    {
        var declaration = loop.Declaration;
        var index = declaration?.Variables.Count == 1 && declaration.Variables[0].Initializer is { } init
            && _semanticModel.GetDeclaredSymbol(declaration.Variables[0], _cancellationToken) is ILocalSymbol { Type.SpecialType: SpecialType.System_Int32 } local
            ? local.Name
            : null;
        var bound = loop.Condition is BinaryExpressionSyntax { Left: IdentifierNameSyntax left } condition
            && left.Identifier.ValueText == index
            && condition.Kind() is SyntaxKind.LessThanExpression or SyntaxKind.LessThanOrEqualExpression
            ? condition
            : null;
        var steps = loop.Incrementors.Count == 1 && loop.Incrementors[0] switch
        {
            PostfixUnaryExpressionSyntax { Operand: IdentifierNameSyntax o } p => p.IsKind(SyntaxKind.PostIncrementExpression) && o.Identifier.ValueText == index,
            PrefixUnaryExpressionSyntax { Operand: IdentifierNameSyntax o } p => p.IsKind(SyntaxKind.PreIncrementExpression) && o.Identifier.ValueText == index,
            AssignmentExpressionSyntax { Left: IdentifierNameSyntax o, Right: LiteralExpressionSyntax { Token.ValueText: "1" } } a => a.IsKind(SyntaxKind.AddAssignmentExpression) && o.Identifier.ValueText == index,
            _ => false,
        };

        if (index is null || bound is null || !steps)
        {
            NotSupported(loop, "this for loop", "write it as 'for (int i = start; i < end; i++)' with int start and end");
            return;
        }

        if (SyntaxFacts.GetKeywordKind(index) != SyntaxKind.None)
        {
            _diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.KeywordNameNotSupported, declaration!.Variables[0].Identifier.GetLocation(), "loop variable", index, _method.Name));
            return;
        }

        var start = Integer(declaration!.Variables[0].Initializer!.Value);
        var end = Integer(bound.Right);
        if (start is null || end is null)
        {
            return;
        }

        if (bound.IsKind(SyntaxKind.LessThanOrEqualExpression))
        {
            end = IntExpr.Grouped(end) + 1;
        }

        _loopDepth++;
        _loopIndices.Add(index);
        var body = Embedded(loop.Statement);
        _loopIndices.RemoveAt(_loopIndices.Count - 1);
        _loopDepth--;
        models.Add(new ForStatementModel(index, start, end, body));
    }

    /// <summary><c>foreach (var v in x)</c> over a vector parameter: a for loop whose body starts with <c>v = x[i]</c>.</summary>
    private void ForEach(ForEachStatementSyntax loop, List<StatementModel> models)
    {
        if (loop.Expression is not IdentifierNameSyntax vector
            || _facts.Symbol(vector) is not IParameterSymbol parameter
            || MethodParser.VectorType(parameter.Type) is null
            || _semanticModel.GetDeclaredSymbol(loop, _cancellationToken) is not { Type.SpecialType: SpecialType.System_Double } element)
        {
            NotSupported(loop, "this foreach loop", "foreach is differentiated over a vector parameter with a double element");
            return;
        }

        var index = "__i" + _foreachCount++;
        var indexExpression = IntExpr.Named(index);
        _loopDepth++;
        _loopIndices.Add(null);
        var body = Embedded(loop.Statement);
        _loopIndices.RemoveAt(_loopIndices.Count - 1);
        _loopDepth--;
        var statements = new StatementModel[] { new AssignmentStatementModel(element.Name, new ElementExpressionModel(parameter.Name, indexExpression)) }
            .Concat(body)
            .ToEquatableArray();
        models.Add(new ForStatementModel(index, IntExpr.Zero, IntExpr.LengthOf(parameter.Name), statements));
    }

    /// <summary>
    /// An <c>int</c> expression (an index, a bound) in the integer IR: int parameters, loop variables, int
    /// locals, <c>x.Length</c> of a vector, literals, + - * / %. Null (with a diagnostic) otherwise.
    /// </summary>
    private IntExpr? Integer(ExpressionSyntax expression)
    {
        var constant = _facts.Constant(expression);
        if (constant.HasValue && constant.Value is int value)
        {
            return IntExpr.Constant(value);
        }

        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Integer(parenthesized.Expression) is { } inner ? IntExpr.Grouped(inner) : null;
            case IdentifierNameSyntax identifier when _facts.Symbol(identifier) is { } symbol:
                if (symbol is ILocalSymbol integerLocal && _integerLocals.TryGetValue(integerLocal, out var initializer))
                {
                    return IntExpr.Grouped(initializer);
                }

                if (symbol is IParameterSymbol { Type.SpecialType: SpecialType.System_Int32 } or ILocalSymbol { Type.SpecialType: SpecialType.System_Int32 })
                {
                    return IntExpr.Named(identifier.Identifier.Text);
                }

                break;
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Length", Expression: IdentifierNameSyntax vector }
                when _facts.Symbol(vector) is IParameterSymbol parameter && MethodParser.VectorType(parameter.Type) is not null:
                return IntExpr.LengthOf(vector.Identifier.Text);
            case BinaryExpressionSyntax binary when IntegerOperation(binary.Kind()) is { } operation:
                var left = Integer(binary.Left);
                var right = Integer(binary.Right);
                if (left is null || right is null)
                {
                    return null;
                }

                // Int locals stand for their initializers, which can turn what the source computes at run time (and
                // wraps) into a constant: C# would fold it and reject an overflow at compile time.
                var result = IntExpr.Binary(operation, left, right);
                return left.IsConstantOnly && right.IsConstantOnly ? IntExpr.UncheckedOf(result) : result;
            case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryMinusExpression):
                return Integer(unary.Operand) is { } operand ? IntExpr.Negated(operand) : null;
        }

        NotSupported(expression, "an int here may only use int parameters, loop variables, int locals, x.Length, literals and + - * / %");
        return null;
    }

    private static IntOp? IntegerOperation(SyntaxKind kind) => kind switch
    {
        SyntaxKind.AddExpression => IntOp.Add,
        SyntaxKind.SubtractExpression => IntOp.Subtract,
        SyntaxKind.MultiplyExpression => IntOp.Multiply,
        SyntaxKind.DivideExpression => IntOp.Divide,
        SyntaxKind.ModuloExpression => IntOp.Remainder,
        _ => null,
    };
}
