using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SymDiff.Generator.Diagnostics;

/// <summary>
/// A diagnostic as a value: its descriptor's ID, its message arguments, and where it points (file path and
/// span). Models that are compared or collected carry this instead of a <see cref="Diagnostic"/>, which holds
/// its syntax tree (and, through it, a whole compilation) and compares by reference.
/// </summary>
internal sealed record DiagnosticInfo(string Id, EquatableArray<string> Arguments, string FilePath, int Start, int Length)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location location, params string[] arguments)
        => new(descriptor.Id, arguments.ToEquatableArray(), location.SourceTree?.FilePath ?? "", location.SourceSpan.Start, location.SourceSpan.Length);

    /// <summary>The diagnostic, located in <paramref name="compilation"/>'s tree of the same path (so that <c>#pragma warning disable</c> applies).</summary>
    public Diagnostic ToDiagnostic(Compilation compilation)
    {
        var span = new TextSpan(Start, Length);
        var tree = compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == FilePath);
        var location = tree is not null && span.End <= tree.Length ? Location.Create(tree, span) : Location.None;
        return Diagnostic.Create(DiagnosticDescriptors.ById(Id), location, Arguments.Cast<object>().ToArray());
    }
}
