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
}
