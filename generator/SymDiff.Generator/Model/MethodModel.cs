namespace SymDiff.Generator.Model;

/// <summary>What Parse hands on: a <c>[Differentiable]</c> method's signature and body.</summary>
/// <param name="Type">Where the generated members go.</param>
/// <param name="Name">The method name.</param>
/// <param name="Accessibility">"public", "internal", ... as declared.</param>
/// <param name="Parameters">Parameter names, in order; all are <c>double</c>.</param>
/// <param name="Body">The body; an expression body is one return statement.</param>
/// <param name="Modes">Which derivative methods to generate; the gradient always.</param>
/// <param name="Result">What it returns; null means one double.</param>
/// <param name="ParameterTypes">Each parameter's C# type (<c>double</c>, <c>int</c>, or a vector's type); empty means all are doubles.</param>
internal sealed record MethodModel(
    ContainingTypeModel Type,
    string Name,
    string Accessibility,
    EquatableArray<string> Parameters,
    EquatableArray<StatementModel> Body,
    DerivativeModes Modes = DerivativeModes.Gradient,
    ResultModel? Result = null,
    EquatableArray<string> ParameterTypes = default)
{
    /// <summary>The kind of parameter <paramref name="index"/>.</summary>
    public ParameterKind Kind(int index) => ParameterTypes.Count == 0 ? ParameterKind.Scalar : KindOf(ParameterTypes[index]);

    /// <summary>The C# type of parameter <paramref name="index"/>.</summary>
    public string TypeOf(int index) => ParameterTypes.Count == 0 ? "double" : ParameterTypes[index];

    /// <summary>Whether every parameter is a double (no vectors, no ints).</summary>
    public bool IsScalar => System.Linq.Enumerable.All(System.Linq.Enumerable.Range(0, Parameters.Count), i => Kind(i) == ParameterKind.Scalar);

    public static ParameterKind KindOf(string type) => type switch
    {
        "double" => ParameterKind.Scalar,
        "int" => ParameterKind.Integer,
        _ => ParameterKind.Vector,
    };

    /// <summary>What the method returns.</summary>
    public ResultModel Output => Result ?? ResultModel.Scalar(Name);
}
