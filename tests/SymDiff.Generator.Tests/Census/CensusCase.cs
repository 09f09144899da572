using Microsoft.CodeAnalysis.Text;

namespace SymDiff.Generator.Tests.Census;

/// <summary>One sample in one context: a type <c>K{Index}</c> of its own holding the method <c>M</c>.</summary>
internal sealed record CensusCase(int Index, CensusEntry Entry, CensusContexts Context)
{
    private const string Usings = "using System;\nusing System.Linq;\nusing SymDiff;\n\nnamespace Census;\n\n";

    public string TypeName => "K" + Index;

    public string AdapterName => "A" + Index;

    public bool MayBeRejected => (Entry.RejectedIn & Context) != 0;

    public string Source
    {
        get
        {
            var (open, close) = CensusContext.Around(Context);
            return Usings + Entry.Template.Method(TypeName, open + Entry.Snippet + "\n" + close);
        }
    }

    /// <summary>Where the sample is in <see cref="Source"/>: its diagnostics belong there.</summary>
    public TextSpan SnippetSpan
    {
        get
        {
            var start = Usings.Length + Entry.Template.Prefix(TypeName).Length + CensusContext.Around(Context).Open.Length;
            return new TextSpan(start, Entry.Snippet!.Length);
        }
    }

    public string Describe => "'" + Entry.Name + "' " + CensusContext.Describe(Context) + " (" + Entry.Template.Name + " template, " + TypeName + "): " + Entry.Snippet;
}
