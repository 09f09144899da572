using SymDiff.Functions;
using SymDiff.Layers;
using SymDiff.Losses;
using SymDiff.Training;

namespace SymDiff.Tests.Layers;

/// <summary>
/// The adapters SymDiff generates for a method of one double (<c>NameFunction</c>, an activation) and of
/// (prediction, target) (<c>NameLoss</c>): they compute the method and its exact derivative, and plug into layers
/// and losses with nothing written by hand.
/// </summary>
public static partial class GeneratedAdapterTests
{
    [Differentiable]
    public static double Softsign(double x) => x / (1 + Math.Abs(x));

    [Differentiable]
    public static double LogCosh(double prediction, double target) => Math.Log(Math.Cosh(prediction - target));

    // Named as the adapter's own members: the adapter must still call this method, not itself.
    [Differentiable]
    public static double Value(double x) => x * x * x;

    [Theory]
    [InlineData(-3.0)]
    [InlineData(-0.25)]
    [InlineData(0.5)]
    [InlineData(7.0)]
    public static void Function_GivesTheMethodAndItsDerivative(double x)
    {
        Assert.Equal(Softsign(x), SoftsignFunction.Value(x));
        var byHand = 1 / ((1 + Math.Abs(x)) * (1 + Math.Abs(x)));
        Assert.Equal(byHand, SoftsignFunction.Derivative(x), 15);
        Assert.Equal(CentralDifference(Softsign, x), SoftsignFunction.Derivative(x), 8);
        Assert.Equal(x * x * x, ValueFunction.Value(x));
        Assert.Equal(3 * x * x, ValueFunction.Derivative(x), 12);
    }

    [Fact]
    public static void Function_IsAnActivationNamedAfterTheMethod()
    {
        var activation = ActivationFunction.Of<SoftsignFunction>();
        Assert.Equal("Softsign", activation.Name);
        Assert.Equal("Activation<Softsign>(3)", new Activation<SoftsignFunction>(3).Name);

        var model = new Sequential(new Dense(2, 3, seed: 4, activation), new Dense(3, 1, seed: 5));
        var report = GradientCheck.Model(model, new MeanSquaredError(), [0.3, -1.2, 2.0, 0.7], [1.0, -0.5], batchSize: 2);
        Assert.True(report.Passes(1e-6), report.ToString());
    }

    [Theory]
    [InlineData(0.5, -1.0)]
    [InlineData(-2.0, 3.0)]
    [InlineData(1.0, 1.0)]
    public static void Loss_GivesTheMethodAndItsDerivativeByThePrediction(double prediction, double target)
    {
        Assert.Equal(LogCosh(prediction, target), LogCoshLoss.Value(prediction, target));
        Assert.Equal(Math.Tanh(prediction - target), LogCoshLoss.Derivative(prediction, target), 15);
        Assert.Equal(CentralDifference(p => LogCosh(p, target), prediction), LogCoshLoss.Derivative(prediction, target), 8);
    }

    [Fact]
    public static void Loss_IsAnElementwiseLoss()
    {
        var loss = new ElementwiseLoss<LogCoshLoss>();
        double[] prediction = [0.5, -2.0, 1.5, 0.0];
        double[] target = [1.0, -1.0, 1.5, 2.0];
        var gradient = new double[4];
        var value = loss.Gradient(prediction, target, batchSize: 2, gradient);
        Assert.Equal(prediction.Zip(target, LogCosh).Average(), value, 15);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(Math.Tanh(prediction[i] - target[i]) / 4, gradient[i], 15);
        }
    }

    private static double CentralDifference(Func<double, double> f, double x)
    {
        var h = 1e-5 * Math.Max(1, Math.Abs(x));
        return (f(x + h) - f(x - h)) / (2 * h);
    }
}
