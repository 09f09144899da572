using Microsoft.CodeAnalysis.CSharp;

namespace SymDiff.Generator.Tests.Census;

/// <summary>
/// One line of the census: a sample of a form, to be built in every context; or why a form has no sample
/// of its own (it only occurs inside another form's sample, or not in a method at all).
/// </summary>
/// <param name="Kind">The form the entry is for; a sample must contain it.</param>
/// <param name="Name">Unique; names the sample in failures.</param>
/// <param name="Snippet">Statements using the form, or null for an entry without a sample.</param>
/// <param name="Template">The method the sample is put in.</param>
/// <param name="RejectedIn">The contexts where the compiler rejects the sample, as it must there.</param>
/// <param name="Reason">Why the compiler rejects it, or why there is no sample.</param>
/// <param name="CoveredBy">The sample holding a form that only occurs nested in another.</param>
internal sealed record CensusEntry(
    SyntaxKind Kind,
    string Name,
    string? Snippet,
    CensusTemplate Template,
    CensusContexts RejectedIn = CensusContexts.None,
    string? Reason = null,
    string? CoveredBy = null)
{
    public bool IsSample => Snippet is not null;

    public static CensusEntry Sample(SyntaxKind kind, string name, string snippet, CensusTemplate? template = null)
        => new(kind, name, snippet, template ?? CensusTemplate.Scalar);

    /// <summary>A sample the compiler rejects in <paramref name="contexts"/> (and only there), for <paramref name="reason"/>.</summary>
    public static CensusEntry Rejected(SyntaxKind kind, string name, string snippet, CensusContexts contexts, string reason, CensusTemplate? template = null)
        => new(kind, name, snippet, template ?? CensusTemplate.Scalar, contexts, reason);

    public static CensusEntry Nested(SyntaxKind kind, string coveredBy, string reason)
        => new(kind, kind + " (nested)", null, CensusTemplate.Scalar, Reason: reason, CoveredBy: coveredBy);

    public static CensusEntry NotInMethods(SyntaxKind kind, string reason)
        => new(kind, kind + " (not in methods)", null, CensusTemplate.Scalar, Reason: reason);
}
