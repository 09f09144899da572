namespace SymDiff.Generator.Model;

/// <summary>What Derive hands on for one method: a DAG per generated method, and the formulas for docs.</summary>
/// <param name="Method">The source method.</param>
/// <param name="Gradient">Value and ∂value/∂p for each parameter p (reverse mode).</param>
/// <param name="Tangent">Value and the directional derivative (forward mode), if asked for.</param>
/// <param name="Hessian">Gradient, then the n×n Hessian row-major, if asked for.</param>
/// <param name="LocalFormulas">"z = ..." for each source local the formulas refer to by name.</param>
/// <param name="ValueFormulas">The value as a formula (one per output of a tuple).</param>
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
    EquatableArray<string> ValueFormulas,
    EquatableArray<string> GradientFormulas,
    EquatableArray<string> ExpandedFormulas,
    string Graph,
    string? Failure)
{
    /// <summary>For a tuple result: the k×n Jacobian, row-major.</summary>
    public DerivativeGraphModel? Jacobian { get; init; }

    /// <summary>Whether the Jacobian was built by forward mode (inputs ≤ outputs) rather than reverse mode.</summary>
    public bool JacobianByForwardMode { get; init; }

    /// <summary>For a tuple result: Σᵢ uᵢ·∂valueᵢ/∂p for each parameter p, one reverse pass.</summary>
    public DerivativeGraphModel? Vjp { get; init; }

    /// <summary>Value, gradient and H·v (reverse mode over forward mode), if asked for: see <c>MethodDeriver.HessianVector</c>.</summary>
    public DerivativeGraphModel? HessianVector { get; init; }

    /// <summary>For a method writing output vectors: writes them, and uᵀJ into the inputs' buffers (one reverse pass).</summary>
    public DerivativeGraphModel? OutputVjp { get; init; }

    /// <summary>For a method writing output vectors: writes them, and J·t into the tangent outputs (one forward pass).</summary>
    public DerivativeGraphModel? OutputTangent { get; init; }

    /// <summary>The generated methods left out because their code would be too large (SD2010): <c>Hessian</c>, <c>Gradient</c>, ...</summary>
    public EquatableArray<string> TooLarge { get; init; }

    /// <summary>Set when a call has no derivative (its SD2002 is reported elsewhere): no code is generated.</summary>
    public bool Unresolved { get; init; }

    /// <summary>The value's formula, for a method returning one double.</summary>
    public string ValueFormula => ValueFormulas.Count > 0 ? ValueFormulas[0] : "";
}
