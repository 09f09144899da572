using System.Text.Json;
using SymDiff.GradBench.Functions;

namespace SymDiff.GradBench.Modules;

/// <summary>lse: <c>primal</c> is log Σ exp(xᵢ), <c>gradient</c> its generated gradient (the softmax of x).</summary>
public sealed class LseModule : IEvalModule
{
    public string Name => "lse";

    public Computation? Prepare(string function, JsonElement input)
    {
        var x = JsonInput.Doubles(input.GetProperty("x"));
        switch (function)
        {
            case "primal":
                return new ScalarComputation(() => LogSumExp.Primal(x));
            case "gradient":
                var gradient = new double[x.Length];
                return new VectorComputation(gradient, () => LogSumExp.PrimalGradient(x, gradient));
            default:
                return null;
        }
    }
}
