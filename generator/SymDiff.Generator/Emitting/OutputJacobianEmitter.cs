namespace SymDiff.Generator.Emitting;

/// <summary>
/// Writes <c>NameJacobian(p1..pn, jacobian)</c> for a method writing output vectors: the m×n Jacobian,
/// row-major (rows: the outputs' elements in parameter order; columns: the inputs', a double counting as
/// one), from <c>NameTangent</c> one column at a time when n ≤ m, else from <c>NameVjp</c> one row at a time —
/// the sizes are only known at run time, so the order is chosen there.
/// </summary>
internal static class OutputJacobianEmitter
{
    private const string Pool = "global::System.Buffers.ArrayPool<double>.Shared";

    public static void Write(SourceWriter writer, DerivativesModel model, DerivativeGraphModel graph)
    {
        var method = model.Method;
        var inputs = method.Inputs;
        var outputs = OutputNames.Outputs(method);
        // Its locals __m, __n, __i, __j are its own; the span avoids the source's parameters only (the body calls the other members).
        var signature = new MemberSignature(method, graph, "Jacobian");
        var span = signature.Add(ParameterRole.Buffer, new NamingScope(method.Parameters).Fresh("jacobian")).Name;
        var columns = Offsets(method, inputs);
        var rows = Offsets(method, outputs);

        DocumentationWriter.Summary(writer, "Computes <see cref=\"" + DocumentationWriter.Cref(method) + "\"/> (writing its outputs) and its Jacobian, by forward mode (one pass per input) when it has no more inputs than outputs, else by reverse mode (one pass per output).");
        DocumentationWriter.SourceParameters(writer, method);
        DocumentationWriter.Parameter(writer, span, "Receives ∂yᵢ/∂pⱼ at index i·n + j, where the m outputs are the elements of " + string.Join(", ", outputs.Select(o => method.Parameters[o])) + " and the n inputs those of " + string.Join(", ", inputs.Select(i => method.Parameters[i])) + " (a double counts as one); length m·n.");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\"><paramref name=\"" + span + "\"/> has the wrong length.</exception>");
        writer.Line(TypeEmitter.GeneratedCodeAttribute);
        writer.Open(signature.Declaration("void"));
        writer.Line("int __n = " + columns.Total + ";");
        writer.Line("int __m = " + rows.Total + ";");
        writer.Open("if (" + span + ".Length != __m * __n)");
        writer.Line("throw new global::System.ArgumentException(\"" + method.Name + "Jacobian needs " + span + " of length \" + __m * __n + \" (\" + __m + \" outputs × \" + __n + \" inputs), not \" + " + span + ".Length + \".\", \"" + span.TrimStart('@') + "\");");
        writer.Close();
        writer.Line();
        writer.Open("if (__n <= __m)");
        WriteColumns(writer, method, inputs, outputs, columns, rows, span);
        writer.Close();
        writer.Open("else");
        WriteRows(writer, method, inputs, outputs, columns, rows, span);
        writer.Close();
        writer.Close();
    }

    /// <summary>One rented array, sliced into a span per name, each of the length of its parameter.</summary>
    private static void WriteScratch(SourceWriter writer, MethodModel method, IEnumerable<(string Name, int Parameter)> spans)
    {
        var list = spans.ToList();
        writer.Line("double[] __rented = " + Pool + ".Rent(" + string.Join(" + ", list.Select(s => OutputNames.Size(method, s.Parameter))) + ");");
        var offset = "0";
        foreach (var (name, parameter) in list)
        {
            var size = OutputNames.Size(method, parameter);
            writer.Line("global::System.Span<double> " + name + " = new global::System.Span<double>(__rented, " + offset + ", " + size + ");");
            offset = offset == "0" ? size : offset + " + " + size;
        }
    }

    /// <summary><c>i</c> within [start, start + length).</summary>
    private static string Within(string index, string start, string length)
        => start == "0" ? index + " < " + length : index + " >= " + start + " && " + index + " < " + start + " + " + length;

    private static string Minus(string index, string start) => start == "0" ? index : index + " - (" + start + ")";

    private static string Plus(string expression, string offset) => offset == "0" ? expression : expression + " + " + offset;

    /// <summary>Where each parameter's elements start in a row or column, and how many there are in all.</summary>
    private sealed record Layout(IReadOnlyList<string> Starts, string Total);

    private static Layout Offsets(MethodModel method, IReadOnlyList<int> parameters)
    {
        var starts = new List<string>();
        var sum = "0";
        foreach (var parameter in parameters)
        {
            starts.Add(sum);
            var size = OutputNames.Size(method, parameter);
            sum = sum == "0" ? size : sum + " + " + size;
        }

        return new Layout(starts, sum);
    }

    /// <summary>Forward mode: the tangent along the j-th unit direction is column j.</summary>
    private static void WriteColumns(SourceWriter writer, MethodModel method, IReadOnlyList<int> inputs, IReadOnlyList<int> outputs, Layout columns, Layout rows, string span)
    {
        var vectors = inputs.Where(i => method.Kind(i) == ParameterKind.Vector).ToList();
        var directions = inputs.ToDictionary(i => i, i => "__t" + i);
        var tangents = outputs.Select(o => "__t" + o).ToList();
        WriteScratch(writer, method, vectors.Select(v => (directions[v], v)).Concat(outputs.Select((o, k) => (tangents[k], o))));
        writer.Open("for (int __j = 0; __j < __n; __j++)");
        for (var k = 0; k < inputs.Count; k++)
        {
            var input = inputs[k];
            if (method.Kind(input) == ParameterKind.Vector)
            {
                writer.Line(Zeroing.Statement(directions[input]));
                writer.Open("if (" + Within("__j", columns.Starts[k], OutputNames.Size(method, input)) + ")");
                writer.Line(directions[input] + "[" + Minus("__j", columns.Starts[k]) + "] = 1.0;");
                writer.Close();
            }
            else
            {
                writer.Line("double " + directions[input] + " = __j == " + columns.Starts[k] + " ? 1.0 : 0.0;");
            }
        }

        // An element the method leaves unwritten has no tangent written either: its row is zero.
        foreach (var tangent in tangents)
        {
            writer.Line(Zeroing.Statement(tangent));
        }

        var arguments = method.Parameters.Select(Identifier.Escape).Concat(inputs.Select(i => directions[i])).Concat(tangents);
        writer.Line(method.Name + "Tangent(" + string.Join(", ", arguments) + ");");
        for (var k = 0; k < outputs.Count; k++)
        {
            writer.Open("for (int __i = 0; __i < " + tangents[k] + ".Length; __i++)");
            writer.Line(span + "[" + (rows.Starts[k] == "0" ? "__i" : "(" + rows.Starts[k] + " + __i)") + " * __n + __j] = " + tangents[k] + "[__i];");
            writer.Close();
        }

        writer.Close();
        writer.Line(Pool + ".Return(__rented);");
    }

    /// <summary>Reverse mode: the vector–Jacobian product with the i-th unit weight is row i.</summary>
    private static void WriteRows(SourceWriter writer, MethodModel method, IReadOnlyList<int> inputs, IReadOnlyList<int> outputs, Layout columns, Layout rows, string span)
    {
        var vectors = inputs.Where(i => method.Kind(i) == ParameterKind.Vector).ToList();
        var weights = outputs.Select(o => "__u" + o).ToList();
        var adjoints = vectors.ToDictionary(v => v, v => "__d" + v);
        WriteScratch(writer, method, outputs.Select((o, k) => (weights[k], o)).Concat(vectors.Select(v => (adjoints[v], v))));
        writer.Open("for (int __i = 0; __i < __m; __i++)");
        for (var k = 0; k < outputs.Count; k++)
        {
            writer.Line(Zeroing.Statement(weights[k]));
            writer.Open("if (" + Within("__i", rows.Starts[k], weights[k] + ".Length") + ")");
            writer.Line(weights[k] + "[" + Minus("__i", rows.Starts[k]) + "] = 1.0;");
            writer.Close();
        }

        var arguments = method.Parameters.Select(Identifier.Escape).Concat(weights)
            .Concat(inputs.Select(i => method.Kind(i) == ParameterKind.Vector ? adjoints[i] : "out double __d" + i));
        writer.Line(method.Name + "Vjp(" + string.Join(", ", arguments) + ");");
        for (var k = 0; k < inputs.Count; k++)
        {
            var input = inputs[k];
            writer.Line(method.Kind(input) == ParameterKind.Vector
                ? adjoints[input] + ".CopyTo(" + span + ".Slice(" + Plus("__i * __n", columns.Starts[k]) + ", " + adjoints[input] + ".Length));"
                : span + "[" + Plus("__i * __n", columns.Starts[k]) + "] = __d" + input + ";");
        }

        writer.Close();
        writer.Line(Pool + ".Return(__rented);");
    }
}
