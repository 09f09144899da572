using SymDiff.Layers;
using SymDiff.Optimizers;

namespace SymDiff.Tests.Layers;

/// <summary>Optimizer update rules, step by step.</summary>
public sealed class OptimizerTests
{
    [Fact]
    public void Sgd_PlainStep_SubtractsLearningRateTimesGradient()
    {
        var parameter = Parameter([1, 2], [0.5, -1]);

        new Sgd(0.1).Step([parameter]);

        Assert.Equal([0.95, 2.1], parameter.Values.ToArray());
    }

    [Fact]
    public void Sgd_Momentum_AccumulatesVelocity()
    {
        var parameter = Parameter([0], [1]);
        var sgd = new Sgd(0.1, momentum: 0.9);

        sgd.Step([parameter]); // v = 1, θ = −0.1
        sgd.Step([parameter]); // v = 1.9, θ = −0.29

        Assert.Equal(-0.29, parameter.Values[0], 1e-15);
    }

    [Fact]
    public void Sgd_WeightDecay_AddsLambdaTheta()
    {
        var parameter = Parameter([2], [0]);

        new Sgd(0.5, weightDecay: 0.1).Step([parameter]);

        Assert.Equal(2 - 0.5 * 0.1 * 2, parameter.Values[0], 1e-15);
    }

    [Fact]
    public void Adam_FirstStep_MovesEveryParameterByTheLearningRate()
    {
        // m̂ = g and v̂ = g² after one step, so the step is η·g/(|g| + ε) ≈ η·sign(g), whatever |g|.
        var parameter = Parameter([1, 1, 1], [1e-3, -50, 2]);

        new Adam(0.01).Step([parameter]);

        Assert.Equal([0.99, 1.01, 0.99], parameter.Values.ToArray().Select(v => Math.Round(v, 6)));
    }

    [Fact]
    public void Adam_KnownTwoSteps_MatchesFormula()
    {
        var parameter = Parameter([0], [1]);
        var adam = new Adam(0.1, beta1: 0.5, beta2: 0.75, epsilon: 0);
        adam.Step([parameter]);
        parameter.Gradients[0] = -1;

        adam.Step([parameter]);

        // t = 2: m = 0.5·0.5 − 0.5 = −0.25, v = 0.75·0.25 + 0.25 = 0.4375; m̂ = −1/3, v̂ = 1.
        Assert.Equal(-0.1 + 0.1 / 3, parameter.Values[0], 1e-15);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(-1.0, 0.0)]
    [InlineData(double.NaN, 0.0)]
    [InlineData(0.1, 1.0)]
    public void Sgd_InvalidSettings_Throw(double learningRate, double momentum)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(learningRate, momentum));
    }

    [Fact]
    public void Adam_InvalidBeta_ThrowsNamingIt()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(beta2: 1));
        Assert.Equal("beta2", exception.ParamName);
    }

    private static Parameter Parameter(double[] values, double[] gradients)
    {
        var parameter = new Parameter("p", 1, values.Length);
        values.CopyTo(parameter.Values);
        gradients.CopyTo(parameter.Gradients);
        return parameter;
    }
}
