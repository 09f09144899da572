namespace SymDiff.Generator.Model;

/// <summary><c>y[index] = value</c>: a write to an output vector; the index is C# text of an <c>int</c> expression.</summary>
internal sealed record ElementAssignmentStatementModel(string Array, string Index, ExpressionModel Value) : StatementModel;
