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
        var outputs = GradientEmitter.ScalarOutputNames(method, graph);

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
        var parameters = graph.Parameters.Select(p => "double " + Identifier.Escape(p)).Concat(outputs.Select(d => "out double " + Identifier.Escape(d)));
        writer.Open(method.Accessibility + " static " + method.Output.TypeText + " " + method.Name + "Vjp(" + string.Join(", ", parameters) + ")");
        MethodBodyWriter.Write(writer, graph, outputs.Select(Identifier.Escape).ToList(), outputs);
        writer.Close();
    }
}
