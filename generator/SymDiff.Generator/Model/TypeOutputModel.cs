namespace SymDiff.Generator.Model;

/// <summary>Everything emitted into one containing type, in declaration order.</summary>
internal sealed record TypeOutputModel(ContainingTypeModel Type, EquatableArray<DerivativesModel> Methods);
