using SymDiff.Functions;
using SymDiff.Layers;
using SymDiff.Losses;
using SymDiff.Tests.Layers.Functions;

namespace SymDiff.Tests.Layers;

/// <summary>Every layer's backward pass (a vector–Jacobian product) against finite differences, with odd shapes.</summary>
public sealed class LayerGradientTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1, 3, 1)]
    [InlineData(3, 5, 2)]
    [InlineData(4, 2, 7)]
    [InlineData(2, 1, 6)]
    public void Dense_OddShapes_MatchesFiniteDifferences(int batch, int inputs, int outputs)
    {
        var model = new Sequential(new Dense(inputs, outputs, seed: batch * 100 + inputs * 10 + outputs, initialization: WeightInitialization.Xavier));
        BiasesFrom(model, 5);

        ModelGradientAssert.Matches(model, new MeanSquaredError(), TestData.Matrix(1, batch * inputs), TestData.Matrix(2, batch * outputs), batch);
    }

    [Theory]
    [InlineData("Relu", 1, 1)]
    [InlineData("Relu", 3, 4)]
    [InlineData("Sigmoid", 1, 5)]
    [InlineData("Tanh", 4, 1)]
    [InlineData("Softplus", 2, 3)]
    [InlineData("Gelu", 3, 2)]
    [InlineData("Swish", 2, 4)]
    public void Activation_OddShapes_MatchesFiniteDifferences(string function, int batch, int width)
    {
        var model = new Sequential(ActivationLayer(function, width));

        ModelGradientAssert.Matches(model, new MeanSquaredError(), TestData.Matrix(3, batch * width, scale: 2), TestData.Matrix(4, batch * width), batch);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 4)]
    [InlineData(3, 2)]
    [InlineData(5, 7)]
    public void Softmax_OddShapes_MatchesFiniteDifferences(int batch, int width)
    {
        var model = new Sequential(new Softmax(width));

        ModelGradientAssert.Matches(model, new MeanSquaredError(), TestData.Matrix(5, batch * width, scale: 3), TestData.Distributions(6, batch, width), batch);
    }

    [Fact]
    public void Softmax_HugeLogits_StaysFiniteAndSumsToOne()
    {
        var model = new Sequential(new Softmax(3));

        var output = model.Forward([1000, 999, -1000], 1).ToArray();

        Assert.Equal(1.0, output.Sum(), 15);
        Assert.Equal(1 / (1 + Math.Exp(-1)), output[0], 15);
        Assert.Equal(0.0, output[2]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void DeepModel_MixedLayersAndWidths_MatchesFiniteDifferences(int batch)
    {
        var random = new Random(11);
        var model = new Sequential(
            new Dense(3, 5, random),
            new Activation<Activations.TanhFunction>(5),
            new Dense(5, 1, random),
            new Activation<Activations.GeluFunction>(1),
            new Dense(1, 4, random, initialization: WeightInitialization.Xavier),
            new Activation<Swish>(4),
            new Dense(4, 2, random),
            new Softmax(2));

        ModelGradientAssert.Matches(model, new MeanSquaredError(), TestData.Matrix(7, batch * 3), TestData.Distributions(8, batch, 2), batch);
    }

    [Fact]
    public void Dense_BackwardFormulas_MatchHandComputedProducts()
    {
        // X = [1 2], W = [[1 2 3], [4 5 6]], dY = [1 0 -1]: dX = dY·Wᵀ = [-2 -2], dW = Xᵀ·dY, db = dY.
        var dense = Dense.Zeros(2, 3);
        new double[] { 1, 2, 3, 4, 5, 6 }.CopyTo(dense.Weights.Values);
        var model = new Sequential(dense);
        model.Forward([1, 2], 1);

        var dx = model.Backward([1, 0, -1]).ToArray();

        Assert.Equal([-2.0, -2.0], dx);
        Assert.Equal([1.0, 0, -1, 2, 0, -2], dense.Weights.Gradients.ToArray());
        Assert.Equal([1.0, 0, -1], dense.Biases.Gradients.ToArray());
    }

    internal static ILayer ActivationLayer(string function, int width) => function switch
    {
        "Relu" => new Activation<Activations.ReluFunction>(width),
        "Sigmoid" => new Activation<Activations.SigmoidFunction>(width),
        "Tanh" => new Activation<Activations.TanhFunction>(width),
        "Softplus" => new Activation<Activations.SoftplusFunction>(width),
        "Gelu" => new Activation<Activations.GeluFunction>(width),
        "Swish" => new Activation<Swish>(width),
        _ => throw new ArgumentException(function),
    };

    private static void BiasesFrom(Sequential model, int seed)
    {
        foreach (var parameter in model.Parameters.Where(p => p.Name == "biases"))
        {
            TestData.Matrix(seed, parameter.Length).CopyTo(parameter.Values);
        }
    }
}
