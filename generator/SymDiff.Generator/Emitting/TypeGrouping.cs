using System.Collections.Immutable;
using System.Threading;

namespace SymDiff.Generator.Emitting;

/// <summary>Groups derived methods by containing type: one generated file per type, types in ordinal order.</summary>
internal static class TypeGrouping
{
    public static ImmutableArray<TypeOutputModel> Group(ImmutableArray<DerivativesModel> methods, CancellationToken cancellationToken)
        => methods
            .GroupBy(m => m.Method.Type.QualifiedName, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TypeOutputModel(g.First().Method.Type, g.ToEquatableArray()))
            .ToImmutableArray();
}
