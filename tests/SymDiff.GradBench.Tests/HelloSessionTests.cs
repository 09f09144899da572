using System.Text.Json;
using SymDiff.GradBench.Tests.Infrastructure;

namespace SymDiff.GradBench.Tests;

/// <summary>The hello eval as GradBench runs it: each input is the tool's own previous output.</summary>
public class HelloSessionTests
{
    [Fact]
    public void HelloEval_EightChainedEvaluates_SquareThenDoubleFourTimes()
    {
        var replies = ToolSession.Converse(HelloEval);

        Assert.Equal(2 + 8 * 2, replies.Count);
        Assert.Equal("symdiff", replies[0].GetProperty("tool").GetString());
        Assert.True(replies[1].GetProperty("success").GetBoolean());
        double[] expected = [1, 2, 4, 8, 64, 128, 16384, 32768];
        for (var k = 0; k < 8; k++)
        {
            var evaluate = replies[2 + 2 * k];
            Assert.True(evaluate.GetProperty("success").GetBoolean());
            Assert.Equal(expected[k], evaluate.GetProperty("output").GetDouble());
            Assert.False(evaluate.TryGetProperty("error", out _));
            Assert.Equal(1, evaluate.GetProperty("timings").GetArrayLength());
        }
    }

    [Fact]
    public void HelloEval_EveryReply_CarriesItsRequestsId()
    {
        var replies = ToolSession.Converse(HelloEval);

        for (var id = 0; id < replies.Count; id++)
        {
            Assert.Equal(id, replies[id].GetProperty("id").GetInt32());
        }
    }

    /// <summary>start, define, then square/double alternating from x = 1, each evaluate followed by its analysis.</summary>
    private static string? HelloEval(IReadOnlyList<JsonElement> replies)
    {
        var id = replies.Count;
        if (id == 0)
        {
            return Messages.Start(0, "hello");
        }

        if (id == 1)
        {
            return Messages.Define(1, "hello");
        }

        var step = (id - 2) / 2;
        if (step == 8)
        {
            return null;
        }

        if ((id - 2) % 2 == 1)
        {
            return Messages.Analysis(id, id - 1);
        }

        var x = step == 0 ? 1.0 : replies[id - 2].GetProperty("output").GetDouble();
        return Messages.Evaluate(id, "hello", step % 2 == 0 ? "square" : "double", Messages.Number(x));
    }
}
