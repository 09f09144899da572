namespace SymDiff.Generator.Model;

/// <summary>An expression of a <c>[Differentiable]</c> method body, free of Roslyn objects.</summary>
internal abstract record ExpressionModel;
