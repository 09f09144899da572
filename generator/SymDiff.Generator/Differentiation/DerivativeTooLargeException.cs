namespace SymDiff.Generator.Differentiation;

/// <summary>Thrown when a derivative's expression graph outgrows its budget (see <see cref="ExprGraph.Limit"/>).</summary>
internal sealed class DerivativeTooLargeException : Exception
{
    public DerivativeTooLargeException()
        : base("The derivative's expression graph outgrew its budget.")
    {
    }
}
