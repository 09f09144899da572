namespace SymDiff.Generator.Model;

internal sealed record ReturnStatementModel(ExpressionModel Value) : StatementModel;
