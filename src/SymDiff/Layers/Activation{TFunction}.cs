using System;
using System.Collections.Generic;
using SymDiff.Functions;

namespace SymDiff.Layers;

/// <summary>
/// Applies a scalar function elementwise: <c>Y[i, j] = f(X[i, j])</c>, where f is any
/// <see cref="IScalarFunction"/> (usually a struct over a <c>[Differentiable]</c> method and its
/// generated gradient). Backward: <c>∂L/∂X[i, j] = ∂L/∂Y[i, j]·f′(X[i, j])</c>.
/// </summary>
/// <remarks>
/// Generic over a struct, so the JIT compiles a copy of the loops for each function and inlines
/// <c>Value</c> and <c>Derivative</c>: no delegate or interface call per element. NaN behaviour is the
/// function's own (see <see cref="Activations"/>); <see cref="Sequential"/> reports a NaN that reaches
/// the layer's input or output.
/// </remarks>
/// <typeparam name="TFunction">The scalar function.</typeparam>
public sealed class Activation<TFunction> : ILayer, IActivationLayer
    where TFunction : struct, IScalarFunction
{
    /// <summary>Creates the layer for rows of <paramref name="size"/> values.</summary>
    public Activation(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        InputSize = size;
        OutputSize = size;
        Name = $"Activation<{FunctionName}>({size})";
    }

    /// <summary>The function's name as stored in model files: the struct's name, e.g. <c>Relu</c>.</summary>
    public static string FunctionName { get; } = Functions.FunctionName.Of(typeof(TFunction));

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>The function, as a value (the same instance as <see cref="ActivationFunction.Of{TFunction}"/>).</summary>
    public ActivationFunction Function => ActivationFunction<TFunction>.Instance;

    /// <inheritdoc/>
    public int InputSize { get; }

    /// <inheritdoc/>
    public int OutputSize { get; }

    /// <inheritdoc/>
    public IReadOnlyList<Parameter> Parameters => [];

    /// <inheritdoc/>
    public void Forward(ReadOnlySpan<double> input, int batchSize, Span<double> output)
    {
        Kernels.MatrixKernels.CheckShape(input, batchSize, InputSize, nameof(input));
        Kernels.MatrixKernels.CheckShape(output, batchSize, OutputSize, nameof(output));
        ActivationFunction<TFunction>.ApplyTo(input, output);
    }

    /// <inheritdoc/>
    public void Backward(ReadOnlySpan<double> input, ReadOnlySpan<double> output, ReadOnlySpan<double> outputGradient, int batchSize, Span<double> inputGradient)
    {
        if (inputGradient.IsEmpty)
        {
            return;
        }

        Kernels.MatrixKernels.CheckShape(input, batchSize, InputSize, nameof(input));
        Kernels.MatrixKernels.CheckShape(outputGradient, batchSize, OutputSize, nameof(outputGradient));
        Kernels.MatrixKernels.CheckShape(inputGradient, batchSize, InputSize, nameof(inputGradient));
        ActivationFunction<TFunction>.BackPropagateTo(input, outputGradient, inputGradient);
    }
}
