using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SymDiff.Generator.Diagnostics;

namespace SymDiff.Generator.Parsing;

/// <summary>Statements: loops (their bounds and indices read into the integer IR), local declarations, assignments, output writes and increments.</summary>
internal sealed partial class BodyParser
{
    /// <summary><c>for (int i = a; i &lt; b; i++)</c> (or <c>i &lt;= b</c>, <c>i += 1</c>), with <c>int</c> bounds.</summary>
    private void For(ForStatementSyntax loop, List<StatementModel> models)
    {
        var declaration = loop.Declaration;
        var local = declaration?.Variables.Count == 1 && declaration.Variables[0].Initializer is not null
            && _semanticModel.GetDeclaredSymbol(declaration.Variables[0], _cancellationToken) is ILocalSymbol { Type.SpecialType: SpecialType.System_Int32 } variable
            ? variable
            : null;
        var index = local?.Name;
        var bound = loop.Condition is BinaryExpressionSyntax { Left: IdentifierNameSyntax left } condition
            && left.Identifier.ValueText == index
            && condition.Kind() is SyntaxKind.LessThanExpression or SyntaxKind.LessThanOrEqualExpression or SyntaxKind.GreaterThanExpression or SyntaxKind.GreaterThanOrEqualExpression
            ? condition
            : null;
        var step = index is null || loop.Incrementors.Count != 1 ? 0 : Step(loop.Incrementors[0], index);
        var descending = bound?.Kind() is SyntaxKind.GreaterThanExpression or SyntaxKind.GreaterThanOrEqualExpression;
        if (index is null || bound is null || step == 0 || (step < 0) != descending)
        {
            NotSupported(loop, "this for loop", "write it as 'for (int i = start; i < end; i++)', 'i <= end', 'i += step', or descending 'for (int i = start; i >= end; i--)', 'i > end', 'i -= step', with int start and end and a constant step");
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

        // The bound as one the loop variable stays below (ascending) or at or above (descending).
        end = bound.Kind() switch
        {
            SyntaxKind.LessThanOrEqualExpression => IntExpr.Grouped(end) + 1,
            SyntaxKind.GreaterThanExpression => end + 1,
            _ => end,
        };

        // Any other loop runs a counter 0, 1, ... over its trip count, and its variable is an int expression of the counter
        // (i = start - step·k descending): the generated loops, tapes and sweeps are those of an ascending loop.
        IntExpr? value = null;
        var counter = index;
        if (step != 1)
        {
            var magnitude = IntExpr.Constant(Math.Abs(step));
            counter = "__" + index + "_" + _counterCount++;
            var k = IntExpr.Named(counter);
            value = descending ? start - (step == -1 ? k : magnitude * k) : start + (magnitude * k);
            var span = descending ? start - end : end - start;
            // The trip count: ⌈(end − start) / s⌉ ascending, ⌊(start − end) / s⌋ + 1 descending; C#'s truncating / makes it ≤ 0 for a loop that does not run.
            end = step == -1 ? Normalized(span + 1) : Normalized(span + (descending ? Math.Abs(step) : Math.Abs(step) - 1)) / magnitude;
            start = IntExpr.Zero;
        }

        _loopDepth++;
        _loopIndices.Add(index);
        if (value is not null)
        {
            _loopVariables[local!] = value;
        }

        var body = Embedded(loop.Statement);
        _loopVariables.Remove(local!);
        _loopIndices.RemoveAt(_loopIndices.Count - 1);
        _loopDepth--;
        models.Add(new ForStatementModel(counter, start, end, body));
    }

    /// <summary><paramref name="count"/> in the integer IR's normal form (<c>c.Length</c> for <c>c.Length - 1 - 0 + 1</c>), when it has one.</summary>
    private static IntExpr Normalized(IntExpr count)
        => IntPolynomial.Of(count, "\u0002") is { IsWritable: true } polynomial && polynomial.Terms.All(t => t.Coefficient.IsInteger)
            ? polynomial.ToExpr()
            : count;

    /// <summary>
    /// How much the incrementor adds to <paramref name="index"/>: ±1 for <c>i++</c>, <c>--i</c>; ±c for <c>i += c</c>,
    /// <c>i -= c</c>, <c>i = i + c</c>, <c>i = i - c</c> with a positive constant c; 0 for anything else.
    /// </summary>
    private int Step(ExpressionSyntax incrementor, string index)
    {
        bool IsIndex(ExpressionSyntax e) => e is IdentifierNameSyntax name && name.Identifier.ValueText == index;
        return incrementor switch
        {
            PostfixUnaryExpressionSyntax p when IsIndex(p.Operand) => p.IsKind(SyntaxKind.PostIncrementExpression) ? 1 : -1,
            PrefixUnaryExpressionSyntax p when IsIndex(p.Operand) && p.Kind() is SyntaxKind.PreIncrementExpression or SyntaxKind.PreDecrementExpression
                => p.IsKind(SyntaxKind.PreIncrementExpression) ? 1 : -1,
            AssignmentExpressionSyntax a when IsIndex(a.Left) && a.Kind() is SyntaxKind.AddAssignmentExpression or SyntaxKind.SubtractAssignmentExpression
                && _facts.Constant(a.Right) is { HasValue: true, Value: int c } && c > 0
                => a.IsKind(SyntaxKind.AddAssignmentExpression) ? c : -c,
            AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Right: BinaryExpressionSyntax sum } a when IsIndex(a.Left)
                && sum.Kind() is SyntaxKind.AddExpression or SyntaxKind.SubtractExpression
                => IsIndex(sum.Left) && _facts.Constant(sum.Right) is { HasValue: true, Value: int c } && c > 0 ? (sum.IsKind(SyntaxKind.AddExpression) ? c : -c)
                    : sum.IsKind(SyntaxKind.AddExpression) && IsIndex(sum.Right) && _facts.Constant(sum.Left) is { HasValue: true, Value: int d } && d > 0 ? d
                    : 0,
            _ => 0,
        };
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
                if (symbol is ILocalSymbol loopVariable && _loopVariables.TryGetValue(loopVariable, out var counted))
                {
                    return counted;
                }

                if (symbol is ILocalSymbol integerLocal && _integerLocals.TryGetValue(integerLocal, out var initializer))
                {
                    return IntExpr.Grouped(initializer);
                }

                if (symbol is ILocalSymbol { IsConst: true })
                {
                    // A constant is read by its value; one without a value has an initializer the compiler rejects.
                    NotSupported(identifier, "a constant whose value the compiler could not compute");
                    return null;
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

    /// <summary>
    /// The index of an element of <paramref name="vector"/>: an <c>int</c> expression, or <c>^e</c> from the end, which C#
    /// reads as <c>vector.Length - e</c> (and which throws where that would).
    /// </summary>
    private IntExpr? Index(string vector, ExpressionSyntax index)
        => index is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.IndexExpression } fromEnd
            ? Integer(fromEnd.Operand) is { } offset ? IntExpr.LengthOf(vector) - offset : null
            : Integer(index);

    private static IntOp? IntegerOperation(SyntaxKind kind) => kind switch
    {
        SyntaxKind.AddExpression => IntOp.Add,
        SyntaxKind.SubtractExpression => IntOp.Subtract,
        SyntaxKind.MultiplyExpression => IntOp.Multiply,
        SyntaxKind.DivideExpression => IntOp.Divide,
        SyntaxKind.ModuloExpression => IntOp.Remainder,
        _ => null,
    };

    private void LocalDeclaration(VariableDeclarationSyntax declaration, List<StatementModel> models)
    {
        foreach (var variable in declaration.Variables)
        {
            // Binding the initializer first also types a 'var' local; asked first, its type would be inferred by a binding of its own.
            if (variable.Initializer is { } value)
            {
                _facts.Type(value.Value);
            }

            var local = _semanticModel.GetDeclaredSymbol(variable, _cancellationToken) as ILocalSymbol;
            if (local?.Type.SpecialType == SpecialType.System_Int32 && variable.Initializer is { } integerInitializer && !IsReassigned(local))
            {
                if (Integer(integerInitializer.Value) is { } code)
                {
                    _integerLocals[local] = code;
                }

                continue;
            }

            if (local is null || !IsSupportedLocalType(local.Type))
            {
                _rejectedLocals.Add(variable.Identifier.ValueText);
                _diagnostics.Add(Diagnostic.Create(
                    DiagnosticDescriptors.LocalTypeNotSupported,
                    declaration.Type.GetLocation(),
                    variable.Identifier.ValueText,
                    local?.Type.ToDisplayString() ?? declaration.Type.ToString(),
                    local?.Type.SpecialType == SpecialType.System_Int32
                        ? "an int local is supported when it is assigned once, where it is declared, and '" + local.Name + "' is assigned again (int values that change, such as counters, are not supported yet); declare a new local for each value"
                        : "locals of a [Differentiable] method are double or bool (or int, assigned once), and constants of other types may be declared const"));
                continue;
            }

            if (variable.Initializer is { } initializer)
            {
                models.Add(new AssignmentStatementModel(local.Name, local.Type.SpecialType == SpecialType.System_Boolean ? Condition(initializer.Value) : Numeric(initializer.Value)));
            }
        }
    }

    private void Assignment(AssignmentExpressionSyntax assignment, List<StatementModel> models)
    {
        if (assignment.Left is ElementAccessExpressionSyntax { Expression: IdentifierNameSyntax vector, ArgumentList.Arguments.Count: 1 } target
            && _outputVectors.Contains(vector.Identifier.ValueText))
        {
            OutputAssignment(assignment, vector.Identifier.ValueText, target.ArgumentList.Arguments[0].Expression, models);
            return;
        }

        var name = AssignedVariable(assignment.Left);
        if (name is null)
        {
            return;
        }

        var value = assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) ? ValueFor(assignment.Left, assignment.Right) : Numeric(assignment.Right);
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

    /// <summary><c>y[i] = value</c>: one result of a method writing an output vector.</summary>
    private void OutputAssignment(AssignmentExpressionSyntax assignment, string vector, ExpressionSyntax indexSyntax, List<StatementModel> models)
    {
        if (!assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
        {
            NotSupported(assignment, "'" + assignment.OperatorToken.ValueText + "' reads the output '" + vector + "'; compute the element in a local and write it once with '='");
            return;
        }

        if (_branchDepth > 0)
        {
            NotSupported(assignment, "a write to the output '" + vector + "' inside an if would leave the element unwritten on the other path; compute the value with ?: and write it once, outside the if");
            return;
        }

        // The derivative seeds each write with its element's weight, so every element must be written once.
        var named = new HashSet<string>(indexSyntax.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Select(i => i.Identifier.ValueText));
        var unnamed = _loopIndices.FindIndex(i => i is null || !named.Contains(i));
        if (unnamed >= 0)
        {
            var repeated = _loopIndices[unnamed];
            var loop = repeated is null ? "the foreach loop around it" : "the loop over '" + repeated + "'";
            NotSupported(assignment, "it writes the same element of the output '" + vector + "' on every iteration of " + loop + "; index it with the variable of every loop around it, so that each element is written once");
            return;
        }

        if (!_outputWrites.TryGetValue(vector, out var writes))
        {
            _outputWrites[vector] = writes = new List<bool>();
        }

        writes.Add(_loopDepth > 0);
        if (writes.Count > 1 && writes.Contains(true))
        {
            NotSupported(assignment, "the output '" + vector + "' is written by another statement too, and one of them is in a loop, so an element could be written twice; write '" + vector + "' in one loop (choose the first element's value with ?: on the index)");
            return;
        }

        var value = Numeric(assignment.Right);
        if (Index(vector, indexSyntax) is { } index)
        {
            models.Add(new ElementAssignmentStatementModel(vector, index, value));
        }
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
        var symbol = _facts.Symbol(target);
        var type = symbol switch
        {
            ILocalSymbol local => local.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => null,
        };
        if (target is IdentifierNameSyntax && type is not null && IsSupportedLocalType(type))
        {
            if (type.SpecialType == SpecialType.System_Boolean && IsCarriedByLoop(target, symbol!))
            {
                NotSupported(target.Parent ?? target, "a bool declared before a loop and assigned inside it is not supported yet; declare it inside the loop, or carry a double and compare it");
                return null;
            }

            return symbol!.Name;
        }

        if (symbol is ILocalSymbol rejected && _rejectedLocals.Contains(rejected.Name) || symbol is IParameterSymbol && _rejectedParameters.Contains(symbol.Name))
        {
            return null;
        }

        _diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.AssignmentTargetNotSupported, target.GetLocation(), target.ToString(), Unassignable(target, symbol)));
        return null;
    }

