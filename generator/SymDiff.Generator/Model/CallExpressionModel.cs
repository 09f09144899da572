namespace SymDiff.Generator.Model;

/// <summary>
/// A call to another <c>[Differentiable]</c> method (differentiated through its generated gradient) or to
/// a function with a user's <c>[DerivativeOf]</c> derivative.
/// </summary>
/// <param name="Callee">The callee and where its derivative comes from.</param>
/// <param name="Arguments">The arguments, in parameter order.</param>
internal sealed record CallExpressionModel(CalleeModel Callee, EquatableArray<ExpressionModel> Arguments) : ExpressionModel;
