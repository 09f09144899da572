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

        var names = new List<string>();
        foreach (var (node, symbol) in targets)
        {
            var type = (symbol as ILocalSymbol)?.Type ?? (symbol as IParameterSymbol)?.Type;
            if (type is null || !IsSupportedLocalType(type) || type.SpecialType == SpecialType.System_Int32)
            {
                NotSupported(node, "a deconstruction target must be a double or bool local or parameter (int locals are assigned once, where they are declared)");
                return;
            }

            if (node is IdentifierNameSyntax identifier && AssignedVariable(identifier) is null)
            {
                return;
            }

            names.Add(symbol!.Name);
        }

        var computed = values.Arguments.Select((argument, i) => (names[i], Value: ValueOf(targets[i].Symbol!, argument.Expression))).ToList();
        var readsEarlierTarget = values.Arguments.Select((argument, i) => argument.Expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
            .Any(read => names.Take(i).Contains(read.Identifier.ValueText) && _facts.Symbol(read) is ILocalSymbol or IParameterSymbol)).ToList();
        if (!readsEarlierTarget.Any(reads => reads))
        {
            models.AddRange(computed.Select(c => new AssignmentStatementModel(c.Item1, c.Value)));
            return;
        }

        var temporaries = computed.Select((_, i) => DeconstructionTemporary + _deconstructions + "_" + i).ToList();
        _deconstructions++;
        models.AddRange(computed.Select((c, i) => new AssignmentStatementModel(temporaries[i], c.Value)));
        models.AddRange(computed.Select((c, i) => new AssignmentStatementModel(c.Item1, new VariableExpressionModel(temporaries[i]))));
    }

    private ExpressionModel ValueOf(ISymbol target, ExpressionSyntax value)
        => ((target as ILocalSymbol)?.Type ?? ((IParameterSymbol)target).Type).SpecialType == SpecialType.System_Boolean ? Condition(value) : Numeric(value);

    /// <summary>The targets, in order, with their symbols; null when one is not a plain local, a declaration or a parameter.</summary>
    private List<(SyntaxNode Node, ISymbol? Symbol)>? Targets(ExpressionSyntax left)
    {
        switch (left)
        {
            case DeclarationExpressionSyntax { Designation: ParenthesizedVariableDesignationSyntax designation }:
                return designation.Variables.Select(v => v is SingleVariableDesignationSyntax single
                    ? ((SyntaxNode)single, _semanticModel.GetDeclaredSymbol(single, _cancellationToken))
                    : ((SyntaxNode)v, null)).ToList() is var declared && declared.All(t => t.Item2 is not null) ? declared : null;
            case TupleExpressionSyntax tuple:
                var targets = new List<(SyntaxNode, ISymbol?)>();
                foreach (var argument in tuple.Arguments)
                {
                    switch (argument.Expression)
                    {
                        case DeclarationExpressionSyntax { Designation: SingleVariableDesignationSyntax single }:
                            targets.Add((single, _semanticModel.GetDeclaredSymbol(single, _cancellationToken)));
                            break;
                        case IdentifierNameSyntax identifier when _facts.Symbol(identifier) is ILocalSymbol or IParameterSymbol:
                            targets.Add((identifier, _facts.Symbol(identifier)));
                            break;
                        default:
                            return null;
                    }
                }

                return targets;
            default:
                return null;
        }
    }
}
