using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SymDiff.Generator.Diagnostics;

namespace SymDiff.Generator.Parsing;

/// <summary>
/// Reads a method body into statement and expression models, reporting every construct it does not
/// support at the exact node (and carrying on, so that one build shows all of them).
/// </summary>
internal sealed partial class BodyParser
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

    // The variables of loops that are not ascending by one, as expressions of the counter each runs instead.
    private readonly Dictionary<ILocalSymbol, IntExpr> _loopVariables = new(SymbolEqualityComparer.Default);

    private int _counterCount;
    private int _loopDepth;

    /// <summary>The variables of the loops around the statement being read, innermost last (a foreach's is hidden: null).</summary>
    private readonly List<string?> _loopIndices = new();

    /// <summary>Per output vector, whether each statement writing it so far is in a loop.</summary>
    private readonly Dictionary<string, List<bool>> _outputWrites = new();
    private int _branchDepth;
    private int _foreachCount;
    private int _deconstructions;

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

            case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } deconstruction } when IsDeconstruction(deconstruction):
                Deconstruction(deconstruction, models);
                break;

            case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax assignment }:
                Assignment(assignment, models);
                break;

            case ExpressionStatementSyntax { Expression: PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax } increment:
                Increment(increment.Expression, models);
                break;

            case SwitchStatementSyntax @switch:
                Switch(@switch, models);
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

    /// <summary>
    /// <c>switch</c> on a number: an if/else-if chain, one branch a section (its labels or'ed, tried in order), the
    /// default section last, as C# tries every case before it. A section's closing <c>break</c> ends its branch.
    /// </summary>
    private void Switch(SwitchStatementSyntax statement, List<StatementModel> models)
    {
        if (!IsNumber(_facts.Type(statement.Expression)))
        {
            NotSupported(statement, "this switch statement", "a switch is differentiated on a double or an int");
            return;
        }

        _branchDepth++;
        var otherwise = EquatableArray<StatementModel>.Empty;
        var branches = new List<(ExpressionModel Condition, EquatableArray<StatementModel> Body)>();
        foreach (var section in statement.Sections)
        {
            var body = section.Statements.ToList();
            if (body.Count > 0 && body[body.Count - 1] is BreakStatementSyntax)
            {
                body.RemoveAt(body.Count - 1);
            }

            var statements = Statements(body);
            if (section.Labels.Any(l => l is DefaultSwitchLabelSyntax))
            {
                otherwise = statements;
                continue;
            }

            var condition = section.Labels.Select(label => label switch
            {
                CaseSwitchLabelSyntax @case => ConstantMatch(statement.Expression, @case.Value),
                CasePatternSwitchLabelSyntax { WhenClause: { } when } pattern => Apply(Operation.And, Pattern(statement.Expression, pattern.Pattern), Condition(when.Condition)),
                CasePatternSwitchLabelSyntax pattern => Pattern(statement.Expression, pattern.Pattern),
                _ => NotSupported(label, "this switch label"),
            }).Aggregate((a, b) => Apply(Operation.Or, a, b));
            branches.Add((condition, statements));
        }

        _branchDepth--;
        for (var i = branches.Count - 1; i >= 0; i--)
        {
            otherwise = new StatementModel[] { new IfStatementModel(branches[i].Condition, branches[i].Body, otherwise) }.ToEquatableArray();
        }

        models.AddRange(otherwise);
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
