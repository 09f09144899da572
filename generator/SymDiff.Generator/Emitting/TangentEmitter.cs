using SymDiff.Generator.Differentiation;

namespace SymDiff.Generator.Emitting;

/// <summary>
/// Writes <c>NameTangent(p1..pn, t1..tn, out tangent)</c>: the value and the directional derivative
/// ∇F·t in one forward-mode pass (no gradient vector is formed). A vector's direction is a vector of
/// the same length; an <c>int</c> has none.
/// </summary>
internal static class TangentEmitter
{
    /// <summary>"z = ..." for the source locals a formula refers to by name.</summary>
    public static IEnumerable<string> Definitions(DerivativeGraphModel graph, FormulaPrinter printer)
        => MethodDeriver.FormulaLocals(graph).Select(pair => pair.Value + " = " + printer.Print(pair.Key)).ToList();

    public static void Write(SourceWriter writer, DerivativesModel model, DerivativeGraphModel graph)
    {
        var method = model.Method;
        var signature = new MemberSignature(method, graph, "Tangent");
        var directionParameters = signature.AddDirections(graph);
        var directions = directionParameters.Select(p => (p.Name, Parameter: p.Source)).ToList();
        var outputs = OutputNames(method, signature.Names);
        var printer = new FormulaPrinter(graph, MethodDeriver.FormulaLocals(graph));

        DocumentationWriter.Summary(writer, "Computes <see cref=\"" + DocumentationWriter.Cref(method) + "\"/> and its directional derivative along (" + string.Join(", ", directions.Select(d => d.Name)) + ") in one forward-mode pass.");
        DocumentationWriter.Formulas(writer, Definitions(graph, printer), outputs.Select((o, k) => (o, printer.Print(graph.Outputs[k]))).ToList());
        DocumentationWriter.SourceParameters(writer, method);
        WriteDirectionDocs(writer, method, directions, "The direction's component along");
        for (var k = 0; k < outputs.Count; k++)
        {
            DocumentationWriter.Parameter(writer, outputs[k], method.Output.IsTuple
                ? "Receives Σ ∂" + method.Output.Names[k] + "/∂pᵢ · tᵢ, the directional derivative of output <c>" + method.Output.Names[k] + "</c>."
                : "Receives Σ ∂" + method.Name + "/∂pᵢ · tᵢ.");
        }

        if (directions.Any(d => method.Kind(d.Parameter) == ParameterKind.Vector))
        {
            writer.Line("/// <exception cref=\"global::System.ArgumentException\">A direction's length differs from its vector's.</exception>");
        }

        DocumentationWriter.Returns(writer, method);
        writer.Line(TypeEmitter.GeneratedCodeAttribute);
        foreach (var output in outputs)
        {
            signature.Add(ParameterRole.Adjoint, output, type: "out " + method.Scalar);
        }

        writer.Open(signature.Declaration(method.Output.IsTuple ? method.Output.TypeText : method.Scalar));
        signature.CheckLengths(writer, directionParameters);
        MethodBodyWriter.Write(writer, graph, outputs, outputs, spans: SpanVectors.Of(method, directions: directions));
        writer.Close();
    }

    /// <summary>
    /// The <c>out</c> tangents: <c>tangent</c> for one double; for a tuple, t + each element's name (<c>tSum</c>;
    /// <c>t1</c>, <c>t2</c> for unnamed elements) — avoiding parameters and locals.
    /// </summary>
    private static IReadOnlyList<string> OutputNames(MethodModel method, NamingScope scope)
    {
        var stems = method.Output.IsTuple
            ? Enumerable.Range(0, method.Output.Count).Select(i => "t" + method.Output.Stem(i))
            : new[] { "tangent" };
        return stems.Select(scope.Fresh).ToList();
    }

    /// <summary>Each direction parameter (the graph's parameters after the source's) and the source parameter it goes with.</summary>
    public static IReadOnlyList<(string Name, int Parameter)> Directions(MethodModel method, DerivativeGraphModel graph)
    {
        var differentiable = method.Inputs;
        return graph.Parameters.Skip(method.Parameters.Count).Take(differentiable.Count).Select((name, k) => (name, differentiable[k])).ToList();
    }

    /// <summary>A direction's type: the scalar for a scalar, a read-only span for a vector.</summary>
    public static string DirectionType(MethodModel method, int parameter)
        => method.Kind(parameter) == ParameterKind.Vector ? "global::System.ReadOnlySpan<" + method.Scalar + ">" : method.Scalar;

    public static void WriteDirectionDocs(SourceWriter writer, MethodModel method, IReadOnlyList<(string Name, int Parameter)> directions, string lead)
    {
        foreach (var (name, parameter) in directions)
        {
            DocumentationWriter.Parameter(writer, name, method.Kind(parameter) == ParameterKind.Vector
                ? lead + " <c>" + method.Parameters[parameter] + "[i]</c> at index i; it must have the length of <paramref name=\"" + method.Parameters[parameter] + "\"/>."
                : lead + " <c>" + method.Parameters[parameter] + "</c>.");
        }
    }
}
