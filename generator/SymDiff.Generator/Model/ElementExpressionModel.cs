namespace SymDiff.Generator.Model;

/// <summary>A read <c>x[index]</c> of a vector parameter; the index is C# text of an <c>int</c> expression.</summary>
internal sealed record ElementExpressionModel(string Array, string Index) : ExpressionModel;
