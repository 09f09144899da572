using System.Linq;
using SymDiff.Generator.Differentiation;
using SymDiff.Generator.Model;

namespace SymDiff.Generator.Emitting;

/// <summary>
/// Writes <c>NameTangent(p1..pn, t1..tn, out tangent)</c>: the value and the directional derivative
/// ∇F·t in one forward-mode pass (no gradient vector is formed).
/// </summary>
internal static class TangentEmitter
{
    /// <summary>"z = ..." for the source locals a formula refers to by name.</summary>
    public static System.Collections.Generic.IEnumerable<string> Definitions(DerivativeGraphModel graph, FormulaPrinter printer)
        => MethodDeriver.FormulaLocals(graph).Select(pair => pair.Value + " = " + printer.Print(pair.Key)).ToList();

    public static void Write(SourceWriter writer, DerivativesModel model)
    {
        if (model.Tangent is not { } graph)
        {
            return;
        }

        var method = model.Method;
        var tangents = graph.Parameters.Skip(method.Parameters.Count).ToList();
        var output = graph.Parameters.Contains("tangent") || graph.NameHints.Contains("tangent") ? "__tangent" : "tangent";
        var printer = new FormulaPrinter(graph.Nodes, graph.Parameters, MethodDeriver.FormulaLocals(graph), graph.Callees);

        DocumentationWriter.Summary(writer, "Computes <see cref=\"" + DocumentationWriter.Cref(method) + "\"/> and its directional derivative along (" + string.Join(", ", tangents) + ") in one forward-mode pass.");
        DocumentationWriter.Formulas(writer, Definitions(graph, printer), new[] { ("tangent", printer.Print(graph.Outputs[0])) });
        DocumentationWriter.SourceParameters(writer, method);
        for (var i = 0; i < tangents.Count; i++)
        {
            DocumentationWriter.Parameter(writer, tangents[i], "The direction's component along <c>" + method.Parameters[i] + "</c>.");
        }

        DocumentationWriter.Parameter(writer, output, "Receives Σ ∂" + method.Name + "/∂pᵢ · tᵢ.");
        DocumentationWriter.Returns(writer, method);
        writer.Line(TypeEmitter.GeneratedCodeAttribute);
        var scalar = method.Scalar;
        var parameters = graph.Parameters.Select(p => scalar + " " + Identifier.Escape(p)).Append("out " + scalar + " " + output);
        writer.Open(method.Declaration("Tangent", scalar, parameters));
        MethodBodyWriter.Write(writer, graph, new[] { output }, new[] { output });
        writer.Close();
    }
}
