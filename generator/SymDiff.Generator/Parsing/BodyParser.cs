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

    /// <summary>Parameters whose type the signature check already reported: reading them reports nothing more.</summary>
    private readonly ISet<string> _rejectedParameters;

    /// <summary>
    /// <c>int</c> locals (assigned once): each stands for its initializer's text. By symbol: a loop variable may
    /// have the name of an int local of a sibling scope.
    /// </summary>
    private readonly Dictionary<ILocalSymbol, IntExpr> _integerLocals = new(SymbolEqualityComparer.Default);
    private int _loopDepth;

    /// <summary>The variables of the loops around the statement being read, innermost last (a foreach's is hidden: null).</summary>
    private readonly List<string?> _loopIndices = new();

    /// <summary>Per output vector, whether each statement writing it so far is in a loop.</summary>
    private readonly Dictionary<string, List<bool>> _outputWrites = new();
    private int _branchDepth;
    private int _foreachCount;

    private readonly SemanticModel _semanticModel;
    private readonly SemanticFacts _facts;
    private readonly List<Diagnostic> _diagnostics;
    private readonly CancellationToken _cancellationToken;

    private readonly int _outputs;
    private readonly IMethodSymbol _method;

    /// <summary>The vector parameters the method writes its results into.</summary>
    private readonly ISet<string> _outputVectors;

    /// <summary>The real type: double, float, or the method's type parameter.</summary>
    private readonly ITypeSymbol _scalar;
    private readonly bool _hessian;

    /// <param name="semanticModel">The method's semantic model.</param>
    /// <param name="diagnostics">Receives every unsupported construct.</param>
    /// <param name="method">The method being read (a call to itself is recursion).</param>
    /// <param name="scalar">Its real type: double, float or its type parameter T.</param>
    /// <param name="outputs">1 for a double result, k for a tuple of k doubles.</param>
    /// <param name="hessian">Whether second derivatives are asked for, a Hessian or H·v (not yet possible through calls).</param>
    /// <param name="outputVectors">The vector parameters written as <c>y[i] = ...</c> (a <c>void</c> method's results).</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <param name="rejectedParameters">Parameters whose type the signature check reported.</param>
    public BodyParser(SemanticModel semanticModel, IMethodSymbol method, ITypeSymbol scalar, List<Diagnostic> diagnostics, int outputs, bool hessian, ISet<string> outputVectors, ISet<string> rejectedParameters, CancellationToken cancellationToken)
    {
        _rejectedParameters = rejectedParameters;
        _outputVectors = outputVectors;
        _scalar = scalar;
        _method = method;
        _hessian = hessian;
        _outputs = outputs;
        _semanticModel = semanticModel;
        _facts = new SemanticFacts(semanticModel, cancellationToken);
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

            // Before the general return: a return inside a loop would otherwise be read as the method's only return.
            case ReturnStatementSyntax when _loopDepth > 0:
                NotSupported(statement, "a return inside a loop", "keep the result in a local, guard the rest of the loop with an if, and return after the loop");
                break;

            case ReturnStatementSyntax { Expression: { } value }:
                models.Add(Return(value));
                break;

            case ReturnStatementSyntax when _outputs == 0 && _loopDepth == 0 && _branchDepth == 0:
                models.Add(new ReturnStatementModel(EquatableArray<ExpressionModel>.Empty));
                break;

            case IfStatementSyntax @if:
                var condition = Condition(@if.Condition);
                _branchDepth++;
                models.Add(new IfStatementModel(condition, Embedded(@if.Statement), Embedded(@if.Else?.Statement)));
                _branchDepth--;
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

            case ForStatementSyntax or ForEachStatementSyntax when _branchDepth > 0:
                NotSupported(statement, "a loop inside an if", "loops are differentiated at the top level of the method; move it out of the if (guard its body instead)");
                break;

            case ForStatementSyntax @for:
                For(@for, models);
                break;

            case ForEachStatementSyntax @foreach:
                ForEach(@foreach, models);
                break;

            case LocalFunctionStatementSyntax function:
                NotSupported(function.Identifier, "the local function '" + function.Identifier.ValueText + "'", "declare it as a static [Differentiable] method of the type, and call that");
                break;

            case WhileStatementSyntax or DoStatementSyntax:
                NotSupported(statement, statement is DoStatementSyntax ? "a do loop" : "a while loop", "its trip count is not known before it runs; write a for loop with an int bound");
                break;

            case LabeledStatementSyntax labeled:
                NotSupported(labeled.Identifier, "the label '" + labeled.Identifier.ValueText + "' (and goto)", "write the jump as an if/else");
                break;

            case ReturnStatementSyntax:
                NotSupported(statement, "a return inside an if in a method writing output vectors", "it would leave elements unwritten on one path; compute each element's value with ?: and write it once");
                break;

            default:
                NotSupported(statement, Describe(statement), "only local declarations, assignments, if/else, blocks, for and foreach loops, and return are");
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
        if (Integer(indexSyntax) is { } index)
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

    private ExpressionModel NotSupported(SyntaxNode node, string reason)
    {
        if (_rejectedParameters.Count > 0 && node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
            .Any(i => _rejectedParameters.Contains(i.Identifier.ValueText) && _facts.Symbol(i) is IParameterSymbol))
        {
            // Its parameter's type is already reported: this would repeat it.
            return Invalid;
        }

        _diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.ExpressionNotSupported, node.GetLocation(), node.ToString(), reason));
        return Invalid;
    }

    private void NotSupported(StatementSyntax statement, string what, string reason) => NotSupported(Anchor(statement), what, reason);

    /// <summary>SD2003 at <paramref name="anchor"/>: a keyword, or a name (a local function's, a label's).</summary>
    private void NotSupported(SyntaxNodeOrToken anchor, string what, string reason)
        => _diagnostics.Add(Diagnostic.Create(
            DiagnosticDescriptors.StatementNotSupported,
            anchor.GetLocation(),
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

    /// <summary>
    /// int arithmetic that double reproduces exactly: signs and int constants combined by unary minus, +, − and ×
    /// into values that fit an int. (C# wraps an int that overflows and double does not; past an int variable,
    /// whose size is unknown, the arithmetic is kept as int text.)
    /// </summary>
    private static bool IsExactInDouble(ExpressionModel model) => Magnitude(model) <= int.MaxValue;

    /// <summary>Whether the text of an int expression names no variable: C# folds it.</summary>
    /// <summary>A bound on the magnitude of an int expression's value: ∞ (or NaN) when unknown.</summary>
    private static double Magnitude(ExpressionModel model) => model switch
    {
        ConstantExpressionModel constant => Math.Abs(constant.Value),
        OperationExpressionModel { Operation: Operation.Sign } => 1.0,
        OperationExpressionModel { Operation: Operation.Negate } o => Magnitude(o.Operands[0]),
        OperationExpressionModel { Operation: Operation.Add or Operation.Subtract } o => Magnitude(o.Operands[0]) + Magnitude(o.Operands[1]),
        OperationExpressionModel { Operation: Operation.Multiply } o => Magnitude(o.Operands[0]) * Magnitude(o.Operands[1]),
        _ => double.PositiveInfinity,
    };

    /// <summary>Whether an int local is assigned after its declaration (then it cannot stand for its initializer).</summary>
    private bool IsReassigned(ILocalSymbol local)
    {
        var scope = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_cancellationToken).FirstAncestorOrSelf<BlockSyntax>();
        return scope is not null && scope.DescendantNodes().Any(n => n switch
        {
            AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } => target.Identifier.ValueText == local.Name,
            PostfixUnaryExpressionSyntax { Operand: IdentifierNameSyntax target } => target.Identifier.ValueText == local.Name,
            PrefixUnaryExpressionSyntax { Operand: IdentifierNameSyntax target } p => p.Kind() is SyntaxKind.PreIncrementExpression or SyntaxKind.PreDecrementExpression && target.Identifier.ValueText == local.Name,
            _ => false,
        });
    }

    private static OperationExpressionModel Apply(Operation operation, params ExpressionModel[] operands)
        => new(operation, operands.ToEquatableArray());

    private static bool IsDouble(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_Double;

    private bool IsScalar(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, _scalar);

    /// <summary>
    /// <c>Math.X</c> or <c>double.X</c> for double, <c>MathF.X</c> or <c>float.X</c> for float, <c>T.X</c> for a
    /// generic T (a static abstract member reached through the type parameter).
    /// </summary>
    private bool IsMathFunction(InvocationExpressionSyntax invocation, IMethodSymbol method)
    {
        var type = method.ContainingType;
        return _scalar.SpecialType switch
        {
            SpecialType.System_Double => type.SpecialType == SpecialType.System_Double || type.Name == "Math" && IsIn(type, "System"),
            SpecialType.System_Single => type.SpecialType == SpecialType.System_Single || type.Name == "MathF" && IsIn(type, "System"),
            _ => invocation.Expression is MemberAccessExpressionSyntax access
                && SymbolEqualityComparer.Default.Equals(_facts.Type(access.Expression), _scalar),
        };
    }

    /// <summary>Constants of a generic T: <c>T.One</c>, <c>T.Zero</c>, <c>T.Pi</c>, ..., and <c>T.CreateChecked(constant)</c>.</summary>
    private ExpressionModel? GenericConstant(ExpressionSyntax expression)
    {
        if (_scalar is not ITypeParameterSymbol)
        {
            return null;
        }

        if (expression is MemberAccessExpressionSyntax access && IsScalar(_facts.Type(access.Expression)))
        {
            double? value = access.Name.Identifier.ValueText switch
            {
                "Zero" => 0.0,
                "One" => 1.0,
                "NegativeOne" => -1.0,
                "Pi" => Math.PI,
                "E" => Math.E,
                "Tau" => 2 * Math.PI,
                _ => null,
            };
            return value is double v ? new ConstantExpressionModel(v) : null;
        }

        if (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax create, ArgumentList.Arguments.Count: 1 } invocation
            && create.Name.Identifier.ValueText is "CreateChecked" or "CreateTruncating" or "CreateSaturating"
            && IsScalar(_facts.Type(create.Expression)))
        {
            var constant = _semanticModel.GetConstantValue(invocation.ArgumentList.Arguments[0].Expression, _cancellationToken);
            if (constant.HasValue && constant.Value is double or float or int or long)
            {
                return new ConstantExpressionModel(Convert.ToDouble(constant.Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return null;
    }

    private bool IsSupportedLocalType(ITypeSymbol type)
        => IsScalar(type) || type.SpecialType == SpecialType.System_Boolean;
}
