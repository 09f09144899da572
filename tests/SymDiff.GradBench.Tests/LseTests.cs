using SymDiff.GradBench.Functions;
using SymDiff.GradBench.Tests.Infrastructure;
using SymDiff.Tests.Infrastructure;

namespace SymDiff.GradBench.Tests;

/// <summary>lse against formulas that share no code with it: the direct log Σ exp, the softmax, central differences.</summary>
public class LseTests
{
    [Theory]
    [InlineData(2500)]
    [InlineData(5000)]
    public void Primal_GradBenchInputs_MatchesTheUnshiftedFormula(int n)
    {
        var x = Inputs.Uniform(n, 31337);

        Close.Relative(Math.Log(x.Sum(Math.Exp)), LogSumExp.Primal(x), 1e-13, $"lse n = {n}");
    }

    [Fact]
    public void Primal_InputsWhoseExpOverflows_StaysFiniteThanksToTheShift()
    {
        double[] x = [1000, 1000, 999];

        Close.Relative(1000 + Math.Log(2 + Math.Exp(-1)), LogSumExp.Primal(x), 1e-15, "lse of large inputs");
    }

    [Theory]
    [InlineData(2500)]
    [InlineData(5000)]
    public void Gradient_GradBenchInputs_IsThePlainSoftmax(int n)
    {
        var x = Inputs.Uniform(n, 31337);
        var total = x.Sum(Math.Exp);
        var gradient = new double[n];

        var value = LogSumExp.PrimalGradient(x, gradient);

        Close.Relative(LogSumExp.Primal(x), value, 0, "the gradient's value is the primal's");
        for (var i = 0; i < n; i++)
        {
            Close.Relative(Math.Exp(x[i]) / total, gradient[i], 1e-13, $"softmax[{i}]");
        }
    }

    [Fact]
    public void Gradient_SpreadInputs_MatchesCentralDifferences()
    {
        var x = Inputs.Uniform(8, 7, low: -3, high: 3);
        var gradient = new double[x.Length];

        LogSumExp.PrimalGradient(x, gradient);

        var differences = FiniteDifference.Gradient(point => LogSumExp.Primal(point), x);
        for (var i = 0; i < x.Length; i++)
        {
            Close.Relative(differences[i], gradient[i], 1e-8, $"∂lse/∂x[{i}]");
        }
    }

    [Fact]
    public void GradientThroughTheProtocol_IsTheSoftmaxToTheLastBit()
    {
        var x = Inputs.Uniform(2500, 31337);
        var direct = new double[x.Length];
        LogSumExp.PrimalGradient(x, direct);
        var total = x.Sum(Math.Exp);

        var reply = Assert.Single(ToolSession.Replies(Messages.Evaluate(2, "lse", "gradient", Messages.VectorInput(x))));

        var output = reply.GetProperty("output").EnumerateArray().Select(element => element.GetDouble()).ToArray();
        Assert.Equal(direct, output);
        for (var i = 0; i < x.Length; i++)
        {
            Close.AcceptedByGradBench(Math.Exp(x[i]) / total, output[i], $"softmax[{i}]");
        }
    }
}
