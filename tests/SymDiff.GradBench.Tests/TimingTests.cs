using System.Text.Json;
using SymDiff.GradBench.Tests.Infrastructure;

namespace SymDiff.GradBench.Tests;

/// <summary>min_runs and min_seconds: how many runs, and one integer-nanosecond timing per run. No speed is asserted.</summary>
public class TimingTests
{
    [Fact]
    public void Evaluate_ThreeMinRunsZeroSeconds_ReportsExactlyThreeIntegerTimings()
    {
        var reply = Evaluate(Messages.VectorInput([0.1, 0.2, 0.3], minRuns: 3, minSeconds: "0"));

        var timings = reply.GetProperty("timings").EnumerateArray().ToList();
        Assert.Equal(3, timings.Count);
        Assert.All(timings, timing =>
        {
            Assert.Equal("evaluate", timing.GetProperty("name").GetString());
            var nanoseconds = timing.GetProperty("nanoseconds");
            Assert.DoesNotContain('.', nanoseconds.GetRawText());
            Assert.True(nanoseconds.TryGetInt64(out var value) && value >= 0);
        });
    }

    [Fact]
    public void Evaluate_FloatMinSeconds_RunsUntilTheTimingsAddUpToIt()
    {
        var reply = Evaluate(Messages.VectorInput([0.1, 0.2, 0.3], minRuns: 1, minSeconds: "0.002"));

        var total = reply.GetProperty("timings").EnumerateArray().Sum(timing => timing.GetProperty("nanoseconds").GetInt64());
        Assert.True(total >= 2_000_000, $"the runs add up to {total} ns");
    }

    [Fact]
    public void Evaluate_BareNumberInput_RunsOnce()
    {
        var reply = Assert.Single(ToolSession.Replies(Messages.Evaluate(2, "hello", "double", "1.5")));

        Assert.Equal(3.0, reply.GetProperty("output").GetDouble());
        Assert.Equal(1, reply.GetProperty("timings").GetArrayLength());
    }

    private static JsonElement Evaluate(string input) =>
        Assert.Single(ToolSession.Replies(Messages.Evaluate(2, "lse", "primal", input)));
}
