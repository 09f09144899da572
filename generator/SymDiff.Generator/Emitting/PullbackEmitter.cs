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
        var outputs = GradientEmitter.ScalarOutputNames(method, graph);
        var seed = new NamingScope(method.Parameters.Concat(outputs).Concat(graph.NameHints.Where(h => h.Length > 0))).Fresh("seed");

        DocumentationWriter.Summary(writer, "Computes <see cref=\"" + DocumentationWriter.Cref(method) + "\"/> and adds <paramref name=\"" + seed + "\"/> times each partial derivative into the matching <c>ref</c> accumulator.");
        DocumentationWriter.SourceParameters(writer, method);
        DocumentationWriter.Parameter(writer, seed, "The adjoint of the result: ∂L/∂" + method.Name + " for whatever L the caller differentiates.");
        for (var i = 0; i < outputs.Count; i++)
        {
            DocumentationWriter.Parameter(writer, outputs[i], "Accumulates " + seed + "·∂" + method.Name + "/∂" + method.Parameters[i] + ".");
        }

        DocumentationWriter.Returns(writer, method);
        writer.Line(TypeEmitter.GeneratedCodeAttribute);
        var scalar = method.Scalar;
        var parameters = method.Parameters.Select(p => scalar + " " + Identifier.Escape(p))
            .Append(scalar + " " + seed)
            .Concat(outputs.Select(d => "ref " + scalar + " " + Identifier.Escape(d)));
        writer.Open(method.Declaration("Pullback", scalar, parameters));
        MethodBodyWriter.Write(writer, graph, outputs.Select(Identifier.Escape).ToList(), outputs.Append(seed), seed);
        writer.Close();
    }
}
