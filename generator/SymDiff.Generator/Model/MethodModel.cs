namespace SymDiff.Generator.Model;

/// <summary>What Parse hands on: a <c>[Differentiable]</c> method's signature and body.</summary>
/// <param name="Type">Where the generated members go.</param>
/// <param name="Name">The method name.</param>
/// <param name="Accessibility">"public", "internal", ... as declared.</param>
/// <param name="Parameters">Parameter names, in order; all are <c>double</c>.</param>
/// <param name="Body">The body; an expression body is one return statement.</param>
/// <param name="Modes">Which derivative methods to generate; the gradient always.</param>
/// <param name="Result">What it returns; null means one double.</param>
internal sealed record MethodModel(
    ContainingTypeModel Type,
    string Name,
    string Accessibility,
    EquatableArray<string> Parameters,
    EquatableArray<StatementModel> Body,
    DerivativeModes Modes = DerivativeModes.Gradient,
    ResultModel? Result = null)
{
    /// <summary>What the method returns.</summary>
    public ResultModel Output => Result ?? ResultModel.Scalar(Name);
}
