namespace SymDiff.Generator.Model;

/// <summary>A literal or compile-time constant (<c>2</c>, <c>Math.PI</c>, a <c>const</c>).</summary>
internal sealed record ConstantExpressionModel(double Value) : ExpressionModel;
