using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SymDiff.Generator.Parsing;

/// <summary>
/// Deconstruction of a tuple written out: <c>var (a, b) = (x, y);</c>, <c>(double a, double b) = (x, y);</c>,
/// <c>(a, b) = (b, a);</c>, declarations and assignments mixed. As in C#, every value is computed before any target is
/// written: where a value reads a target written before it, the values go through temporaries first.
/// </summary>
internal sealed partial class BodyParser
{
    /// <summary>The prefix of the temporaries: '&lt;' keeps them apart from every C# name (and from the generated locals' names).</summary>
    private const string DeconstructionTemporary = "<tuple>";

    private static bool IsDeconstruction(AssignmentExpressionSyntax assignment)
        => assignment.Left is TupleExpressionSyntax or DeclarationExpressionSyntax { Designation: ParenthesizedVariableDesignationSyntax };

    private void Deconstruction(AssignmentExpressionSyntax assignment, List<StatementModel> models)
    {
        if (assignment.Right is not TupleExpressionSyntax values)
        {
            NotSupported(assignment, "deconstructing a value that is not a tuple written out; write the tuple, (a, b) = (x, y), or assign each local");
            return;
        }

        var targets = Targets(assignment.Left);
        if (targets is null || targets.Count != values.Arguments.Count)
        {
            NotSupported(assignment, "a deconstruction into nested tuples, discards or other targets; deconstruct into double and bool locals, one per element");
            return;
        }

        var types = new List<ITypeSymbol>();
        foreach (var (node, symbol) in targets)
        {
            var type = symbol switch { ILocalSymbol local => local.Type, IParameterSymbol parameter => parameter.Type, _ => null };
            if (type is null || !IsSupportedLocalType(type) || type.SpecialType == SpecialType.System_Int32)
            {
                NotSupported(node, "a deconstruction target must be a double or bool local or parameter (int locals are assigned once, where they are declared)");
                return;
            }

            if (node is IdentifierNameSyntax identifier && AssignedVariable(identifier) is null)
            {
                return;
            }

            types.Add(type);
        }

        var names = targets.Select(target => target.Symbol.Name).ToList();
        var computed = values.Arguments.Select((argument, i) => (Name: names[i], Value: types[i].SpecialType == SpecialType.System_Boolean ? Condition(argument.Expression) : Numeric(argument.Expression))).ToList();
        var readsEarlierTarget = values.Arguments.Select((argument, i) => argument.Expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
            .Any(read => names.Take(i).Contains(read.Identifier.ValueText) && _facts.Symbol(read) is ILocalSymbol or IParameterSymbol)).Any(reads => reads);
        if (!readsEarlierTarget)
        {
            models.AddRange(computed.Select(c => new AssignmentStatementModel(c.Name, c.Value)));
            return;
        }

        var temporaries = computed.Select((_, i) => DeconstructionTemporary + _deconstructions + "_" + i).ToList();
        _deconstructions++;
        models.AddRange(computed.Select((c, i) => new AssignmentStatementModel(temporaries[i], c.Value)));
        models.AddRange(computed.Select((c, i) => new AssignmentStatementModel(c.Name, new VariableExpressionModel(temporaries[i]))));
    }

    /// <summary>The targets, in order, with their symbols; null when one is not a plain local, a declaration or a parameter.</summary>
    private List<(SyntaxNode Node, ISymbol Symbol)>? Targets(ExpressionSyntax left)
    {
        var elements = left switch
        {
            DeclarationExpressionSyntax { Designation: ParenthesizedVariableDesignationSyntax designation } => designation.Variables.Cast<SyntaxNode>(),
            TupleExpressionSyntax tuple => tuple.Arguments.Select(argument => (SyntaxNode)argument.Expression),
            _ => null,
        };

        var targets = new List<(SyntaxNode, ISymbol)>();
        foreach (var element in elements ?? Enumerable.Empty<SyntaxNode>())
        {
            var symbol = element switch
            {
                SingleVariableDesignationSyntax single => _semanticModel.GetDeclaredSymbol(single, _cancellationToken),
                DeclarationExpressionSyntax { Designation: SingleVariableDesignationSyntax single } => _semanticModel.GetDeclaredSymbol(single, _cancellationToken),
                IdentifierNameSyntax identifier when _facts.Symbol(identifier) is ILocalSymbol or IParameterSymbol => _facts.Symbol(identifier),
                _ => null,
            };
            if (symbol is null)
            {
                return null;
            }

            targets.Add((element, symbol));
        }

        return elements is null ? null : targets;
    }
}
