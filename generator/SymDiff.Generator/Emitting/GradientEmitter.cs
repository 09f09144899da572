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
        var outputs = OutputNames(method, graph);
        var scalars = Enumerable.Range(0, method.Parameters.Count).Where(i => method.Kind(i) == ParameterKind.Scalar).ToList();

        DocumentationWriter.Summary(writer, "Computes <see cref=\"" + DocumentationWriter.Cref(method) + "\"/> and all its partial derivatives in one reverse-mode pass.");
        var lines = new List<(string, string)> { (DocumentationWriter.Call(method), model.ValueFormula) };
        lines.AddRange(scalars.Select((p, k) => ("∂" + method.Name + "/∂" + method.Parameters[p], model.GradientFormulas[k])));
        DocumentationWriter.Formulas(writer, model.LocalFormulas, lines);
        DocumentationWriter.SourceParameters(writer, method);

        for (var i = 0; i < outputs.Count; i++)
        {
            if (outputs[i] is { } output)
            {
                DocumentationWriter.Parameter(writer, output, method.Kind(i) == ParameterKind.Vector
                    ? "Receives ∂" + method.Name + "/∂" + method.Parameters[i] + "[i] at index i; it must have the length of <paramref name=\"" + method.Parameters[i] + "\"/> and is overwritten."
                    : "Receives ∂" + method.Name + "/∂" + method.Parameters[i] + ".");
            }
        }

        if (outputs.Where((_, i) => method.Kind(i) == ParameterKind.Vector).Any())
        {
            writer.Line("/// <exception cref=\"global::System.ArgumentException\">A gradient buffer's length differs from its vector's.</exception>");
        }

        DocumentationWriter.Returns(writer, method);
        writer.Line(TypeEmitter.GeneratedCodeAttribute);
        var parameters = method.Parameters.Select((p, i) => method.TypeOf(i) + " " + Identifier.Escape(p))
            .Concat(outputs.Select((d, i) => d is null ? null : (method.Kind(i) == ParameterKind.Vector ? "global::System.Span<double> " : "out " + method.Scalar + " ") + Identifier.Escape(d)).Where(d => d is not null));
        writer.Open(method.Declaration("Gradient", method.Scalar, parameters!));

        var buffers = new List<(string Vector, string Buffer)>();
        for (var i = 0; i < outputs.Count; i++)
        {
            if (method.Kind(i) == ParameterKind.Vector)
            {
                var buffer = Identifier.Escape(outputs[i]!);
                var vector = Identifier.Escape(method.Parameters[i]);
                buffers.Add((method.Parameters[i], buffer));
                LengthChecks.SameAs(writer, method.Name + "Gradient", buffer, vector);
            }
        }

        var scalarOutputs = scalars.Select(i => Identifier.Escape(outputs[i]!)).ToList();
        MethodBodyWriter.Write(writer, graph, scalarOutputs, outputs.Where(o => o is not null)!, buffers: buffers, spans: SpanVectors.Of(method, buffers));
        writer.Close();
    }

    /// <summary>
    /// Per parameter, the name of its gradient output (<c>dx</c>; <c>__dx</c> where that would clash with
    /// a parameter or local), or null for an <c>int</c>.
    /// </summary>
    public static IReadOnlyList<string?> OutputNames(MethodModel method, DerivativeGraphModel graph)
    {
        var scope = NamingScope.Of(method, graph);
        return Enumerable.Range(0, method.Parameters.Count)
            .Select(i => method.Kind(i) == ParameterKind.Integer ? null : scope.Fresh("d" + method.Parameters[i]))
            .ToList();
    }

    /// <summary>The output names of a method whose parameters are all doubles.</summary>
    public static IReadOnlyList<string> ScalarOutputNames(MethodModel method, DerivativeGraphModel graph)
        => OutputNames(method, graph).Select(n => n!).ToList();
}
