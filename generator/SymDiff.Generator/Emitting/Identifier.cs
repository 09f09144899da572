using Microsoft.CodeAnalysis.CSharp;

namespace SymDiff.Generator.Emitting;

internal static class Identifier
{
    /// <summary>Prefixes a reserved keyword with '@' so it can be used as a name.</summary>
    public static string Escape(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
