namespace SymDiff.Generator.Model;

/// <summary>A read <c>x[index]</c> of a vector parameter; the index is an integer-IR expression.</summary>
internal sealed record ElementExpressionModel(string Array, Ir.IntExpr Index) : ExpressionModel;
