using System;

namespace SymDiff;

/// <summary>
/// Marks a static method of a <c>partial</c> type whose derivatives SymDiff generates at compile time.
/// </summary>
/// <remarks>
/// For a method <c>double F(double x, double y)</c> the generator adds
/// <c>double FGradient(double x, double y, out double dx, out double dy)</c> to the same type:
/// it returns <c>F(x, y)</c> and writes every partial derivative, in parameter order.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class DifferentiableAttribute : Attribute
{
    /// <summary>
    /// The derivative methods to generate besides the gradient, e.g.
    /// <c>[Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.Hessian)]</c>. Default: the gradient only,
    /// so a method pays no compile time or code size for what it does not use.
    /// </summary>
    public DerivativeModes Modes { get; set; } = DerivativeModes.Gradient;
}
