namespace SymDiff.Generator.Model;

/// <summary>
/// <c>name = value</c>, a declaration with initializer, or a compound assignment already expanded
/// (<c>s += e</c> becomes <c>s = s + e</c>).
/// </summary>
internal sealed record AssignmentStatementModel(string Name, ExpressionModel Value) : StatementModel;
