namespace SymDiff.Generator.Emitting;

/// <summary>
/// Writes <c>NamePullback(p1..pn, seed, ref dp1..dpn)</c>: the value, and seed·∂value/∂pᵢ added into each
/// <c>dpᵢ</c> — the chain rule's backward step for code that composes differentiable pieces by hand.
/// </summary>
internal static class PullbackEmitter
{
    public static void Write(SourceWriter writer, DerivativesModel model, DerivativeGraphModel graph)
    {
        var method = model.Method;
        var signature = new MemberSignature(method, graph, "Pullback");
        var outputs = method.Parameters.Select(p => signature.Names.Fresh("d" + p)).ToList();
        var seed = signature.AddFresh(ParameterRole.Seed, "seed").Name;
        var adjoints = outputs.Select((d, i) => signature.Add(ParameterRole.Adjoint, d, i, "ref " + method.Scalar)).ToList();

        DocumentationWriter.Summary(writer, "Computes <see cref=\"" + DocumentationWriter.Cref(method) + "\"/> and adds <paramref name=\"" + seed + "\"/> times each partial derivative into the matching <c>ref</c> accumulator.");
        DocumentationWriter.SourceParameters(writer, method);
        DocumentationWriter.Parameter(writer, seed, "The adjoint of the result: ∂L/∂" + method.Name + " for whatever L the caller differentiates.");
        for (var i = 0; i < outputs.Count; i++)
        {
            DocumentationWriter.Parameter(writer, outputs[i], "Accumulates " + seed + "·∂" + method.Name + "/∂" + method.Parameters[i] + ".");
        }

        DocumentationWriter.Returns(writer, method);
        writer.Line(TypeEmitter.GeneratedCodeAttribute);
        writer.Open(signature.Declaration(method.Scalar));
        MethodBodyWriter.Write(writer, graph, adjoints.Select(a => a.Code).ToList(), outputs.Append(seed), seed);
        writer.Close();
    }
}
