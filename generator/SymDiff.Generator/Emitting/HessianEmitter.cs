using SymDiff.Generator.Differentiation;

namespace SymDiff.Generator.Emitting;

/// <summary>
/// Writes <c>NameHessian(p1..pn, gradient, hessian)</c>: the value, the gradient, and the exact
/// symmetric n×n Hessian (row-major), from the gradient DAG differentiated again, CSE across all entries.
/// </summary>
internal static class HessianEmitter
{
    public static void Write(SourceWriter writer, DerivativesModel model, DerivativeGraphModel graph)
    {
        var method = model.Method;
        var n = method.Parameters.Count;
        var signature = new MemberSignature(method, graph, "Hessian");
        var gradient = signature.AddFresh(ParameterRole.Buffer, "gradient").Name;
        var hessian = signature.AddFresh(ParameterRole.Buffer, "hessian").Name;

        DocumentationWriter.Summary(writer, "Computes <see cref=\"" + DocumentationWriter.Cref(method) + "\"/>, its gradient and its Hessian (second partial derivatives, row-major, exactly symmetric).");
        var printer = new FormulaPrinter(graph, MethodDeriver.FormulaLocals(graph));
        DocumentationWriter.Formulas(writer, TangentEmitter.Definitions(graph, printer), HessianFormulas(graph, method, printer));
        DocumentationWriter.SourceParameters(writer, method);
        DocumentationWriter.Parameter(writer, gradient, "Receives ∂" + method.Name + "/∂pᵢ at index i; length " + n + ".");
        DocumentationWriter.Parameter(writer, hessian, "Receives ∂²" + method.Name + "/∂pᵢ∂pⱼ at index i·" + n + " + j; length " + n * n + ".");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">A span has the wrong length.</exception>");
        DocumentationWriter.Returns(writer, method);
        writer.Line(TypeEmitter.GeneratedCodeAttribute);
        writer.Open(signature.Declaration(method.Scalar));
        LengthChecks.Exactly(writer, signature.Member, gradient, n);
        LengthChecks.Exactly(writer, signature.Member, hessian, n * n);

        var targets = Enumerable.Range(0, n).Select(i => gradient + "[" + i + "]")
            .Concat(Enumerable.Range(0, n * n).Select(k => hessian + "[" + k + "]"))
            .ToList();
        MethodBodyWriter.Write(writer, graph, targets, new[] { gradient, hessian });
        writer.Close();
    }

    private static List<(string Label, string Formula)> HessianFormulas(DerivativeGraphModel graph, MethodModel method, FormulaPrinter printer)
    {
        var n = method.Parameters.Count;
        var lines = new List<(string, string)>();
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                var label = i == j
                    ? "∂²" + method.Name + "/∂" + method.Parameters[i] + "²"
                    : "∂²" + method.Name + "/∂" + method.Parameters[i] + "∂" + method.Parameters[j];
                lines.Add((label, printer.Print(graph.Outputs[n + i * n + j])));
            }
        }

        return lines;
    }
}
