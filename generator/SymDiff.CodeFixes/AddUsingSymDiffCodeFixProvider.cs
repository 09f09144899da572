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

namespace SymDiff.CodeFixes;

/// <summary>
/// The compiler's CS0246 or CS0103 on one of SymDiff's names (<c>[Differentiable]</c>, <c>[DerivativeOf]</c>,
/// <c>DerivativeModes</c>, <c>Derivatives</c>) in a project that references SymDiff: adds <c>using SymDiff;</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddUsingSymDiffCodeFixProvider)), Shared]
public sealed class AddUsingSymDiffCodeFixProvider : CodeFixProvider
{
    private const string Title = "Add 'using SymDiff;'";
    private const string Namespace = "SymDiff";

    private static readonly ImmutableArray<string> Names = ImmutableArray.Create(
        "Differentiable", "DifferentiableAttribute", "DerivativeOf", "DerivativeOfAttribute", "DerivativeModes", "Derivatives");

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.TypeOrNamespaceNotFound, DiagnosticIds.NameNotFound);

    public override FixAllProvider GetFixAllProvider()
        => FixAllProvider.Create((context, document, diagnostics) => FixAsync(document, context.CancellationToken)!);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is not CompilationUnitSyntax unit || model?.Compilation.GetTypeByMetadataName(Namespace + ".DifferentiableAttribute") is null
            || unit.Usings.Any(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == Namespace))
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is SimpleNameSyntax name
                && Names.Contains(name.Identifier.ValueText))
            {
                context.RegisterCodeFix(CodeAction.Create(Title, ct => FixAsync(context.Document, ct), equivalenceKey: Title), diagnostic);
            }
        }
    }

    /// <summary>Adds the using directive once, in order among the file's top-level ones (or as the first line).</summary>
    private static async Task<Document> FixAsync(Document document, CancellationToken ct)
    {
        if (await document.GetSyntaxRootAsync(ct).ConfigureAwait(false) is not CompilationUnitSyntax unit
            || unit.Usings.Any(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == Namespace))
        {
            return document;
        }

        var endOfLine = unit.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: not 0 } eol ? eol : SyntaxFactory.CarriageReturnLineFeed;
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.IdentifierName(Namespace))
            .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space))
            .WithTrailingTrivia(endOfLine);
        var plain = unit.Usings.Where(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.GlobalKeyword.IsKind(SyntaxKind.None)).ToList();
        CompilationUnitSyntax fixedUnit;
        if (plain.Count > 0)
        {
            var after = plain.LastOrDefault(u => string.CompareOrdinal(Order(u.Name!.ToString()), Order(Namespace)) < 0);
            var index = after is null ? unit.Usings.IndexOf(plain[0]) : unit.Usings.IndexOf(after) + 1;
            var next = index < unit.Usings.Count ? unit.Usings[index] : null;
            fixedUnit = next is null || after is not null
                ? unit.WithUsings(unit.Usings.Insert(index, directive))
                : unit.WithUsings(unit.Usings.Replace(next, next.WithoutLeadingTrivia()).Insert(index, directive.WithLeadingTrivia(next.GetLeadingTrivia())));
        }
        else
        {
            // The first line of the file, after its leading trivia (a header comment), then a blank line.
            var first = unit.GetFirstToken(includeZeroWidth: true);
            var spaced = directive.WithLeadingTrivia(first.LeadingTrivia).WithTrailingTrivia(endOfLine, endOfLine);
            var withoutHeader = unit.ReplaceToken(first, first.WithLeadingTrivia());
            fixedUnit = withoutHeader.WithUsings(withoutHeader.Usings.Insert(0, spaced));
        }

        return document.WithSyntaxRoot(fixedUnit);
    }

    /// <summary>System namespaces first, then ordinal order (the usual layout of usings).</summary>
    private static string Order(string name) => (name == "System" || name.StartsWith("System.", System.StringComparison.Ordinal) ? "0" : "1") + name;
}
