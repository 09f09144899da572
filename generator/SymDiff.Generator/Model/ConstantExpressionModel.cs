namespace SymDiff.Generator.Model;

/// <summary>A literal or compile-time constant (<c>2</c>, <c>Math.PI</c>, a <c>const</c>).</summary>
/// <param name="Value">Its value.</param>
/// <param name="Literal">The source text of a double literal (<c>1e-3</c>, <c>4d</c>), copied verbatim into the output; else null.</param>
internal sealed record ConstantExpressionModel(double Value, string? Literal = null) : ExpressionModel;
