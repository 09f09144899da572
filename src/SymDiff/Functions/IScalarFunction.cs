namespace SymDiff.Functions;

/// <summary>
/// A differentiable scalar function <c>y = f(x)</c>, used elementwise by
/// <see cref="Layers.Activation{TFunction}"/>.
/// </summary>
/// <remarks>
/// Implement it with a <c>readonly struct</c> whose members call a <c>[Differentiable]</c> method and
/// the <c>…Gradient</c> method that SymDiff generates for it. The layer is generic over the struct,
/// so the JIT compiles a specialised copy of its loops and inlines both calls: there is no delegate,
/// virtual call or reflection per element.
/// <code>
/// public readonly struct Swish : IScalarFunction
/// {
///     public static double Value(double x) => MyFunctions.Swish(x);
///     public static double Derivative(double x) { MyFunctions.SwishGradient(x, out var dx); return dx; }
/// }
/// </code>
/// </remarks>
public interface IScalarFunction
{
    /// <summary>The value <c>f(x)</c>.</summary>
    static abstract double Value(double x);

    /// <summary>The derivative <c>f′(x)</c>.</summary>
    static abstract double Derivative(double x);
}
