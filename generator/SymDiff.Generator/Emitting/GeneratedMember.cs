namespace SymDiff.Generator.Emitting;

/// <summary>One kind of member generated for a method: its name in remarks, and how it is written (if at all) from the method's derivatives.</summary>
internal sealed record GeneratedMember(string Name, Action<SourceWriter, DerivativesModel> Write, bool Overloadable = true)
{
    /// <summary>Every kind, in the order written.</summary>
    public static IReadOnlyList<GeneratedMember> All { get; } = new[]
    {
        FromGraph("Gradient", m => m.Gradient, GradientEmitter.Write),
        FromGraph("Pullback", m => m.Method.IsScalar ? m.Gradient : null, PullbackEmitter.Write),
        FromGraph("Tangent", m => m.Tangent, TangentEmitter.Write),
        FromGraph("Hessian", m => m.Hessian, HessianEmitter.Write),
        FromGraph("HessianVector", m => m.HessianVector, HessianVectorEmitter.Write),
        FromGraph("OutputTangent", m => m.OutputTangent, OutputTangentEmitter.Write),
        FromGraph("OutputVjp", m => m.OutputVjp, OutputVjpEmitter.Write),
        FromGraph("OutputJacobian", m => m.OutputVjp is null ? null : m.OutputTangent, OutputJacobianEmitter.Write),
        FromGraph("Jacobian", m => m.Jacobian, JacobianEmitter.Write),
        FromGraph("Vjp", m => m.Vjp, VjpEmitter.Write),
        new GeneratedMember("FormulaMembers", FormulaMembersEmitter.Write, Overloadable: false),
        new GeneratedMember("Adapter", AdapterEmitter.Write, Overloadable: false),
    };

    /// <summary>A member written from one derivative graph, when the method has it.</summary>
    private static GeneratedMember FromGraph(string name, Func<DerivativesModel, DerivativeGraphModel?> graph, Action<SourceWriter, DerivativesModel, DerivativeGraphModel> write)
        => new(name, (writer, model) =>
        {
            if (graph(model) is { } g)
            {
                write(writer, model, g);
            }
        });
}
