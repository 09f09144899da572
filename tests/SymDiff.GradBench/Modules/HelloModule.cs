using System.Text.Json;
using SymDiff.GradBench.Functions;

namespace SymDiff.GradBench.Modules;

/// <summary>hello: <c>square</c> is x², and <c>double</c> is its derivative 2x, taken from the generated gradient.</summary>
public sealed class HelloModule : IEvalModule
{
    public string Name => "hello";

    public Computation? Prepare(string function, JsonElement input)
    {
        var x = input.GetDouble();
        return function switch
        {
            "square" => new ScalarComputation(() => Hello.Square(x)),
            "double" => new ScalarComputation(() =>
            {
                Hello.SquareGradient(x, out var dx);
                return dx;
            }),
            _ => null,
        };
    }
}
