using System;
using SymDiff.Layers;

namespace SymDiff.Functions;

/// <summary>The <see cref="ActivationFunction"/> of <typeparamref name="TFunction"/>, and the elementwise loops every layer uses for it.</summary>
/// <typeparam name="TFunction">The scalar function.</typeparam>
internal sealed class ActivationFunction<TFunction> : ActivationFunction
    where TFunction : struct, IScalarFunction
{
    private ActivationFunction()
    {
    }

    /// <summary>The one instance.</summary>
    public static ActivationFunction<TFunction> Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name { get; } = FunctionName.Of(typeof(TFunction));

    /// <summary><c>output[i] = f(input[i])</c> over the whole of <paramref name="input"/>.</summary>
    public static void ApplyTo(ReadOnlySpan<double> input, Span<double> output)
    {
        output = output[..input.Length];
        for (var i = 0; i < input.Length; i++)
        {
            output[i] = TFunction.Value(input[i]);
        }
    }

    /// <summary><c>inputGradient[i] = outputGradient[i]·f′(input[i])</c> over the whole of <paramref name="input"/>.</summary>
    public static void BackPropagateTo(ReadOnlySpan<double> input, ReadOnlySpan<double> outputGradient, Span<double> inputGradient)
    {
        outputGradient = outputGradient[..input.Length];
        inputGradient = inputGradient[..input.Length];
        for (var i = 0; i < input.Length; i++)
        {
            inputGradient[i] = outputGradient[i] * TFunction.Derivative(input[i]);
        }
    }

    /// <inheritdoc/>
    internal override void Apply(ReadOnlySpan<double> input, Span<double> output) => ApplyTo(input, output);

    /// <inheritdoc/>
    internal override void BackPropagate(ReadOnlySpan<double> input, ReadOnlySpan<double> outputGradient, Span<double> inputGradient) =>
        BackPropagateTo(input, outputGradient, inputGradient);

    /// <inheritdoc/>
    internal override ILayer CreateLayer(int size) => new Activation<TFunction>(size);
}
