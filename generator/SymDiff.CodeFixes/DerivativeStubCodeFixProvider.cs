using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SymDiff.CodeFixes;

/// <summary>
/// SD2002 on a call to a static double function of doubles: writes a <c>[DerivativeOf]</c> stub for it (see
/// <see cref="DerivativeStub"/>) after the <c>[Differentiable]</c> method that makes the call. One stub a function,
/// however many calls there are: a [DerivativeOf] serves every call in the compilation, so Fix All writes each
/// function's stub once, in the first document (in the scope's order) that calls it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DerivativeStubCodeFixProvider)), Shared]
public sealed class DerivativeStubCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CallNotDifferentiable);

    public override FixAllProvider GetFixAllProvider() => DerivativeStubFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (Target(root, model, diagnostic, context.CancellationToken) is { } target)
            {
                var title = "Write a [DerivativeOf] stub for '" + target.Function.Name + "'";
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => FixAsync(context.Document, ImmutableArray.Create(diagnostic), new HashSet<string>(), ct), equivalenceKey: EquivalenceKey),
                    diagnostic);
            }
        }
    }

    internal const string EquivalenceKey = nameof(DerivativeStubCodeFixProvider);

    /// <summary>Writes a stub for each function called at <paramref name="diagnostics"/> that is not in <paramref name="written"/> (display strings), and adds it there.</summary>
    internal static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, HashSet<string> written, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var endOfLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).ToString() is { Length: > 0 } eol ? eol : "\r\n";
        var changes = new List<TextChange>();
        var namesTaken = new HashSet<string>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            if (Target(root, model, diagnostic, ct) is not { } target || !written.Add(target.Function.OriginalDefinition.ToDisplayString()))
            {
                continue;
            }

            var type = (TypeDeclarationSyntax)target.Method.Parent!;
            var name = target.Function.Name + "Derivative";
            var members = model.GetDeclaredSymbol(type, ct)?.MemberNames.ToList() ?? new List<string>();
            for (var i = 2; members.Contains(name) || !namesTaken.Add(name); i++)
            {
                name = target.Function.Name + "Derivative" + i;
            }

            var indent = target.Method.GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).ToString();
            var end = target.Method.FullSpan.End;
            var text = endOfLine + DerivativeStub.Text(target.Function, name, model, end, indent, endOfLine);
            // A method that ends the file's last line without a line break gets one first.
            var last = target.Method.GetTrailingTrivia().LastOrDefault();
            changes.Add(new TextChange(new TextSpan(end, 0), last.IsKind(SyntaxKind.EndOfLineTrivia) ? text : endOfLine + text.Substring(endOfLine.Length)));
        }

        var source = await document.GetTextAsync(ct).ConfigureAwait(false);
        return document.WithText(source.WithChanges(changes));
    }

    /// <summary>The call's function and the method making it, when a stub can be written: a static double function of doubles, called in a method of a type.</summary>
    private static (IMethodSymbol Function, MethodDeclarationSyntax Method)? Target(SyntaxNode? root, SemanticModel? model, Diagnostic diagnostic, CancellationToken ct)
    {
        if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation
            || model?.GetSymbolInfo(invocation, ct).Symbol is not IMethodSymbol function
            || !DerivativeStub.IsDoubleFunction(function)
            || invocation.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { Parent: TypeDeclarationSyntax } method)
        {
            return null;
        }

        return (function, method);
    }
}
