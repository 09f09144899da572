namespace SymDiff.Generator.Model;

/// <summary>
/// What Derive hands on for one method: the pruned DAG (topological order: operands before users)
/// holding the value and every partial derivative, plus the formulas for the docs.
/// </summary>
/// <param name="Method">The source method's signature (its body is no longer needed but kept for equality).</param>
/// <param name="Nodes">DAG nodes; only those reachable from the outputs.</param>
/// <param name="NameHints">Per node, a source local's name to give it, or empty.</param>
/// <param name="Literals">Per constant node, the double literal the source wrote for it, or empty.</param>
/// <param name="Value">Node holding the method's value.</param>
/// <param name="Gradient">Node holding ∂value/∂p for each parameter p, in parameter order.</param>
/// <param name="LocalFormulas">"z = ..." for each source local the formulas refer to by name.</param>
/// <param name="ValueFormula">The value as a formula.</param>
/// <param name="GradientFormulas">Each partial derivative as a formula.</param>
/// <param name="Failure">Set when derivation failed inside the generator; then nothing else is meaningful.</param>
internal sealed record GradientModel(
    MethodModel Method,
    EquatableArray<GraphNode> Nodes,
    EquatableArray<string> NameHints,
    EquatableArray<string> Literals,
    int Value,
    EquatableArray<int> Gradient,
    EquatableArray<string> LocalFormulas,
    string ValueFormula,
    EquatableArray<string> GradientFormulas,
    string? Failure);
