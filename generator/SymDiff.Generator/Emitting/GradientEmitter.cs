using System.Collections.Generic;
using System.Linq;
using SymDiff.Generator.Model;

namespace SymDiff.Generator.Emitting;

/// <summary>Writes <c>NameGradient(p1..pn, out dp1..dpn)</c>: the value and every partial derivative, by reverse mode.</summary>
internal static class GradientEmitter
{
    public static void Write(SourceWriter writer, DerivativesModel model)
    {
        if (model.Gradient is not { } graph)
        {
            return;
        }

        var method = model.Method;
        var outputs = OutputNames(method, graph);

        DocumentationWriter.Summary(writer, "Computes <see cref=\"" + DocumentationWriter.Cref(method) + "\"/> and all its partial derivatives in one reverse-mode pass.");
        var lines = new List<(string, string)> { (DocumentationWriter.Call(method), model.ValueFormula) };
        lines.AddRange(method.Parameters.Select((p, i) => ("∂" + method.Name + "/∂" + p, model.GradientFormulas[i])));
        DocumentationWriter.Formulas(writer, model.LocalFormulas, lines);
        DocumentationWriter.SourceParameters(writer, method);
        for (var i = 0; i < outputs.Count; i++)
        {
            DocumentationWriter.Parameter(writer, outputs[i], "Receives ∂" + method.Name + "/∂" + method.Parameters[i] + ".");
        }

        DocumentationWriter.Returns(writer, method);
        writer.Line(TypeEmitter.GeneratedCodeAttribute);
        var parameters = method.Parameters.Select(p => "double " + Identifier.Escape(p))
            .Concat(outputs.Select(d => "out double " + Identifier.Escape(d)));
        writer.Open(method.Accessibility + " static double " + method.Name + "Gradient(" + string.Join(", ", parameters) + ")");
        MethodBodyWriter.Write(writer, graph, outputs.Select(Identifier.Escape).ToList(), outputs);
        writer.Close();
    }

    /// <summary><c>dx</c> for parameter <c>x</c>; <c>__dx</c> where that would clash with a parameter or local.</summary>
    public static IReadOnlyList<string> OutputNames(MethodModel method, DerivativeGraphModel graph)
    {
        var taken = new HashSet<string>(method.Parameters);
        taken.UnionWith(graph.NameHints.Where(h => h.Length > 0));
        var names = new List<string>();
        foreach (var parameter in method.Parameters)
        {
            var name = "d" + parameter;
            if (taken.Contains(name))
            {
                name = "__d" + parameter;
            }

            taken.Add(name);
            names.Add(name);
        }

        return names;
    }
}
