namespace SymDiff.Generator.Model;

/// <summary>A user's <c>[DerivativeOf]</c> method: the derivative of the function registered under <paramref name="Key"/>.</summary>
internal sealed record CustomDerivativeModel(string Key, CallForm Form, string DerivativeMethod);
