namespace SymDiff.Generator.Model;

/// <summary>A read of a parameter or local.</summary>
internal sealed record VariableExpressionModel(string Name) : ExpressionModel;
