using SymDiff.Generator.Differentiation;

namespace SymDiff.Generator.Emitting;

/// <summary>
/// Writes <c>NameHessianVector(p1..pn, v1..vn, d1..dn, hv1..hvn)</c>: the value, the gradient and the
/// Hessian–vector product H·v, without forming H (reverse mode over forward mode: the gradient of
/// ∇F·v). Scalars get <c>out</c> results, vectors <c>Span</c> buffers of their length, overwritten.
/// </summary>
internal static class HessianVectorEmitter
{
    public static void Write(SourceWriter writer, DerivativesModel model, DerivativeGraphModel graph)
    {
        var method = model.Method;
        var signature = new MemberSignature(method, graph, "HessianVector");
        var directionParameters = signature.AddDirections(graph);
        var directions = directionParameters.Select(p => (p.Name, Parameter: p.Source)).ToList();
        var gradientParameters = directions.Select(d => signature.AddFresh(ParameterRole.Adjoint, "d" + method.Parameters[d.Parameter], d.Parameter)).ToList();
        var productParameters = directions.Select(d => signature.AddFresh(ParameterRole.Adjoint, "hv" + method.Parameters[d.Parameter], d.Parameter)).ToList();
        var gradients = gradientParameters.Select(p => p.Name).ToList();
        var products = productParameters.Select(p => p.Name).ToList();

        DocumentationWriter.Summary(writer, "Computes <see cref=\"" + DocumentationWriter.Cref(method) + "\"/>, its gradient, and the product of its Hessian with the direction (" + string.Join(", ", directions.Select(d => d.Name)) + "), without forming the Hessian.");
        var printer = new FormulaPrinter(graph, MethodDeriver.FormulaLocals(graph));
        var lines = new List<(string, string)> { (DocumentationWriter.Call(method), model.ValueFormula) };
        var scalars = directions.Select((d, k) => (d, k)).Where(p => method.Kind(p.d.Parameter) == ParameterKind.Scalar).ToList();
        lines.AddRange(scalars.Select((p, s) => ("(H·v)[" + method.Parameters[p.d.Parameter] + "]", printer.Print(graph.Outputs[s]))));
        DocumentationWriter.Formulas(writer, TangentEmitter.Definitions(graph, printer), lines);
        DocumentationWriter.SourceParameters(writer, method);
        TangentEmitter.WriteDirectionDocs(writer, method, directions, "The direction v's component along");
        for (var k = 0; k < directions.Count; k++)
        {
            var p = method.Parameters[directions[k].Parameter];
            DocumentationWriter.Parameter(writer, gradients[k], method.Kind(directions[k].Parameter) == ParameterKind.Vector
                ? "Receives ∂" + method.Name + "/∂" + p + "[i] at index i; it must have the length of <paramref name=\"" + p + "\"/> and is overwritten."
                : "Receives ∂" + method.Name + "/∂" + p + ".");
        }

        for (var k = 0; k < directions.Count; k++)
        {
            var p = method.Parameters[directions[k].Parameter];
            DocumentationWriter.Parameter(writer, products[k], method.Kind(directions[k].Parameter) == ParameterKind.Vector
                ? "Receives (H·v) at " + p + "[i], Σⱼ ∂²" + method.Name + "/∂" + p + "[i]∂qⱼ · vⱼ over every input qⱼ; it must have the length of <paramref name=\"" + p + "\"/> and is overwritten."
                : "Receives (H·v) at " + p + ", Σⱼ ∂²" + method.Name + "/∂" + p + "∂qⱼ · vⱼ over every input qⱼ.");
        }

        if (directions.Any(d => method.Kind(d.Parameter) == ParameterKind.Vector))
        {
            writer.Line("/// <exception cref=\"global::System.ArgumentException\">A direction or buffer's length differs from its vector's.</exception>");
        }

        DocumentationWriter.Returns(writer, method);
        writer.Line(TypeEmitter.GeneratedCodeAttribute);
        writer.Open(signature.Declaration(method.Scalar));
        signature.CheckLengths(writer, directionParameters);
        var buffers = new List<(string Vector, string Buffer)>();
        for (var k = 0; k < directions.Count; k++)
        {
            signature.CheckLengths(writer, new[] { gradientParameters[k], productParameters[k] });
            if (gradientParameters[k].IsVector)
            {
                // The adjoint of an element of x is (H·v) there; the adjoint of the same element of v is ∂F/∂x there.
                buffers.Add((method.Parameters[directions[k].Parameter], productParameters[k].Code));
                buffers.Add((directions[k].Name, gradientParameters[k].Code));
            }
        }

        var targets = scalars.Select(p => Identifier.Escape(products[p.k])).Concat(scalars.Select(p => Identifier.Escape(gradients[p.k]))).ToList();
        MethodBodyWriter.Write(writer, graph, targets, gradients.Concat(products), buffers: buffers, spans: SpanVectors.Of(method, buffers, directions));
        writer.Close();
    }
}
