using Microsoft.CodeAnalysis.Text;

namespace SymDiff.Generator.Tests.Infrastructure;

/// <summary>Source text with one span marked as <c>[|...|]</c>: where a diagnostic must point.</summary>
internal sealed record MarkedSource(string Text, TextSpan Span)
{
    public static MarkedSource Parse(string marked)
    {
        var start = marked.IndexOf("[|", StringComparison.Ordinal);
        var end = marked.IndexOf("|]", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "The source needs one [|marked|] span.");
        var text = marked.Remove(end, 2).Remove(start, 2);
        return new MarkedSource(text, TextSpan.FromBounds(start, end - 2));
    }
}
