using System.Text.Json;
using SymDiff.GradBench.Tests.Infrastructure;

namespace SymDiff.GradBench.Tests;

/// <summary>
/// GradBench's reference traffic for the smallest workloads, replayed: every message the eval sent, fed to the tool; each
/// output compared with the reply of GradBench's hand-written C++ tool by GradBench's rule (same shape, numbers within
/// |x − e| / max(1, |x| + |e|) ≤ 1e-4).
/// </summary>
public class TrafficTests
{
    [Theory]
    [InlineData("hello")]
    [InlineData("lse")]
    [InlineData("llsq")]
    [InlineData("kmeans")]
    [InlineData("gmm")]
    [InlineData("ba")]
    public void ReferenceTraffic_EveryOutput_IsAcceptedByGradBenchsRule(string eval)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Traffic", eval + ".jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        var messages = lines.Where(l => l.TryGetProperty("message", out _)).Select(l => l.GetProperty("message")).ToList();
        var expected = lines.Where(l => l.TryGetProperty("response", out _)).Select(l => l.GetProperty("response"))
            .ToDictionary(r => r.GetProperty("id").GetInt32());

        var replies = ToolSession.Replies(messages.Select(m => m.GetRawText()).ToArray()).ToDictionary(r => r.GetProperty("id").GetInt32());

        var evaluated = 0;
        foreach (var message in messages.Where(m => m.GetProperty("kind").GetString() == "evaluate"))
        {
            var id = message.GetProperty("id").GetInt32();
            var what = eval + " " + message.GetProperty("function").GetString() + " (id " + id + ")";
            Assert.True(replies[id].GetProperty("success").GetBoolean(), what + " failed: " + replies[id].GetRawText());
            Same(expected[id].GetProperty("output"), replies[id].GetProperty("output"), what);
            evaluated++;
        }

        Assert.True(evaluated > 0, eval + ": no evaluate message in the traffic");
    }

    private static void Same(JsonElement expected, JsonElement actual, string what)
    {
        Assert.Equal(expected.ValueKind, actual.ValueKind);
        switch (expected.ValueKind)
        {
            case JsonValueKind.Number when expected.GetRawText().All(c => char.IsDigit(c) || c == '-'):
                // An integer (a CSR index, a count) must match exactly.
                Assert.True(expected.GetRawText() == actual.GetRawText(), what + ": " + actual.GetRawText() + ", expected " + expected.GetRawText());
                break;
            case JsonValueKind.Number:
                Close.AcceptedByGradBench(expected.GetDouble(), actual.GetDouble(), what);
                break;
            case JsonValueKind.Array:
                Assert.True(expected.GetArrayLength() == actual.GetArrayLength(), what + ": " + actual.GetArrayLength() + " elements, expected " + expected.GetArrayLength());
                foreach (var (e, a, i) in expected.EnumerateArray().Zip(actual.EnumerateArray()).Select((p, i) => (p.First, p.Second, i)))
                {
                    Same(e, a, what + "[" + i + "]");
                }

                break;
            case JsonValueKind.Object:
                Assert.Equal(expected.EnumerateObject().Select(p => p.Name).Order(), actual.EnumerateObject().Select(p => p.Name).Order());
                foreach (var property in expected.EnumerateObject())
                {
                    Same(property.Value, actual.GetProperty(property.Name), what + "." + property.Name);
                }

                break;
            default:
                Assert.Equal(expected.GetRawText(), actual.GetRawText());
                break;
        }
    }
}
