namespace SymDiff.Generator.Model;

/// <summary>A call to another <c>[Differentiable]</c> method, differentiated through its generated gradient.</summary>
/// <param name="Callee">The callee, fully qualified: <c>global::Ns.Type.G</c>.</param>
/// <param name="Arguments">The arguments, in parameter order.</param>
internal sealed record CallExpressionModel(string Callee, EquatableArray<ExpressionModel> Arguments) : ExpressionModel;
