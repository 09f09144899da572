using SymDiff.Functions;
using SymDiff.Layers;
using SymDiff.Losses;
using SymDiff.Tests.Functions;
using SymDiff.Tests.Layers.Functions;
using SymDiff.Training;

namespace SymDiff.Tests.Layers;

/// <summary>GradientCheck itself: it passes correct gradients and catches wrong ones, per element and along directions.</summary>
public sealed class GradientCheckTests
{
    [Fact]
    public void Model_WrongActivationDerivative_ReportsTheLayersTensors()
    {
        var random = new Random(1);
        var model = new Sequential(new Dense(2, 3, random), new Activation<WrongSquare>(3), new Dense(3, 1, random));
        var input = TestData.Matrix(1, 4);
        var target = TestData.Matrix(2, 2);

        var report = GradientCheck.Model(model, new MeanSquaredError(), input, target, batchSize: 2);
        var directions = GradientCheck.ModelDirections(model, new MeanSquaredError(), input, target, batchSize: 2, directions: 3);

        Assert.False(report.Passes(1e-3), report.ToString());
        Assert.True(report.Tensors[0].WorstRelativeError > 0.1, report.ToString()); // the first Dense layer's weights, upstream of the bug
        Assert.Equal("layer 0 Dense(2, 3) weights", report.Tensors[0].Name);
        Assert.True(report.Tensors[3].WorstRelativeError < 1e-7, report.ToString()); // the last layer's weights, downstream: still right
        Assert.False(directions.Passes(1e-3), directions.ToString());
    }

    [Fact]
    public void Model_CorrectModel_ReportsEveryTensorAndRestoresParameters()
    {
        var model = new Sequential(new Dense(2, 2, seed: 2), new Activation<Activations.SigmoidFunction>(2));
        var before = model.Parameters.Select(p => p.Values.ToArray()).ToArray();

        var report = GradientCheck.Model(model, new MeanSquaredError(), [0.3, -0.6], [1, 0], batchSize: 1);

        Assert.Equal(
            ["layer 0 Dense(2, 2) weights", "layer 0 Dense(2, 2) biases", "input"],
            report.Tensors.Select(t => t.Name));
        Assert.True(report.WorstRelativeError < 1e-8, report.ToString());
        Assert.Equal(before, model.Parameters.Select(p => p.Values.ToArray()).ToArray());
    }

    [Fact]
    public void Method_GeneratedGradient_Passes()
    {
        double[] point = [2, -1, -3, -2, -3];

        var report = GradientCheck.Method(
            p => Lecture.Neuron(p[0], p[1], p[2], p[3], p[4]),
            (p, g) => Lecture.NeuronGradient(p[0], p[1], p[2], p[3], p[4], out g[0], out g[1], out g[2], out g[3], out g[4]),
            point,
            ["w0", "x0", "w1", "x1", "w2"]);
        var directions = GradientCheck.MethodDirections(
            p => Lecture.Neuron(p[0], p[1], p[2], p[3], p[4]),
            (p, g) => Lecture.NeuronGradient(p[0], p[1], p[2], p[3], p[4], out g[0], out g[1], out g[2], out g[3], out g[4]),
            point,
            directions: 10);

        Assert.True(report.Passes(1e-8), report.ToString());
        Assert.Equal("w0", report.Tensors[0].Name);
        Assert.True(directions.Passes(1e-8), directions.ToString());
        Assert.Equal(10, directions.Tensors[0].Checks);
    }

    [Fact]
    public void Method_WrongGradient_NamesTheParameter()
    {
        var report = GradientCheck.Method(p => p[0] * p[1], (p, g) => { g[0] = p[1]; g[1] = 2 * p[0]; }, [3, 4], ["x", "y"]);

        Assert.True(report.Tensors[0].WorstRelativeError < 1e-9);
        Assert.Equal("y", report.Tensors.MaxBy(t => t.WorstRelativeError).Name);
        Assert.Equal(0.5, report.WorstRelativeError, 1e-9);
    }

    [Fact]
    public void RelativeError_NaN_FailsEveryTolerance()
    {
        Assert.True(double.IsNaN(GradientCheck.RelativeError(double.NaN, 1)));
        var report = GradientCheck.Method(p => p[0], (p, g) => g[0] = double.NaN, [1]);
        Assert.False(report.Passes(double.MaxValue));
    }
}
