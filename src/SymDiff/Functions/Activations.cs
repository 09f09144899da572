using System;

namespace SymDiff.Functions;

/// <summary>
/// The activation functions shipped with SymDiff, written as <c>[Differentiable]</c> methods: their
/// <c>…Gradient</c> methods (value and derivative) are generated at compile time, like a user's.
/// </summary>
/// <remarks>
/// Each is written to stay finite for every finite argument: no <c>exp</c> of a positive number is
/// ever evaluated, so nothing overflows. A NaN argument gives a NaN value and derivative, except where a branch
/// on the argument selects a constant (<see cref="Relu"/>: NaN &gt; 0 is false, so its value and
/// derivative at NaN are 0 — the layers detect NaN in their inputs before it gets here).
/// </remarks>
public static partial class Activations
{
    /// <summary>Square root of 2/π, used by <see cref="Gelu"/>.</summary>
    private const double SqrtTwoOverPi = 0.7978845608028654;

    /// <summary>Rectified linear unit: <c>x &gt; 0 ? x : 0</c>. Derivative 1 for x &gt; 0, 0 for x ≤ 0 (0 at the kink, as PyTorch).</summary>
    [Differentiable]
    public static double Relu(double x) => x > 0 ? x : 0;

    /// <summary>
    /// Logistic sigmoid <c>1 / (1 + e^(−x))</c>. With <c>e = e^(−|x|)</c> (never more than 1, so it
    /// cannot overflow) it is <c>1 / (1 + e)</c> for x ≥ 0 and <c>e / (1 + e)</c> for x &lt; 0.
    /// Derivative <c>σ(x)·(1 − σ(x))</c>; one exponential per call.
    /// </summary>
    [Differentiable]
    public static double Sigmoid(double x)
    {
        var e = Math.Exp(x >= 0 ? -x : x);
        return x >= 0 ? 1 / (1 + e) : e / (1 + e);
    }

    /// <summary>Hyperbolic tangent. Derivative <c>1 − tanh²x</c>.</summary>
    [Differentiable]
    public static double Tanh(double x) => Math.Tanh(x);

    /// <summary>
    /// Softplus <c>ln(1 + eˣ) = max(x, 0) + ln(1 + e)</c> with <c>e = e^(−|x|)</c>, so no exponential
    /// overflows. <c>ln(1 + e)</c> is computed as <c>ln(u)·e / (u − 1)</c> with <c>u = 1 + e</c>
    /// (Goldberg's log1p), or as e when u rounds to 1, so the value keeps full relative precision in
    /// the far negative tail (where it is ≈ eˣ). Derivative <c>σ(x)</c> (½ at 0).
    /// </summary>
    [Differentiable]
    public static double Softplus(double x)
    {
        var e = Math.Exp(x > 0 ? -x : x);
        var u = 1 + e;
        var log1p = u == 1 ? e : Math.Log(u) * (e / (u - 1));
        return (x > 0 ? x : 0) + log1p;
    }

    /// <summary>
    /// Gaussian error linear unit, tanh approximation (Hendrycks &amp; Gimpel; as PyTorch's
    /// <c>approximate="tanh"</c>): <c>½·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))</c>. Beyond |x| = 20
    /// the tanh is ±1 in double precision, so the value is exactly x or 0 (derivative 1 or 0); it is
    /// returned directly there, which keeps <c>x³</c> from overflowing to a NaN derivative.
    /// </summary>
    [Differentiable]
    public static double Gelu(double x)
    {
        if (x > 20)
        {
            return x;
        }

        if (x < -20)
        {
            return 0;
        }

        var inner = SqrtTwoOverPi * (x + 0.044715 * x * x * x);
        return 0.5 * x * (1 + Math.Tanh(inner));
    }
}
