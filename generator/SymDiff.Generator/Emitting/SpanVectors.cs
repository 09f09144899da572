namespace SymDiff.Generator.Emitting;

/// <summary>The vectors a generated method reads or writes that are spans, with their types, for its loops to slice (see <see cref="ElementSlices"/>).</summary>
internal static class SpanVectors
{
    /// <summary>
    /// The method's span parameters (not its arrays: a slice of a null array would not throw where the source does),
    /// then <paramref name="buffers"/> (always <c>Span&lt;double&gt;</c>) and <paramref name="directions"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Of(MethodModel method, IEnumerable<(string Vector, string Buffer)>? buffers = null, IEnumerable<(string Name, int Parameter)>? directions = null)
    {
        var spans = new Dictionary<string, string>();
        for (var i = 0; i < method.Parameters.Count; i++)
        {
            if (IsSpan(method.TypeOf(i)))
            {
                spans[method.Parameters[i]] = method.TypeOf(i);
            }
        }

        foreach (var (_, buffer) in buffers ?? Enumerable.Empty<(string, string)>())
        {
            spans[buffer] = "global::System.Span<double>";
        }

        foreach (var (name, parameter) in directions ?? Enumerable.Empty<(string, int)>())
        {
            if (method.Kind(parameter) == ParameterKind.Vector && IsSpan(method.TypeOf(parameter)))
            {
                spans[name] = TangentEmitter.DirectionType(method, parameter);
            }
        }

        return spans;
    }

    private static bool IsSpan(string type)
        => type.StartsWith("global::System.Span<", System.StringComparison.Ordinal) || type.StartsWith("global::System.ReadOnlySpan<", System.StringComparison.Ordinal);
}
