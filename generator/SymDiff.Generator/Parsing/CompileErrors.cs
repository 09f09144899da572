using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SymDiff.Generator.Parsing;

/// <summary>
/// Whether a method compiles, asked as cheaply as possible. Syntax errors are free to see. The
/// compiler's semantic diagnostics bind the body a second time (as much again as reading it), so
/// Parse asks for them only when it has something to withdraw: a diagnostic of its own, or a body
/// whose flow it does not check itself.
/// </summary>
internal static class CompileErrors
{
    public static bool InSyntax(SyntaxNode syntax)
        => syntax.ContainsDiagnostics && syntax.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);

    public static bool InMethod(SyntaxNode syntax, SemanticModel semanticModel, CancellationToken cancellationToken)
        => semanticModel.GetDiagnostics(syntax.Span, cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>
    /// Whether the body might read a local before assigning it or end without a return: errors that
    /// only flow analysis finds, and that differentiation would trip over.
    /// </summary>
    public static bool MayFailFlowAnalysis(MethodDeclarationSyntax syntax)
        => syntax.Body is { } body
            && (body.Statements.LastOrDefault() is not ReturnStatementSyntax
                || body.DescendantNodes(n => n is not ExpressionSyntax).OfType<VariableDeclaratorSyntax>().Any(v => v.Initializer is null));
}
