namespace SymDiff.Generator.Model;

/// <summary><c>y[index] = value</c>: a write to an output vector; the index is an integer-IR expression.</summary>
internal sealed record ElementAssignmentStatementModel(string Array, Ir.IntExpr Index, ExpressionModel Value) : StatementModel;
