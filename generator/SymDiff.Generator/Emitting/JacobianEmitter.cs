namespace SymDiff.Generator.Emitting;

/// <summary>
/// Writes <c>NameJacobian(p1..pn, Span&lt;double&gt; jacobian)</c> for a method returning a tuple: the
/// value and the k×n Jacobian, row-major (rows = outputs), built in the cheaper mode for its shape.
/// </summary>
internal static class JacobianEmitter
{
    public static void Write(SourceWriter writer, DerivativesModel model, DerivativeGraphModel graph)
    {
        var method = model.Method;
        var n = method.Parameters.Count;
        var outputs = method.Output.Names;
        var k = outputs.Count;
        var signature = new MemberSignature(method, graph, "Jacobian");
        var span = signature.AddFresh(ParameterRole.Buffer, "jacobian").Name;
        var order = model.JacobianByForwardMode
            ? "forward mode, one pass per input, since it has no more inputs (" + n + ") than outputs (" + k + ")"
            : "reverse mode, one pass per output, since it has fewer outputs (" + k + ") than inputs (" + n + ")";

        DocumentationWriter.Summary(writer, "Computes <see cref=\"" + DocumentationWriter.Cref(method) + "\"/> and its " + k + "×" + n + " Jacobian by " + order + ".");
        var lines = new List<(string, string)>();
        for (var i = 0; i < k; i++)
        {
            lines.Add((outputs[i], model.ValueFormulas[i]));
        }

        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < n; j++)
            {
                lines.Add(("∂" + outputs[i] + "/∂" + method.Parameters[j], model.GradientFormulas[i * n + j]));
            }
        }

        DocumentationWriter.Formulas(writer, model.LocalFormulas, lines);
        DocumentationWriter.SourceParameters(writer, method);
        DocumentationWriter.Parameter(writer, span, "Receives ∂outputᵢ/∂pⱼ at index i·" + n + " + j; length " + k * n + ".");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\"><paramref name=\"" + span + "\"/> has the wrong length.</exception>");
        DocumentationWriter.Returns(writer, method);
        writer.Line(TypeEmitter.GeneratedCodeAttribute);
        writer.Open(signature.Declaration(method.Output.TypeText));
        LengthChecks.Exactly(writer, signature.Member, span, k * n);
        MethodBodyWriter.Write(writer, graph, Enumerable.Range(0, k * n).Select(i => span + "[" + i + "]").ToList(), new[] { span });
        writer.Close();
    }
}
