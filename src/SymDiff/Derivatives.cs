namespace SymDiff;

/// <summary>Marks values inside a <c>[Differentiable]</c> method that derivatives must treat as constants.</summary>
public static class Derivatives
{
    /// <summary>
    /// Returns <paramref name="value"/> unchanged, but every derivative the generator emits treats it as a
    /// constant: nothing flows back through it (JAX's <c>stop_gradient</c>, Swift's <c>withoutDerivative(at:)</c>).
    /// Use it where the result does not depend on the value mathematically, such as the shift of a
    /// log-sum-exp (<c>m + log Σ exp(xᵢ − m)</c> is the same for every m): the backward pass then skips
    /// the loop that computed it. Anywhere else it changes the derivative, on purpose.
    /// </summary>
    /// <typeparam name="T">The method's scalar type.</typeparam>
    public static T WithoutDerivative<T>(T value) => value;
}
