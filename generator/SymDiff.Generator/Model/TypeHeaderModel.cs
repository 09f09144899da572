namespace SymDiff.Generator.Model;

/// <summary>How one containing type is re-opened: <c>static partial class Name&lt;T&gt;</c>.</summary>
/// <param name="Keyword">"class", "struct", "interface", "record" or "record struct".</param>
/// <param name="Name">The identifier.</param>
/// <param name="TypeParameters">"&lt;T, U&gt;" or empty.</param>
/// <param name="IsStatic">Whether the declaration is static.</param>
internal sealed record TypeHeaderModel(string Keyword, string Name, string TypeParameters, bool IsStatic);
