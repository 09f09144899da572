using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SymDiff.CodeFixes;

/// <summary>
/// Fix All for <see cref="DerivativeStubCodeFixProvider"/>: walks the scope's documents in order and writes each
/// function's stub once (a document-by-document Fix All would write one per calling document, and two
/// [DerivativeOf] methods for one function).
/// </summary>
internal sealed class DerivativeStubFixAllProvider : FixAllProvider
{
    public static readonly DerivativeStubFixAllProvider Instance = new();

    public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        var documents = fixAllContext.Scope switch
        {
            FixAllScope.Solution => fixAllContext.Solution.Projects.SelectMany(p => p.Documents),
            FixAllScope.Project => fixAllContext.Project.Documents,
            _ => fixAllContext.Document is { } document ? new[] { document } : Enumerable.Empty<Document>(),
        };

        var work = new List<(DocumentId Id, ImmutableArray<Diagnostic> Diagnostics)>();
        foreach (var document in documents.OrderBy(d => d.Project.Name, System.StringComparer.Ordinal).ThenBy(d => d.FilePath ?? d.Name, System.StringComparer.Ordinal))
        {
            var diagnostics = await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
            if (!diagnostics.IsEmpty)
            {
                work.Add((document.Id, diagnostics));
            }
        }

        return CodeAction.Create(
            "Write [DerivativeOf] stubs",
            async ct =>
            {
                var solution = fixAllContext.Solution;
                var written = new HashSet<string>();
                foreach (var (id, diagnostics) in work)
                {
                    var document = solution.GetDocument(id)!;
                    solution = (await DerivativeStubCodeFixProvider.FixAsync(document, diagnostics, written, ct).ConfigureAwait(false)).Project.Solution;
                }

                return solution;
            },
            DerivativeStubCodeFixProvider.EquivalenceKey);
    }
}
