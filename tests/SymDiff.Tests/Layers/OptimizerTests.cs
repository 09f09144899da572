using SymDiff.Layers;
using SymDiff.Optimizers;

namespace SymDiff.Tests.Layers;

/// <summary>Optimizer update rules, step by step, and the parameters an optimizer is created for.</summary>
public sealed class OptimizerTests
{
    [Fact]
    public void Sgd_PlainStep_SubtractsLearningRateTimesGradient()
    {
        var parameter = Parameter([1, 2], [0.5, -1]);

        new Sgd([parameter], 0.1).Step();

        Assert.Equal([0.95, 2.1], parameter.Values.ToArray());
    }

    [Fact]
    public void Sgd_Momentum_AccumulatesVelocity()
    {
        var parameter = Parameter([0], [1]);
        var sgd = new Sgd([parameter], 0.1, momentum: 0.9);

        sgd.Step(); // v = 1, θ = −0.1
        sgd.Step(); // v = 1.9, θ = −0.29

        Assert.Equal(-0.29, parameter.Values[0], 1e-15);
    }

    [Fact]
    public void Sgd_WeightDecay_AddsLambdaTheta()
    {
        var parameter = Parameter([2], [0]);

        new Sgd([parameter], 0.5, weightDecay: 0.1).Step();

        Assert.Equal(2 - 0.5 * 0.1 * 2, parameter.Values[0], 1e-15);
    }

    [Fact]
    public void Adam_FirstStep_MovesEveryParameterByTheLearningRate()
    {
        // m̂ = g and v̂ = g² after one step, so the step is η·g/(|g| + ε) ≈ η·sign(g), whatever |g|.
        var parameter = Parameter([1, 1, 1], [1e-3, -50, 2]);

        new Adam([parameter], 0.01).Step();

        Assert.Equal([0.99, 1.01, 0.99], parameter.Values.ToArray().Select(v => Math.Round(v, 6)));
    }

