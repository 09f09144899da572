using SymDiff.Functions;
using SymDiff.Training;

namespace SymDiff.Tests.Layers;

/// <summary>The runtime's activations are [Differentiable] methods: their generated derivatives against finite differences.</summary>
public sealed class ActivationFunctionTests
{
    public static TheoryData<string> Names => ["Relu", "Sigmoid", "Tanh", "Softplus", "Gelu", "Swish"];

    [Theory]
    [MemberData(nameof(Names))]
    public void Derivative_SmoothPoints_MatchesFiniteDifferences(string name)
    {
        foreach (var x in new[] { -7.5, -2.0, -0.3, 0.2, 1.0, 3.7, 12.0 })
        {
            var report = GradientCheck.Method(p => Value(name, p[0]), (p, g) => g[0] = Derivative(name, p[0]), [x], ["x"]);
            Assert.True(report.Passes(1e-6), $"{name} at {x}: {report}");
        }
    }

    [Theory]
    [InlineData("Relu")]
    [InlineData("Sigmoid")]
    [InlineData("Tanh")]
    [InlineData("Softplus")]
    [InlineData("Gelu")]
    public void ValueAndDerivative_HugeArguments_StayFinite(string name)
    {
        foreach (var x in new[] { -1e300, -1000.0, -710.0, 710.0, 1000.0 })
        {
            Assert.True(double.IsFinite(Value(name, x)), $"{name}({x}) = {Value(name, x)}");
            Assert.True(double.IsFinite(Derivative(name, x)), $"{name}'({x}) = {Derivative(name, x)}");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Value_NaN_IsNaNExceptRelu(string name)
    {
        Assert.Equal(name != "Relu", double.IsNaN(Value(name, double.NaN)));
    }

    [Fact]
    public void KnownValues_AtZeroAndOne_MatchFormulas()
    {
        Assert.Equal(0.0, Activations.ReluFunction.Value(0));
        Assert.Equal(0.0, Activations.ReluFunction.Derivative(0));
        Assert.Equal(1.0, Activations.ReluFunction.Derivative(1e-300));
        Assert.Equal(0.5, Activations.SigmoidFunction.Value(0));
        Assert.Equal(0.25, Activations.SigmoidFunction.Derivative(0));
        Assert.Equal(Math.Log(2), Activations.SoftplusFunction.Value(0), 15);
        Assert.Equal(0.5, Activations.SoftplusFunction.Derivative(0));
        Assert.Equal(1 - Math.Tanh(1) * Math.Tanh(1), Activations.TanhFunction.Derivative(1), 15);
        Assert.Equal(0.5 * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * 1.044715)), Activations.GeluFunction.Value(1), 15);
        Assert.Equal(1e-300, Activations.SoftplusFunction.Value(Math.Log(1e-300)), 1e-310);
        Assert.Equal(Math.Exp(-36), Activations.SoftplusFunction.Value(-36), Math.Exp(-36) * 1e-15);
        Assert.Equal(0.006715348489118068, Activations.SoftplusFunction.Value(-5), 2e-18); // log1p(e⁻⁵); the naive ln(1 + e⁻⁵) is 1e-16 off
        Assert.Equal(5.006715348489118, Activations.SoftplusFunction.Value(5), 1e-15);
        Assert.Equal(25.0, Activations.GeluFunction.Value(25));
        Assert.Equal(0.0, Activations.GeluFunction.Derivative(-25));
        Assert.Equal(1000.0, Activations.SoftplusFunction.Value(1000));
        Assert.Equal(0.0, Activations.SigmoidFunction.Derivative(-1000));
    }

    internal static double Value(string name, double x) => name switch
    {
        "Relu" => Activations.ReluFunction.Value(x),
        "Sigmoid" => Activations.SigmoidFunction.Value(x),
        "Tanh" => Activations.TanhFunction.Value(x),
        "Softplus" => Activations.SoftplusFunction.Value(x),
        "Gelu" => Activations.GeluFunction.Value(x),
        "Swish" => Functions.Swish.Value(x),
        _ => throw new ArgumentException(name),
    };

    internal static double Derivative(string name, double x) => name switch
    {
        "Relu" => Activations.ReluFunction.Derivative(x),
        "Sigmoid" => Activations.SigmoidFunction.Derivative(x),
        "Tanh" => Activations.TanhFunction.Derivative(x),
        "Softplus" => Activations.SoftplusFunction.Derivative(x),
        "Gelu" => Activations.GeluFunction.Derivative(x),
        "Swish" => Functions.Swish.Derivative(x),
        _ => throw new ArgumentException(name),
    };
}
