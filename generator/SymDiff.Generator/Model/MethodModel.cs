namespace SymDiff.Generator.Model;

/// <summary>What Parse hands on: a <c>[Differentiable]</c> method's signature and body.</summary>
/// <param name="Type">Where the generated members go.</param>
/// <param name="Name">The method name.</param>
/// <param name="Accessibility">"public", "internal", ... as declared.</param>
/// <param name="Parameters">Parameter names, in order; all are <c>double</c>.</param>
/// <param name="Body">The body; an expression body is one return statement.</param>
/// <param name="Modes">Which derivative methods to generate; the gradient always.</param>
/// <param name="Result">What it returns; null means one double.</param>
/// <param name="Scalar">The real type: <c>double</c>, <c>float</c>, or a type parameter <c>T : IFloatingPointIeee754&lt;T&gt;</c>.</param>
/// <param name="TypeParameterClause"><c>&lt;T&gt;</c> for a generic method, else empty.</param>
/// <param name="Constraints"><c> where T : ...</c> for a generic method, else empty.</param>
/// <param name="Key">The method's display string, naming it in the call graph.</param>
/// <param name="Outputs">The vector parameters the body writes into; then the method returns <c>void</c>.</param>
/// <param name="ParameterTypes">Each parameter's C# type (<c>double</c>, <c>int</c>, or a vector's type); empty means all are doubles.</param>
internal sealed record MethodModel(
    ContainingTypeModel Type,
    string Name,
    string Accessibility,
    EquatableArray<string> Parameters,
    EquatableArray<StatementModel> Body,
    DerivativeModes Modes = DerivativeModes.Gradient,
    ResultModel? Result = null,
    EquatableArray<string> ParameterTypes = default,
    string Scalar = "double",
    string TypeParameterClause = "",
    string Constraints = "",
    string Key = "",
    EquatableArray<string> Outputs = default)
{
    /// <summary><c>[access] static R NameSuffix&lt;T&gt;(parameters) where T : ...</c>: a generated method's declaration.</summary>
    public string Declaration(string suffix, string returnType, System.Collections.Generic.IEnumerable<string> parameters)
        => Accessibility + " static " + returnType + " " + Name + suffix + TypeParameterClause + "(" + string.Join(", ", parameters) + ")" + Constraints;

    /// <summary>The kind of parameter <paramref name="index"/>.</summary>
    public ParameterKind Kind(int index)
        => ParameterTypes.Count == 0 ? ParameterKind.Scalar : System.Linq.Enumerable.Contains(Outputs, Parameters[index]) ? ParameterKind.Output : KindOf(ParameterTypes[index]);

    /// <summary>The C# type of parameter <paramref name="index"/>.</summary>
    public string TypeOf(int index) => ParameterTypes.Count == 0 ? Scalar : ParameterTypes[index];

    /// <summary>The differentiable inputs by parameter index: doubles and the vectors the method reads (not ints, not outputs).</summary>
    public System.Collections.Generic.IReadOnlyList<int> Inputs
        => System.Linq.Enumerable.ToList(System.Linq.Enumerable.Where(System.Linq.Enumerable.Range(0, Parameters.Count), i => Kind(i) is ParameterKind.Scalar or ParameterKind.Vector));

    /// <summary>Whether every parameter is a double (no vectors, no ints).</summary>
    public bool IsScalar => System.Linq.Enumerable.All(System.Linq.Enumerable.Range(0, Parameters.Count), i => Kind(i) == ParameterKind.Scalar);

    private ParameterKind KindOf(string type)
        => type == Scalar ? ParameterKind.Scalar : type == "int" ? ParameterKind.Integer : ParameterKind.Vector;

    /// <summary>
    /// The runtime adapter the generator writes for the method: <c>Function</c> (an <c>IScalarFunction</c>, for
    /// activations) for a method of one double, <c>Loss</c> (an <c>ILossFunction</c>) for a method of two doubles named
    /// <c>prediction</c> and <c>target</c>; null for any other, and for generic or <c>float</c> methods.
    /// </summary>
    public string? AdapterSuffix
        => Scalar != "double" || TypeParameterClause.Length > 0 || Result is not null || !IsScalar ? null
            : Parameters.Count == 1 ? "Function"
            : Parameters.Count == 2 && Parameters[0] == "prediction" && Parameters[1] == "target" ? "Loss"
            : null;

    /// <summary>Whether the containing type already has a member named as the adapter (<see cref="AdapterSuffix"/>): none is written then.</summary>
    public bool HasOwnAdapter { get; init; }

    /// <summary>What the method returns.</summary>
    public ResultModel Output => Result ?? ResultModel.Scalar(Name, Scalar);
}
