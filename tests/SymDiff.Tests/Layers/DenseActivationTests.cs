using SymDiff.Functions;
using SymDiff.Layers;
using SymDiff.Losses;
using SymDiff.Optimizers;
using SymDiff.Tests.Layers.Functions;
using SymDiff.Training;

namespace SymDiff.Tests.Layers;

/// <summary>An activation given to Dense directly: the same numbers as a separate activation layer, and a correct backward pass.</summary>
public sealed class DenseActivationTests
{
    public static TheoryData<string> Functions => ["Relu", "Sigmoid", "Tanh", "Softplus", "Gelu", "Swish"];

    [Theory]
    [MemberData(nameof(Functions))]
    public void Dense_WithActivation_ComputesWhatDenseThenActivationComputes(string function)
    {
        var fused = new Sequential(new Dense(3, 4, seed: 5, Function(function)));
        var separate = new Sequential(new Dense(3, 4, seed: 5), LayerGradientTests.ActivationLayer(function, 4));
        CopyParameters(fused, separate);
        var input = TestData.Matrix(1, 2 * 3, scale: 2);
        var outputGradient = TestData.Matrix(2, 2 * 4);

        var output = fused.Forward(input, 2).ToArray();
        var inputGradient = fused.Backward(outputGradient).ToArray();

        Assert.Equal(separate.Forward(input, 2).ToArray(), output);
        Assert.Equal(separate.Backward(outputGradient).ToArray(), inputGradient);
        Assert.Equal(separate.Parameters.Select(p => p.Gradients.ToArray()), fused.Parameters.Select(p => p.Gradients.ToArray()));
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void Dense_WithActivation_MatchesFiniteDifferences(string function)
    {
        var random = new Random(6);
        var model = new Sequential(new Dense(3, 5, random, Function(function)), new Dense(5, 2, random, ActivationFunction.Tanh, WeightInitialization.Xavier));
        TestData.Matrix(7, 5).CopyTo(model.Parameters[1].Values);

        ModelGradientAssert.Matches(model, new MeanSquaredError(), TestData.Matrix(8, 3 * 3), TestData.Matrix(9, 3 * 2), 3);
    }

    [Fact]
    public void Dense_WithActivation_IsNamedAfterItAndHasOnlyWeightsAndBiases()
    {
        var dense = new Dense(3, 4, seed: 1, ActivationFunction.Tanh);

        Assert.Equal("Dense(3, 4, Tanh)", dense.Name);
        Assert.Same(ActivationFunction.Tanh, dense.Activation);
        Assert.Equal(["weights", "biases"], dense.Parameters.Select(p => p.Name));
        Assert.Null(new Dense(3, 4, seed: 1).Activation);
    }

    [Fact]
    public void Dense_WithActivation_ReluOutputsAreNeverNegative()
    {
        var model = new Sequential(new Dense(4, 16, seed: 2, ActivationFunction.Relu));

        var output = model.Forward(TestData.Matrix(3, 8 * 4, scale: 3), 8).ToArray();

        Assert.All(output, value => Assert.True(value >= 0, value.ToString()));
        Assert.Contains(output, value => value > 0);
        Assert.Contains(output, value => value == 0);
    }

    [Fact]
    public void Dense_WithActivation_BackwardOfAnotherBatchSize_ThrowsNamingTheLayer()
    {
        var dense = new Dense(2, 3, seed: 1, ActivationFunction.Sigmoid);
        dense.Forward(new double[2 * 2], 2, new double[2 * 3]);

        var exception = Assert.Throws<InvalidOperationException>(() => dense.Backward(new double[3 * 2], new double[3 * 3], new double[3 * 3], 3, new double[3 * 2]));

        Assert.Equal("Dense(2, 3, Sigmoid): Backward of 3 rows needs the pre-activations of a Forward pass of 3 rows; the last Forward pass had 2.", exception.Message);
    }

    [Fact]
    public void TrainBatch_DenseWithActivation_AllocatesNothingOnceWarm()
    {
        var random = new Random(3);
        var model = new Sequential(new Dense(16, 32, random, ActivationFunction.Gelu), new Dense(32, 4, random, ActivationFunction.Sigmoid));
        var trainer = new Trainer(model, new MeanSquaredError(), new Adam(model.Parameters));
        var input = TestData.Matrix(4, 8 * 16);
        var target = TestData.Matrix(5, 8 * 4);
        trainer.TrainBatch(input, target, 8);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 20; i++)
        {
            trainer.TrainBatch(input, target, 8);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void ActivationFunction_OfAStruct_IsOneInstanceNamedAfterIt()
    {
        Assert.Same(ActivationFunction.Relu, ActivationFunction.Of<Activations.ReluFunction>());
        Assert.Same(ActivationFunction.Of<Swish>(), ActivationFunction.Of<Swish>());
        Assert.Equal("Swish", ActivationFunction.Of<Swish>().Name);
        Assert.Equal(["Relu", "Sigmoid", "Tanh", "Softplus", "Gelu"], ActivationFunction.BuiltIn.Select(f => f.Name));
        Assert.Same(ActivationFunction.Gelu, new Activation<Activations.GeluFunction>(3).Function);
    }

    private static ActivationFunction Function(string name) =>
        name == "Swish" ? ActivationFunction.Of<Swish>() : ActivationFunction.BuiltIn.Single(f => f.Name == name);

    private static void CopyParameters(Sequential from, Sequential to)
    {
        for (var p = 0; p < from.Parameters.Count; p++)
        {
            from.Parameters[p].Values.CopyTo(to.Parameters[p].Values);
        }
    }
}
