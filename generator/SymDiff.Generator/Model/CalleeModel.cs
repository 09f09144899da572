namespace SymDiff.Generator.Model;

/// <summary>A function called from a differentiable method, and where its derivative comes from.</summary>
/// <param name="Display">Its short name, for formulas.</param>
/// <param name="ValueMethod">The function itself, fully qualified (<c>global::Ns.Special.Erf</c>).</param>
/// <param name="Form">The shape of <paramref name="DerivativeMethod"/>.</param>
/// <param name="DerivativeMethod">The method giving its derivative; empty while a custom derivative is still to be looked up.</param>
/// <param name="Key">For a custom derivative: <c>ValueMethod/arity</c>, the key it is registered under; else empty.</param>
internal sealed record CalleeModel(string Display, string ValueMethod, CallForm Form, string DerivativeMethod, string Key)
{
    public bool IsResolved => DerivativeMethod.Length > 0;

    public static string KeyOf(string valueMethod, int arity) => valueMethod + "/" + arity;
}
