namespace SymDiff.Functions;

/// <summary>
/// A differentiable scalar function <c>y = f(x)</c>, used elementwise by
/// <see cref="Layers.Activation{TFunction}"/>.
/// </summary>
/// <remarks>
/// You do not write it: for a <c>[Differentiable]</c> method of one double, SymDiff generates a
/// <c>readonly struct</c> named after the method (<c>Swish</c> → <c>SwishFunction</c>) whose members call the
/// method and its generated gradient. The layers are generic over the struct, so the JIT compiles a
/// specialised copy of their loops and inlines both calls: there is no delegate, virtual call or
/// reflection per element.
/// <code>
/// [Differentiable]
/// public static double Swish(double x) => x / (1 + Math.Exp(-x));
///
/// new Dense(3, 8, random, ActivationFunction.Of&lt;MyFunctions.SwishFunction&gt;());
/// </code>
/// </remarks>
public interface IScalarFunction
{
    /// <summary>The value <c>f(x)</c>.</summary>
    static abstract double Value(double x);

    /// <summary>The derivative <c>f′(x)</c>.</summary>
    static abstract double Derivative(double x);
}
