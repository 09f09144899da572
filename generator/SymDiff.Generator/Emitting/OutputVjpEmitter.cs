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
        var signature = new MemberSignature(method, graph, "Vjp");
        var weightParameters = outputs.Select((y, k) => signature.Add(ParameterRole.Cotangent, weights[k], y)).ToList();
        var adjointParameters = inputs.Select(i => signature.AddFresh(ParameterRole.Adjoint, "d" + method.Parameters[i], i)).ToList();
        var adjoints = adjointParameters.Select(p => p.Name).ToList();

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
        writer.Open(signature.Declaration("void"));
        signature.CheckLengths(writer, weightParameters.Concat(adjointParameters));
        var buffers = signature.Buffers(adjointParameters);
        var scalarTargets = inputs.Select((p, k) => (p, k)).Where(x => method.Kind(x.p) == ParameterKind.Scalar).Select(x => Identifier.Escape(adjoints[x.k])).ToList();
        MethodBodyWriter.Write(writer, graph, scalarTargets, adjoints, buffers: buffers, spans: SpanVectors.Of(method, buffers));
        writer.Close();
    }
}
