namespace SymDiff.Generator.Emitting;

/// <summary>
/// Writes <c>NameVjp(p1..pn, u1..uk, d1..dn)</c> for a method writing output vectors: it writes the outputs
/// as the method does, and uᵀJ (Σᵢ u[i]·∂y[i]/∂p) into each input's buffer, in one reverse pass.
/// </summary>
internal static class OutputVjpEmitter
{
    public static void Write(SourceWriter writer, DerivativesModel model, DerivativeGraphModel graph)
    {
        var method = model.Method;
        var n = method.Parameters.Count;
        var inputs = method.Inputs;
        var outputs = OutputNames.Outputs(method);
        var weights = graph.Parameters.Skip(n).ToList();
        var adjoints = NamingScope.Of(method, graph).Fresh(method, inputs, "d");

        DocumentationWriter.Summary(writer, "Computes <see cref=\"" + DocumentationWriter.Cref(method) + "\"/> (writing its outputs) and the vector–Jacobian product uᵀJ in one reverse-mode pass.");
        DocumentationWriter.SourceParameters(writer, method);
        for (var k = 0; k < outputs.Count; k++)
        {
            var y = method.Parameters[outputs[k]];
            DocumentationWriter.Parameter(writer, weights[k], "The weight u of each element of <paramref name=\"" + y + "\"/>; it must have its length.");
        }

        for (var k = 0; k < inputs.Count; k++)
        {
            var p = method.Parameters[inputs[k]];
            DocumentationWriter.Parameter(writer, adjoints[k], method.Kind(inputs[k]) == ParameterKind.Vector
                ? "Receives Σᵢ u[i]·∂y[i]/∂" + p + "[j] at index j; it must have the length of <paramref name=\"" + p + "\"/> and is overwritten."
                : "Receives Σᵢ u[i]·∂y[i]/∂" + p + ".");
        }

        writer.Line("/// <exception cref=\"global::System.ArgumentException\">A weight vector or buffer's length differs from its vector's.</exception>");
        writer.Line(TypeEmitter.GeneratedCodeAttribute);
        var parameters = method.Parameters.Select((p, i) => method.TypeOf(i) + " " + Identifier.Escape(p))
            .Concat(weights.Select(u => "global::System.ReadOnlySpan<double> " + Identifier.Escape(u)))
            .Concat(inputs.Select((p, k) => (method.Kind(p) == ParameterKind.Vector ? "global::System.Span<double> " : "out double ") + Identifier.Escape(adjoints[k])));
        writer.Open(method.Declaration("Vjp", "void", parameters));
        for (var k = 0; k < outputs.Count; k++)
        {
            LengthChecks.SameAs(writer, method.Name + "Vjp", Identifier.Escape(weights[k]), Identifier.Escape(method.Parameters[outputs[k]]));
        }

        var buffers = new List<(string Vector, string Buffer)>();
        for (var k = 0; k < inputs.Count; k++)
        {
            if (method.Kind(inputs[k]) == ParameterKind.Vector)
            {
                var buffer = Identifier.Escape(adjoints[k]);
                LengthChecks.SameAs(writer, method.Name + "Vjp", buffer, Identifier.Escape(method.Parameters[inputs[k]]));
                buffers.Add((method.Parameters[inputs[k]], buffer));
            }
        }

        var scalarTargets = inputs.Select((p, k) => (p, k)).Where(x => method.Kind(x.p) == ParameterKind.Scalar).Select(x => Identifier.Escape(adjoints[x.k])).ToList();
        MethodBodyWriter.Write(writer, graph, scalarTargets, adjoints, buffers: buffers, spans: SpanVectors.Of(method, buffers));
        writer.Close();
    }
}
