using System.Text.Json;
using SymDiff.GradBench.Functions;

namespace SymDiff.GradBench.Modules;

/// <summary>llsq: <c>primal</c> is the least-squares objective, <c>gradient</c> its generated gradient in x.</summary>
public sealed class LlsqModule : IEvalModule
{
    public string Name => "llsq";

    public Computation? Prepare(string function, JsonElement input)
    {
        var x = JsonInput.Doubles(input.GetProperty("x"));
        var n = input.GetProperty("n").GetInt32();
        switch (function)
        {
            case "primal":
                return new ScalarComputation(() => LeastSquares.Primal(x, n));
            case "gradient":
                var gradient = new double[x.Length];
                return new VectorComputation(gradient, () => LeastSquares.PrimalGradient(x, n, gradient));
            default:
                return null;
        }
    }
}
