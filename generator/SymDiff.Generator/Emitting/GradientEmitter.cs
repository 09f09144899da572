namespace SymDiff.Generator.Emitting;

/// <summary>
/// Writes <c>NameGradient</c>: the value and every partial derivative, by reverse mode. A double
/// parameter <c>x</c> gets <c>out double dx</c>; a vector <c>x</c> gets a <c>Span&lt;double&gt; dx</c> buffer in
/// the same position, overwritten; an <c>int</c> gets nothing.
/// </summary>
internal static class GradientEmitter
{
    public static void Write(SourceWriter writer, DerivativesModel model, DerivativeGraphModel graph)
    {
        var method = model.Method;
        var signature = new MemberSignature(method, graph, "Gradient");
        var adjoints = Enumerable.Range(0, method.Parameters.Count)
            .Where(i => method.Kind(i) != ParameterKind.Integer)
            .Select(i => signature.AddFresh(ParameterRole.Adjoint, "d" + method.Parameters[i], i))
            .ToList();
        var scalars = adjoints.Where(a => !a.IsVector).ToList();

        DocumentationWriter.Summary(writer, "Computes <see cref=\"" + DocumentationWriter.Cref(method) + "\"/> and all its partial derivatives in one reverse-mode pass.");
        var lines = new List<(string, string)> { (DocumentationWriter.Call(method), model.ValueFormula) };
        lines.AddRange(scalars.Select((a, k) => ("∂" + method.Name + "/∂" + method.Parameters[a.Source], model.GradientFormulas[k])));
        DocumentationWriter.Formulas(writer, model.LocalFormulas, lines);
        DocumentationWriter.SourceParameters(writer, method);
        foreach (var adjoint in adjoints)
        {
            var p = method.Parameters[adjoint.Source];
            DocumentationWriter.Parameter(writer, adjoint.Name, adjoint.IsVector
                ? "Receives ∂" + method.Name + "/∂" + p + "[i] at index i; it must have the length of <paramref name=\"" + p + "\"/> and is overwritten."
                : "Receives ∂" + method.Name + "/∂" + p + ".");
        }

        if (adjoints.Any(a => a.IsVector))
        {
            writer.Line("/// <exception cref=\"global::System.ArgumentException\">A gradient buffer's length differs from its vector's.</exception>");
        }

        DocumentationWriter.Returns(writer, method);
        writer.Line(TypeEmitter.GeneratedCodeAttribute);
        writer.Open(signature.Declaration(method.Scalar));
        signature.CheckLengths(writer, adjoints);
        var buffers = signature.Buffers(adjoints);
        MethodBodyWriter.Write(writer, graph, scalars.Select(a => a.Code).ToList(), adjoints.Select(a => a.Name), buffers: buffers, spans: SpanVectors.Of(method, buffers));
        writer.Close();
    }
}
