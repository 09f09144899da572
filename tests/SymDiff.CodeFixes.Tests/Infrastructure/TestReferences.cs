using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace SymDiff.CodeFixes.Tests.Infrastructure;

/// <summary>The running .NET's own assemblies and SymDiff's runtime as references: nothing is downloaded while testing.</summary>
internal static class TestReferences
{
    /// <summary>No reference package: the framework would otherwise fetch one.</summary>
    public static readonly ReferenceAssemblies None = new("net10.0");

    public static readonly ImmutableArray<MetadataReference> Assemblies = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Where(p => Path.GetFileName(p) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll"))
        .Append(typeof(DifferentiableAttribute).Assembly.Location)
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
        .ToImmutableArray();
}
