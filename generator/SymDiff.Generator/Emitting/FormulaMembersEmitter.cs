using System.Text;

namespace SymDiff.Generator.Emitting;

/// <summary>
/// Writes <c>NameDerivatives</c> (each partial derivative's formula, for programs that print them) and
/// <c>NameGraph</c> (the expression DAG as a Mermaid flowchart, for docs and notebooks).
/// </summary>
internal static class FormulaMembersEmitter
{
    public static void Write(SourceWriter writer, DerivativesModel model)
    {
        var method = model.Method;
        var cref = DocumentationWriter.Cref(method);
        var access = method.Accessibility;
        if (!method.Output.IsTuple && method.IsScalar)
        {
            WriteDerivatives(writer, model, cref, access);
        }

        if (model.Graph.Length > 0)
        {
            WriteGraph(writer, model, cref, access);
        }
    }

    private static void WriteDerivatives(SourceWriter writer, DerivativesModel model, string cref, string access)
    {
        var method = model.Method;
        DocumentationWriter.Summary(writer, "The partial derivatives of <see cref=\"" + cref + "\"/> as simplified formulas, in parameter order.");
        writer.Line(TypeEmitter.GeneratedCodeAttribute);
        writer.Line(access + " static global::System.Collections.Generic.IReadOnlyList<(string Parameter, string Formula)> " + method.Name + "Derivatives { get; } = new (string, string)[]");
        writer.Line("{");
        for (var i = 0; i < method.Parameters.Count; i++)
        {
            writer.Line("    (" + Quote(method.Parameters[i]) + ", " + Quote(model.ExpandedFormulas[i]) + "),");
        }

        writer.Line("};");
        writer.Line();
    }

    private static void WriteGraph(SourceWriter writer, DerivativesModel model, string cref, string access)
    {
        var method = model.Method;
        DocumentationWriter.Summary(writer, "The expression graph of <see cref=\"" + cref + "\"/> as a Mermaid flowchart: inputs, each shared intermediate once, the output.");
        writer.Line("/// <remarks>");
        writer.Line("/// <code>");
        foreach (var line in model.Graph.TrimEnd('\n').Split('\n'))
        {
            writer.Line("/// " + DocumentationWriter.Xml(line));
        }

        writer.Line("/// </code>");
        writer.Line("/// </remarks>");
        writer.Line(TypeEmitter.GeneratedCodeAttribute);
        writer.Line(access + " const string " + method.Name + "Graph = " + Quote(model.Graph) + ";");
    }

    /// <summary>A C# string literal.</summary>
    private static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }
}
