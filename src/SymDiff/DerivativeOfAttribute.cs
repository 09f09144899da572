using System;

namespace SymDiff;

/// <summary>
/// Supplies the derivative of a function the generator cannot see into (a library call, a numerically
/// delicate formula). Every <c>[Differentiable]</c> method that calls the function then uses it.
/// </summary>
/// <remarks>
/// The marked static method has one of three shapes, for a function <c>double F(double p1, ..., double pn)</c>:
/// <list type="bullet">
/// <item><c>double D(double x)</c>, for n = 1: returns F'(x).</item>
/// <item><c>double D(double p1, ..., double pn, out double d1, ..., out double dn)</c>: returns F and writes its partials.</item>
/// <item><c>void D(double p1, ..., double pn, double seed, ref double d1, ..., ref double dn)</c>: adds seed·∂F/∂pᵢ to each dᵢ.</item>
/// </list>
/// <code>
/// [DerivativeOf(typeof(Special), nameof(Special.Erf))]
/// static double ErfDerivative(double x) => 2 / Math.Sqrt(Math.PI) * Math.Exp(-x * x);
/// </code>
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class DerivativeOfAttribute : Attribute
{
    /// <param name="type">The type declaring the function.</param>
    /// <param name="methodName">The function's name; use <c>nameof</c>.</param>
    public DerivativeOfAttribute(Type type, string methodName)
    {
        Type = type;
        MethodName = methodName;
    }

    /// <summary>The type declaring the function.</summary>
    public Type Type { get; }

    /// <summary>The function's name.</summary>
    public string MethodName { get; }
}
