namespace SymDiff.Generator.Model;

/// <summary>An <c>int</c> expression (a loop index, a size, <c>x.Length</c>) used as a value; in the integer IR.</summary>
internal sealed record IntegerExpressionModel(Ir.IntExpr Code) : ExpressionModel;
