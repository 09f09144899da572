using SymDiff.Layers;
using SymDiff.Losses;
using SymDiff.Tests.Layers.Functions;

namespace SymDiff.Tests.Layers;

/// <summary>Each loss's value and gradient, with odd shapes.</summary>
public sealed class LossTests
{
    [Theory]
    [InlineData("MeanSquaredError", 1, 1)]
    [InlineData("MeanSquaredError", 3, 4)]
    [InlineData("SoftmaxCrossEntropy", 1, 1)]
    [InlineData("SoftmaxCrossEntropy", 1, 5)]
    [InlineData("SoftmaxCrossEntropy", 4, 3)]
    [InlineData("LogCosh", 2, 3)]
    [InlineData("Huber", 3, 2)]
    public void Loss_OddShapes_MatchesFiniteDifferences(string name, int batch, int width)
    {
        var model = new Sequential(new Dense(3, width, seed: 21, initialization: WeightInitialization.Xavier));
        var target = name == "SoftmaxCrossEntropy" ? TestData.Distributions(9, batch, width) : TestData.Matrix(9, batch * width, scale: 2);

        ModelGradientAssert.Matches(model, Create(name), TestData.Matrix(10, batch * 3, scale: 2), target, batch);
    }

    [Fact]
    public void SoftmaxCrossEntropy_OneHotTargets_IsMeanNegativeLogProbability()
    {
        double[] logits = [1, 2, 3, 0, 0, 0];
        double[] target = [0, 0, 1, 1, 0, 0];
        var gradient = new double[6];

        var loss = new SoftmaxCrossEntropy().Gradient(logits, target, 2, gradient);

        var p3 = Math.Exp(3) / (Math.Exp(1) + Math.Exp(2) + Math.Exp(3));
        Assert.Equal((-Math.Log(p3) - Math.Log(1.0 / 3)) / 2, loss, 1e-14);
        Assert.Equal((p3 - 1) / 2, gradient[2], 15);
        Assert.Equal((1.0 / 3 - 1) / 2, gradient[3], 15);
    }

    [Fact]
    public void SoftmaxCrossEntropy_HugeLogits_IsFiniteAndExact()
    {
        // log softmax of the target class is −2000 exactly: its probability underflows to 0, the loss does not.
        double[] logits = [1000, -1000];
        double[] target = [0, 1];
        var gradient = new double[2];

        var loss = new SoftmaxCrossEntropy().Gradient(logits, target, 1, gradient);

        Assert.Equal(2000.0, loss);
        Assert.Equal(2000.0, new SoftmaxCrossEntropy().Value(logits, target, 1));
        Assert.Equal([1.0, -1.0], gradient);
    }

    [Fact]
    public void MeanSquaredError_KnownBatch_AveragesOverEveryElement()
    {
        var gradient = new double[4];

        var loss = new MeanSquaredError().Gradient([1, 2, 3, 4], [0, 2, 5, 4], 2, gradient);

        Assert.Equal((1 + 0 + 4 + 0) / 4.0, loss);
        Assert.Equal([0.5, 0, -1, 0], gradient);
    }

    [Fact]
    public void ElementwiseLoss_UserHuber_UsesGeneratedGradientOnBothBranches()
    {
        var gradient = new double[2];

        var loss = new ElementwiseLoss<HuberLoss>().Gradient([0.5, 4], [0, 0], 1, gradient);

        Assert.Equal((0.125 + 3.5) / 2, loss);
        Assert.Equal([0.25, 0.5], gradient);
    }

    internal static ILoss Create(string name) => name switch
    {
        "MeanSquaredError" => new MeanSquaredError(),
        "SoftmaxCrossEntropy" => new SoftmaxCrossEntropy(),
        "LogCosh" => new ElementwiseLoss<LogCoshLoss>(),
        "Huber" => new ElementwiseLoss<HuberLoss>(),
        _ => throw new ArgumentException(name),
    };
}
