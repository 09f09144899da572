namespace SymDiff.Generator.Emitting;

/// <summary>Writes the XML documentation of generated members: what they compute and the formulas.</summary>
internal static class DocumentationWriter
{
    /// <summary><c>F(double, double)</c>: how a doc comment refers to the source method.</summary>
    public static string Cref(MethodModel method)
        => method.Name + method.TypeParameterClause.Replace('<', '{').Replace('>', '}')
            + "(" + string.Join(", ", method.Parameters.Select((_, i) => CrefType(method.TypeOf(i)))) + ")";

    private static string CrefType(string type) => type
        .Replace("global::", "")
        .Replace("<double>", "{double}");

    /// <summary><c>F(x, y)</c>.</summary>
    public static string Call(MethodModel method)
        => method.Name + "(" + string.Join(", ", method.Parameters) + ")";

    public static void Summary(SourceWriter writer, string text)
    {
        writer.Line("/// <summary>");
        writer.Line("/// " + text);
        writer.Line("/// </summary>");
    }

    /// <summary>A <c>&lt;code&gt;</c> block of aligned <c>label = formula</c> lines.</summary>
    public static void Formulas(SourceWriter writer, IEnumerable<string> definitions, IReadOnlyList<(string Label, string Formula)> lines)
    {
        writer.Line("/// <remarks>");
        writer.Line("/// <code>");
        foreach (var definition in definitions)
        {
            writer.Line("/// " + Xml(definition));
        }

        var width = lines.Max(l => l.Label.Length);
        foreach (var (label, formula) in lines)
        {
            writer.Line("/// " + Xml(label.PadRight(width) + " = " + formula));
        }

        writer.Line("/// </code>");
        writer.Line("/// </remarks>");
    }

    public static void SourceParameters(SourceWriter writer, MethodModel method)
    {
        foreach (var parameter in method.Parameters)
        {
            writer.Line("/// <param name=\"" + parameter + "\">The argument <c>" + parameter + "</c> of <see cref=\"" + Cref(method) + "\"/>.</param>");
        }
    }

    public static void Parameter(SourceWriter writer, string name, string text)
        => writer.Line("/// <param name=\"" + name + "\">" + text + "</param>");

    public static void Returns(SourceWriter writer, MethodModel method)
        => writer.Line("/// <returns>The value <c>" + Call(method) + "</c>.</returns>");

    public static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
