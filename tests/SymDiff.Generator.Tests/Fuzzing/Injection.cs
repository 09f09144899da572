namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>
/// One form injected into a method: which, where (<paramref name="LoopDepth"/> loops around its innermost statement,
/// its own included; <paramref name="Existing"/> when it went into a statement list the random method already had),
/// and its text's span in the method's source.
/// </summary>
internal sealed record Injection(InjectedForm Form, FormContext Context, int LoopDepth, bool Existing, int Start, int Length)
{
    public int End => Start + Length;

    public Injection Shifted(int by) => this with { Start = Start + by };
}
