namespace SymDiff.Generator.Model;

/// <summary>How a called function's derivative is obtained.</summary>
internal enum CallForm
{
    /// <summary><c>double D(p1..pn, out d1..dn)</c> returns the value and writes the partials (a generated <c>NameGradient</c>, or a user's).</summary>
    Gradient,

    /// <summary><c>double D(x)</c> returns f'(x) of a one-argument function; the value is the function itself.</summary>
    Derivative,

    /// <summary><c>void D(p1..pn, double seed, ref d1..dn)</c> adds seed·∂f/∂pᵢ; the value is the function itself.</summary>
    Pullback,
}
