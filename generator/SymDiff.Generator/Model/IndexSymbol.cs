namespace SymDiff.Generator.Model;

/// <summary>
/// The payload of an <c>Integer</c> node (its value, <see cref="Vector"/> empty) or of an <c>Element</c> or
/// <c>Store</c> node (the vector and the index).
/// </summary>
internal readonly record struct IndexSymbol(string Vector, IntExpr Index)
{
    public static IndexSymbol Integer(IntExpr value) => new("", value);
}
