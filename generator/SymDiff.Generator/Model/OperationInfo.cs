namespace SymDiff.Generator.Model;

/// <summary>How one operation is named, printed and typed.</summary>
/// <param name="Operation">The operation.</param>
/// <param name="Arity">Number of operands.</param>
/// <param name="MathName">Name of the <c>System.Math</c> method it comes from, or null.</param>
/// <param name="CSharp">C# template; <c>{0}</c>, <c>{1}</c> are the operands.</param>
/// <param name="Formula">Formula template for docs, same placeholders.</param>
/// <param name="IsBoolean">True when the value is a <c>bool</c>.</param>
internal sealed record OperationInfo(
    Operation Operation,
    int Arity,
    string? MathName,
    string CSharp,
    string Formula,
    bool IsBoolean = false);
