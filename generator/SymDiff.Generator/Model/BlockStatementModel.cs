namespace SymDiff.Generator.Model;

internal sealed record BlockStatementModel(EquatableArray<StatementModel> Statements) : StatementModel;
