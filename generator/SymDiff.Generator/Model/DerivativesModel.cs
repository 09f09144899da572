namespace SymDiff.Generator.Model;

/// <summary>What Derive hands on for one method: a DAG per generated method, and the formulas for docs.</summary>
/// <param name="Method">The source method.</param>
/// <param name="Gradient">Value and ∂value/∂p for each parameter p (reverse mode).</param>
/// <param name="Tangent">Value and the directional derivative (forward mode), if asked for.</param>
/// <param name="Hessian">Gradient, then the n×n Hessian row-major, if asked for.</param>
/// <param name="LocalFormulas">"z = ..." for each source local the formulas refer to by name.</param>
/// <param name="ValueFormula">The value as a formula.</param>
/// <param name="GradientFormulas">Each partial derivative as a formula (source locals by name, see <see cref="LocalFormulas"/>).</param>
/// <param name="ExpandedFormulas">Each partial derivative as a self-contained formula, for programs to print.</param>
/// <param name="Graph">The value's expression DAG as a Mermaid flowchart.</param>
/// <param name="Failure">Set when derivation failed inside the generator; then nothing else is meaningful.</param>
internal sealed record DerivativesModel(
    MethodModel Method,
    DerivativeGraphModel? Gradient,
    DerivativeGraphModel? Tangent,
    DerivativeGraphModel? Hessian,
    EquatableArray<string> LocalFormulas,
    string ValueFormula,
    EquatableArray<string> GradientFormulas,
    EquatableArray<string> ExpandedFormulas,
    string Graph,
    string? Failure);