    /// <summary>Why <paramref name="target"/> cannot be assigned, and what to write instead.</summary>
    private static string Unassignable(ExpressionSyntax target, ISymbol? symbol)
    {
        const string Effect = "a [Differentiable] method may assign only its own double and bool locals and parameters (a write elsewhere is a side effect its derivatives cannot see)";
        if (symbol is ILocalSymbol { Type.SpecialType: SpecialType.System_Int32 } counter)
        {
            var declaration = counter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
            return declaration?.Parent?.Parent is ForStatementSyntax
                ? "'" + counter.Name + "' is the variable of a for loop, and may change only in the loop's header ('" + counter.Name + "++'), so that the loop's trip count is known when it starts; compute the index you need from '" + counter.Name + "' in a new int local"
                : "'" + counter.Name + "' is an int local, and an int local is assigned once, where it is declared (int values that change, such as counters, are not supported yet); declare a new local for the new value";
        }

        return symbol switch
        {
            IFieldSymbol => "it is a field; " + Effect + ": return the value instead",
            IPropertySymbol => "it is a property; " + Effect + ": return the value instead",
            _ when target is ElementAccessExpressionSyntax => "only the elements of a Span<double> or double[] parameter of a void method (its results) can be written; " + Effect,
            _ => Effect,
        };
    }

    /// <summary>Whether <paramref name="target"/> assigns, inside a loop, a local declared before that loop.</summary>
    private static bool IsCarriedByLoop(ExpressionSyntax target, ISymbol local)
    {
        var loop = target.Ancestors().FirstOrDefault(a => a is ForStatementSyntax or ForEachStatementSyntax);
        var declaration = local.DeclaringSyntaxReferences.FirstOrDefault();
        return loop is not null && declaration is not null && !loop.Span.Contains(declaration.Span);
    }
}
