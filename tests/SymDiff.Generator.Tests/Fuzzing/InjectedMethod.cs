namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>
/// A random method with forms injected into it. A span method's array wrappers are kept apart: they call the
/// generated methods, so they compile only when the method was not refused.
/// </summary>
internal sealed record InjectedMethod(FuzzMethod Method, bool IsSpan, string Wrappers, IReadOnlyList<Injection> Injections)
{
    public string Name => Method.Name;

    /// <summary>The method's source followed by its wrappers, for a build that calls its derivatives.</summary>
    public FuzzMethod WithWrappers => Method with { Source = Method.Source + Wrappers };
}
