namespace SymDiff.Generator.Emitting;

/// <summary>
/// Writes <c>NameTangent(p1..pn, t1..tn, ty1..tyk)</c> for a method writing output vectors: it writes the
/// outputs as the method does and, beside each write y[i] = e, the Jacobian–vector product ty[i] = ė, in one
/// forward-mode pass.
/// </summary>
internal static class OutputTangentEmitter
{
    public static void Write(SourceWriter writer, DerivativesModel model, DerivativeGraphModel graph)
    {
        var method = model.Method;
        var signature = new MemberSignature(method, graph, "Tangent");
        var directionParameters = signature.AddDirections(graph);
        var directions = directionParameters.Select(p => (p.Name, Parameter: p.Source)).ToList();
        var outputs = OutputNames.Outputs(method);
        var tangents = graph.Parameters.Skip(method.Parameters.Count + directions.Count).ToList();
        var tangentParameters = outputs.Select((y, k) => signature.Add(ParameterRole.Buffer, tangents[k], y)).ToList();

        DocumentationWriter.Summary(writer, "Computes <see cref=\"" + DocumentationWriter.Cref(method) + "\"/> (writing its outputs) and the Jacobian–vector product along (" + string.Join(", ", directions.Select(d => d.Name)) + ") in one forward-mode pass.");
        DocumentationWriter.SourceParameters(writer, method);
        TangentEmitter.WriteDirectionDocs(writer, method, directions, "The direction's component along");
        for (var k = 0; k < outputs.Count; k++)
        {
            var y = method.Parameters[outputs[k]];
            DocumentationWriter.Parameter(writer, tangents[k], "Receives the directional derivative of <c>" + y + "[i]</c> at index i; it must have the length of <paramref name=\"" + y + "\"/>.");
        }

        writer.Line("/// <exception cref=\"global::System.ArgumentException\">A direction or tangent's length differs from its vector's.</exception>");
        writer.Line(TypeEmitter.GeneratedCodeAttribute);
        writer.Open(signature.Declaration("void"));
        signature.CheckLengths(writer, directionParameters.Concat(tangentParameters));
        MethodBodyWriter.Write(writer, graph, System.Array.Empty<string>(), tangents, spans: SpanVectors.Of(method, directions: directions));
        writer.Close();
    }
}