    [Fact]
    public void Adam_KnownTwoSteps_MatchesFormula()
    {
        var parameter = Parameter([0], [1]);
        var adam = new Adam([parameter], 0.1, beta1: 0.5, beta2: 0.75, epsilon: 0);
        adam.Step();
        parameter.Gradients[0] = -1;

        adam.Step();

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
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd([Parameter([0], [0])], learningRate, momentum));
    }

    [Fact]
    public void Adam_InvalidBeta_ThrowsNamingIt()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new Adam([Parameter([0], [0])], beta2: 1));
        Assert.Equal("beta2", exception.ParamName);
    }

    [Fact]
    public void Sgd_MomentumAndWeightDecay_FollowsTheTrajectoryOfVersion01()
    {
        // Recorded with 0.1's Sgd, which bound its state on every Step(parameters); bit for bit the same.
        var snapshots = QuadraticTrajectory(parameters => new Sgd(parameters, 0.1, momentum: 0.9, weightDecay: 0.01));

        Assert.Equal([0.849, -0.798, -0.4005000000000001, 2.197, -0.599, -0.1, 1.598], snapshots[1]);
        Assert.Equal([-0.18993718856235103, 3.1784158841872023, -1.3383476375878005, 2.386753031755397, 2.1600318716126012, -0.7880378732201001, -1.1679122503448023], snapshots[5]);
        Assert.Equal([0.37260288789993085, 1.4151653205398869, -1.142585399355606, 2.1850155832213147, 0.6661340526630976, -0.4154947762252113, 0.32971099957465044], snapshots[25]);
    }

    [Fact]
    public void Adam_Defaults_FollowsTheTrajectoryOfVersion01()
    {
        var snapshots = QuadraticTrajectory(parameters => new Adam(parameters, 0.05));

        Assert.Equal([0.9500000003333333, -1.9500000000416666, 0.45000000005555557, 2.9500000000625, -0.950000000125, -0.04999999950000001, 1.950000000125], snapshots[1]);
        Assert.Equal([0.7521790856000767, -1.7504011172003366, 0.25088972797108466, 2.751477890323012, -0.7506337651167313, -0.24601816903638957, 1.7506337651167314], snapshots[5]);
        Assert.Equal([0.1156829463863504, -0.7968376970592305, -0.6305213669511988, 1.9766313812119123, 0.17071867167726335, -0.5902771935303048, 0.8292813283227365], snapshots[25]);
    }

    [Theory]
    [InlineData("Adam")]
    [InlineData("Sgd")]
    [InlineData("Sgd without momentum")]
    public void Step_AfterCreation_AllocatesNothing(string kind)
    {
        var parameters = new[] { Parameter([1, 2, 3], [0.5, -1, 2]), Parameter([4, 5], [1, 1]) };
        IOptimizer optimizer = kind switch
        {
            "Adam" => new Adam(parameters, 0.01),
            "Sgd" => new Sgd(parameters, 0.01, momentum: 0.9, weightDecay: 0.1),
            _ => new Sgd(parameters, 0.01),
        };
        optimizer.Step();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            optimizer.Step();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Parameters_ListChangedAfterCreation_StepUpdatesTheOriginalOnes()
    {
        var first = Parameter([1], [1]);
        var list = new List<Parameter> { first };
        var sgd = new Sgd(list, 0.5);
        list[0] = Parameter([7], [1]);

        sgd.Step();

        Assert.Same(first, Assert.Single(sgd.Parameters));
        Assert.Equal(0.5, first.Values[0]);
        Assert.Equal(7, list[0].Values[0]);
    }

    [Fact]
    public void Create_NoParameters_ThrowsSayingSo()
    {
        var exception = Assert.Throws<ArgumentException>(() => new Adam([]));

        Assert.Equal("parameters", exception.ParamName);
        Assert.StartsWith("The optimizer was given no parameters to update.", exception.Message);
    }

    [Fact]
    public void Create_SameParameterTwice_ThrowsNamingBothPositions()
    {
        var parameter = Parameter([1], [1]);

        var exception = Assert.Throws<ArgumentException>(() => new Sgd([Parameter([0], [0]), parameter, parameter], 0.1));

        Assert.StartsWith("Parameter 2 (p) is the same object as parameter 1; each step would update it twice.", exception.Message);
    }

    [Fact]
    public void Create_NullParameter_ThrowsNamingIt()
    {
        var exception = Assert.Throws<ArgumentException>(() => new Sgd([Parameter([0], [0]), null!], 0.1));

        Assert.StartsWith("Parameter 1 is null.", exception.Message);
    }

    /// <summary>
    /// Minimises <c>Σᵢ (i + 1)·(aᵢ − cᵢ)² + Σⱼ (bⱼ − dⱼ)²</c> over a 2 × 2 and a 1 × 3 parameter for 25
    /// steps; returns the values (a then b) after steps 1, 5 and 25.
    /// </summary>
    private static Dictionary<int, double[]> QuadraticTrajectory(Func<IReadOnlyList<Parameter>, IOptimizer> create)
    {
        var a = new Parameter("weights", 2, 2);
        var b = new Parameter("biases", 1, 3);
        new double[] { 1, -2, 0.5, 3 }.CopyTo(a.Values);
        new double[] { -1, 0, 2 }.CopyTo(b.Values);
        double[] aTarget = [0.25, 1, -1, 2];
        double[] bTarget = [1, -0.5, 0];
        var optimizer = create([a, b]);
        var snapshots = new Dictionary<int, double[]>();
        for (var step = 1; step <= 25; step++)
        {
            for (var i = 0; i < 4; i++)
            {
                a.Gradients[i] = 2 * (a.Values[i] - aTarget[i]) * (i + 1);
            }

            for (var i = 0; i < 3; i++)
            {
                b.Gradients[i] = 2 * (b.Values[i] - bTarget[i]);
            }

            optimizer.Step();
            if (step is 1 or 5 or 25)
            {
                snapshots[step] = [.. a.Values.ToArray(), .. b.Values.ToArray()];
            }
        }

        return snapshots;
    }

    private static Parameter Parameter(double[] values, double[] gradients)
    {
        var parameter = new Parameter("p", 1, values.Length);
        values.CopyTo(parameter.Values);
        gradients.CopyTo(parameter.Gradients);
        return parameter;
    }
}
