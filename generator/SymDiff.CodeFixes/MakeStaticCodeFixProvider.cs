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
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace SymDiff.CodeFixes;

/// <summary>
/// SD1001: makes the method static, offered only when that cannot change its meaning: its body and parameters
/// use no instance state (no <c>this</c> or <c>base</c>, written or implied), and it overrides or implements nothing.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeStaticCodeFixProvider)), Shared]
public sealed class MakeStaticCodeFixProvider : CodeFixProvider
{
    private const string Title = "Make the method static";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MethodMustBeStatic);

    public override FixAllProvider GetFixAllProvider()
        => FixAllProvider.Create((context, document, diagnostics) => FixAsync(document, diagnostics, context.CancellationToken)!);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (Fixable(root, model, diagnostic, context.CancellationToken) is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => FixAsync(context.Document, ImmutableArray.Create(diagnostic), ct), equivalenceKey: Title),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
        var methods = new HashSet<MethodDeclarationSyntax>();
        foreach (var diagnostic in diagnostics)
        {
            if (Fixable(root, model, diagnostic, ct) is { } method)
            {
                methods.Add(method);
            }
        }

        if (root is null || methods.Count == 0)
        {
            return document;
        }

        var generator = SyntaxGenerator.GetGenerator(document);
        var fixedRoot = root.ReplaceNodes(methods, (_, rewritten) => generator.WithModifiers(rewritten, generator.GetModifiers(rewritten).WithIsStatic(true).WithIsReadOnly(false)));
        return document.WithSyntaxRoot(fixedRoot);
    }

    /// <summary>The method the diagnostic names, when making it static keeps its meaning; otherwise null.</summary>
    private static MethodDeclarationSyntax? Fixable(SyntaxNode? root, SemanticModel? model, Diagnostic diagnostic, CancellationToken ct)
    {
        if (root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent is not MethodDeclarationSyntax method
            || model is null
            || method.ExplicitInterfaceSpecifier is not null
            || method.Modifiers.Any(m => m.IsKind(SyntaxKind.OverrideKeyword) || m.IsKind(SyntaxKind.VirtualKeyword) || m.IsKind(SyntaxKind.AbstractKeyword)))
        {
            return null;
        }

        if (model.GetDeclaredSymbol(method, ct) is not { } symbol || ImplementsInterfaceMember(symbol))
        {
            return null;
        }

        var parts = new List<SyntaxNode>();
        parts.AddRange(method.ParameterList.Parameters.Select(p => p.Default).OfType<SyntaxNode>());
        parts.AddRange(new SyntaxNode?[] { method.Body, method.ExpressionBody }.OfType<SyntaxNode>());
        return parts.Any(part => UsesInstance(part, model, ct)) ? null : method;
    }

    private static bool UsesInstance(SyntaxNode node, SemanticModel model, CancellationToken ct)
    {
        if (node.DescendantNodesAndSelf().Any(n => n is ThisExpressionSyntax or BaseExpressionSyntax))
        {
            return true;
        }

        // An implied 'this' (a field or method of the type named alone) is an instance reference in the operation tree;
        // a syntax walk over statements finds every operation root (one per statement or expression body).
        foreach (var part in node.DescendantNodesAndSelf().Where(n => n is StatementSyntax or ArrowExpressionClauseSyntax or EqualsValueClauseSyntax))
        {
            ct.ThrowIfCancellationRequested();
            var operation = model.GetOperation(part, ct);
            if (operation is not null && operation.DescendantsAndSelf().OfType<IInstanceReferenceOperation>()
                    .Any(r => r.ReferenceKind == InstanceReferenceKind.ContainingTypeInstance))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ImplementsInterfaceMember(IMethodSymbol method)
        => method.ContainingType.AllInterfaces
            .SelectMany(i => i.GetMembers(method.Name))
            .Any(member => SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method));
}
