using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SymDiff.Generator.Parsing;

/// <summary>
/// The semantic questions <see cref="BodyParser"/> asks about a body's expressions. Each query costs
/// about as much as reading a node, and Parse re-runs on every compilation change, so a question is
/// asked once, and not at all when the syntax already answers it.
/// </summary>
internal sealed class SemanticFacts
{
    private readonly SemanticModel _semanticModel;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<IdentifierNameSyntax, ISymbol?> _symbols = new();
    private readonly Dictionary<ExpressionSyntax, bool> _mayBeConstant = new();

    public SemanticFacts(SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        _semanticModel = semanticModel;
        _cancellationToken = cancellationToken;
    }

    public ISymbol? Symbol(ExpressionSyntax expression)
    {
        if (expression is not IdentifierNameSyntax identifier)
        {
            return _semanticModel.GetSymbolInfo(expression, _cancellationToken).Symbol;
        }

        if (!_symbols.TryGetValue(identifier, out var symbol))
        {
            symbol = _semanticModel.GetSymbolInfo(identifier, _cancellationToken).Symbol;
            _symbols[identifier] = symbol;
        }

        return symbol;
    }

    /// <summary>The expression's own type (before any conversion); a parameter's or local's is its declared type.</summary>
    public ITypeSymbol? Type(ExpressionSyntax expression)
    {
        var symbol = expression is IdentifierNameSyntax ? Symbol(expression) : null;
        return symbol switch
        {
            IParameterSymbol parameter => parameter.Type,
            ILocalSymbol local => local.Type,
            _ => _semanticModel.GetTypeInfo(expression, _cancellationToken).Type,
        };
    }

    public Optional<object?> Constant(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NumericLiteralExpression) || literal.IsKind(SyntaxKind.TrueLiteralExpression) || literal.IsKind(SyntaxKind.FalseLiteralExpression)
            => new Optional<object?>(literal.Token.Value),
        _ when MayBeConstant(expression) => _semanticModel.GetConstantValue(expression, _cancellationToken),
        _ => default,
    };

    /// <summary>
    /// False when C# cannot fold the expression to a constant: it reads a parameter, a variable, an
    /// element or a call. A constant expression is built only from constants.
    /// </summary>
    private bool MayBeConstant(ExpressionSyntax expression)
    {
        if (!_mayBeConstant.TryGetValue(expression, out var result))
        {
            result = expression switch
            {
                IdentifierNameSyntax => Symbol(expression) is not (IParameterSymbol or ILocalSymbol { IsConst: false } or IFieldSymbol { HasConstantValue: false }),
                ParenthesizedExpressionSyntax parenthesized => MayBeConstant(parenthesized.Expression),
                PrefixUnaryExpressionSyntax unary => MayBeConstant(unary.Operand),
                CastExpressionSyntax cast => MayBeConstant(cast.Expression),
                BinaryExpressionSyntax binary => MayBeConstant(binary.Left) && MayBeConstant(binary.Right),
                ConditionalExpressionSyntax conditional => MayBeConstant(conditional.Condition) && MayBeConstant(conditional.WhenTrue) && MayBeConstant(conditional.WhenFalse),
                InvocationExpressionSyntax invocation => invocation.Expression is IdentifierNameSyntax { Identifier.ValueText: "nameof" },
                ElementAccessExpressionSyntax or AssignmentExpressionSyntax or PostfixUnaryExpressionSyntax => false,
                _ => true,
            };
            _mayBeConstant[expression] = result;
        }

        return result;
    }
}
