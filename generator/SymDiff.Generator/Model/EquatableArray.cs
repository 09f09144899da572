using System.Collections.Immutable;

namespace SymDiff.Generator.Model;

internal static class EquatableArray
{
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items)
        where T : System.IEquatable<T>
        => new(ImmutableArray.CreateRange(items));
}
