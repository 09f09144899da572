namespace SymDiff.Generator.Emitting;

/// <summary>
/// Writes <c>NameVjp(p1..pn, u1..uk, out dp1..dpn)</c> for a method returning a tuple: the value and
/// uᵀJ, the vector–Jacobian product, in one reverse pass — what a caller composing it needs.
/// </summary>
internal static class VjpEmitter
{
    public static void Write(SourceWriter writer, DerivativesModel model, DerivativeGraphModel graph)
    {
        var method = model.Method;
        var n = method.Parameters.Count;
        var cotangents = graph.Parameters.Skip(n).ToList();
        var signature = new MemberSignature(method, graph, "Vjp");
        foreach (var cotangent in cotangents)
        {
            signature.Add(ParameterRole.Cotangent, cotangent);
        }

        var adjoints = Enumerable.Range(0, n).Select(i => signature.AddFresh(ParameterRole.Adjoint, "d" + method.Parameters[i], i)).ToList();
        var outputs = adjoints.Select(a => a.Name).ToList();

        DocumentationWriter.Summary(writer, "Computes <see cref=\"" + DocumentationWriter.Cref(method) + "\"/> and the vector–Jacobian product uᵀJ in one reverse-mode pass.");
        DocumentationWriter.SourceParameters(writer, method);
        for (var i = 0; i < cotangents.Count; i++)
        {
            DocumentationWriter.Parameter(writer, cotangents[i], "The weight of output <c>" + method.Output.Names[i] + "</c>.");
        }

        for (var j = 0; j < n; j++)
        {
            DocumentationWriter.Parameter(writer, outputs[j], "Receives Σᵢ uᵢ·∂outputᵢ/∂" + method.Parameters[j] + ".");
        }

        DocumentationWriter.Returns(writer, method);
        writer.Line(TypeEmitter.GeneratedCodeAttribute);
        writer.Open(signature.Declaration(method.Output.TypeText));
        MethodBodyWriter.Write(writer, graph, adjoints.Select(a => a.Code).ToList(), outputs);
        writer.Close();
    }
}
