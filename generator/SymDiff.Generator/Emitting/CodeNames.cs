using System.Text.RegularExpressions;

namespace SymDiff.Generator.Emitting;

/// <summary>The names a piece of generated C# reads, to tell whether it can change from one loop iteration to the next.</summary>
internal static class CodeNames
{
    // C# identifiers may use any Unicode letter (ρ, é), so not [A-Za-z]; a name after a dot is a member, and one
    // starting inside a word (the e of 2.5e-1) is not a name at all.
    private static readonly Regex Identifier = new(@"(?<![.\w])@?[\p{L}\p{Nl}_][\w\p{Mc}\p{Cf}]*", RegexOptions.CultureInvariant);

    /// <summary>Every identifier in <paramref name="code"/> other than a member after a dot (<c>Length</c>), without <c>@</c>.</summary>
    public static IEnumerable<string> In(string code)
        => Identifier.Matches(code).Cast<Match>().Select(m => m.Value.TrimStart('@'));
}
