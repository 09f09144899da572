using System;
using System.Collections.Generic;
using SymDiff.Layers;

namespace SymDiff.Functions;

/// <summary>
/// An <see cref="IScalarFunction"/> chosen at run time, to apply elementwise after a layer, as in
/// <c>new Dense(64, 64, random, ActivationFunction.Relu)</c>. Each function has one instance.
/// </summary>
/// <remarks>
/// The instance is generic over the function's struct underneath, so its loops are compiled for that
/// function with <c>Value</c> and <c>Derivative</c> inlined: one virtual call per batch, none per element.
/// NaN behaviour is the function's own (see <see cref="Activations"/>).
/// </remarks>
public abstract class ActivationFunction
{
    private protected ActivationFunction()
    {
    }

    /// <summary>The rectified linear unit (<see cref="Activations.Relu"/>).</summary>
    public static ActivationFunction Relu => Of<Activations.ReluFunction>();

    /// <summary>The logistic sigmoid (<see cref="Activations.Sigmoid"/>).</summary>
    public static ActivationFunction Sigmoid => Of<Activations.SigmoidFunction>();

    /// <summary>The hyperbolic tangent (<see cref="Activations.Tanh"/>).</summary>
    public static ActivationFunction Tanh => Of<Activations.TanhFunction>();

    /// <summary>Softplus, <c>log(1 + eˣ)</c> (<see cref="Activations.Softplus"/>).</summary>
    public static ActivationFunction Softplus => Of<Activations.SoftplusFunction>();

    /// <summary>The Gaussian error linear unit (<see cref="Activations.Gelu"/>).</summary>
    public static ActivationFunction Gelu => Of<Activations.GeluFunction>();

    /// <summary>The functions model files know without being told: Relu, Sigmoid, Tanh, Softplus and Gelu.</summary>
    public static IReadOnlyList<ActivationFunction> BuiltIn { get; } = [Relu, Sigmoid, Tanh, Softplus, Gelu];

    /// <summary>The name model files store: the struct's name, e.g. <c>Relu</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The instance for the function <typeparamref name="TFunction"/>, such as your own <c>[Differentiable]</c> one.</summary>
    public static ActivationFunction Of<TFunction>()
        where TFunction : struct, IScalarFunction => ActivationFunction<TFunction>.Instance;

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary><c>output[i] = f(input[i])</c>; the spans may be the same.</summary>
    internal abstract void Apply(ReadOnlySpan<double> input, Span<double> output);

    /// <summary><c>inputGradient[i] = outputGradient[i]·f′(input[i])</c>.</summary>
    internal abstract void BackPropagate(ReadOnlySpan<double> input, ReadOnlySpan<double> outputGradient, Span<double> inputGradient);

    /// <summary>An <see cref="Activation{TFunction}"/> layer of this function for rows of <paramref name="size"/> values.</summary>
    internal abstract ILayer CreateLayer(int size);
}
