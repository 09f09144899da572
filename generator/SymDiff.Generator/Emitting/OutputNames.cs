namespace SymDiff.Generator.Emitting;

/// <summary>The inputs and outputs of a method writing output vectors, and the names its derivative methods give them.</summary>
internal static class OutputNames
{
    /// <summary>The output vectors, by parameter index.</summary>
    public static IReadOnlyList<int> Outputs(MethodModel method)
        => Enumerable.Range(0, method.Parameters.Count).Where(i => method.Kind(i) == ParameterKind.Output).ToList();

    /// <summary>The C# length of input or output <paramref name="parameter"/>: its <c>.Length</c>, or 1 for a double.</summary>
    public static string Size(MethodModel method, int parameter)
        => method.Kind(parameter) == ParameterKind.Scalar ? "1" : Identifier.Escape(method.Parameters[parameter]) + ".Length";
}
