namespace SymDiff.Generator.Model;

/// <summary><c>if (condition) { then } else { otherwise }</c>; a missing else is empty.</summary>
internal sealed record IfStatementModel(
    ExpressionModel Condition,
    EquatableArray<StatementModel> Then,
    EquatableArray<StatementModel> Else) : StatementModel;
