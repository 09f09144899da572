namespace SymDiff.Generator.Model;

/// <summary>A statement of a <c>[Differentiable]</c> method body, free of Roslyn objects.</summary>
internal abstract record StatementModel;
