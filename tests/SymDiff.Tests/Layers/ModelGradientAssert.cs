using SymDiff.Layers;
using SymDiff.Losses;
using SymDiff.Training;

namespace SymDiff.Tests.Layers;

/// <summary>Asserts that a model's backward pass agrees with finite differences, per element and along random directions.</summary>
internal static class ModelGradientAssert
{
    /// <summary>Worst relative error allowed: a correct double-precision backward pass scores about 1e-9.</summary>
    public const double Tolerance = 1e-6;

    public static void Matches(Sequential model, ILoss loss, double[] input, double[] target, int batchSize)
    {
        var elementwise = GradientCheck.Model(model, loss, input, target, batchSize);
        Assert.True(elementwise.Passes(Tolerance), "element by element:\n" + elementwise);
        var directions = GradientCheck.ModelDirections(model, loss, input, target, batchSize, directions: 8, seed: 3);
        Assert.True(directions.Passes(Tolerance), "along random directions:\n" + directions);
        Assert.Equal(model.Parameters.Count + 1, elementwise.Tensors.Count);
    }
}
