namespace SymDiff.Generator.Model;

/// <summary>An operator, a <c>Math</c> call, a comparison or a conditional applied to its operands.</summary>
internal sealed record OperationExpressionModel(Operation Operation, EquatableArray<ExpressionModel> Operands) : ExpressionModel;
