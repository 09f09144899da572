namespace SymDiff.Generator.Model;

/// <summary>An <c>int</c> expression (a loop index, a size, <c>x.Length</c>) used as a value; its C# text is kept.</summary>
internal sealed record IntegerExpressionModel(string Code) : ExpressionModel;
