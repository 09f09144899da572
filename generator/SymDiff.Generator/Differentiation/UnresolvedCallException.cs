namespace SymDiff.Generator.Differentiation;

/// <summary>A called function has no registered derivative; its diagnostic is reported by the diagnostics step.</summary>
internal sealed class UnresolvedCallException : Exception
{
    public UnresolvedCallException()
        : base("A called function has no [DerivativeOf] derivative.")
    {
    }
}
