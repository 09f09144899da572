using System.Text.Json;
using SymDiff.GradBench.Tests.Infrastructure;

namespace SymDiff.GradBench.Tests;

/// <summary>The protocol's messages other than timing: replies, ids, refusals, strict JSON, the end of input.</summary>
public class MessageTests
{
    [Fact]
    public void Start_RepliesWithItsIdAndTheToolName()
    {
        var reply = Assert.Single(ToolSession.RawReplies("""{"id":0,"kind":"start","eval":"gmm","config":{"n":1000}}"""));

        Assert.Equal("""{"id":0,"tool":"symdiff"}""", reply);
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("lse")]
    [InlineData("llsq")]
    [InlineData("gmm")]
    [InlineData("kmeans")]
    [InlineData("ba")]
    public void Define_ImplementedModule_SucceedsWithoutError(string module)
    {
        var reply = Assert.Single(ToolSession.RawReplies(Messages.Define(1, module)));

        Assert.Equal("""{"id":1,"success":true}""", reply);
    }

    [Theory]
    [InlineData("det", "recursion")]
    [InlineData("ode", "SD2004")]
    [InlineData("lstm", "SD2004")]
    [InlineData("ht", "SD2004")]
    [InlineData("particle", "SD2003")]
    [InlineData("saddle", "nested AD")]
    [InlineData("nosuch", "does not know the module 'nosuch'")]
    public void Define_ModuleNotImplemented_FailsWithItsReason(string module, string reasonPart)
    {
        var reply = Assert.Single(ToolSession.Replies(Messages.Define(1, module)));

        Assert.Equal(1, reply.GetProperty("id").GetInt32());
        Assert.False(reply.GetProperty("success").GetBoolean());
        Assert.Contains(reasonPart, reply.GetProperty("error").GetString());
        Assert.False(reply.TryGetProperty("output", out _));
    }

    [Fact]
    public void AnalysisAndUnknownKinds_AreAnsweredWithTheIdAlone()
    {
        var replies = ToolSession.RawReplies(Messages.Analysis(3, 2), """{"id":4,"kind":"analysis","of":2,"valid":false,"error":"x"}""", """{"id":5,"kind":"shutdown"}""");

        Assert.Equal(["""{"id":3}""", """{"id":4}""", """{"id":5}"""], replies);
    }

    [Fact]
    public void Evaluate_UnknownFunction_FailsWithoutOutput()
    {
        var reply = Assert.Single(ToolSession.Replies(Messages.Evaluate(7, "lse", "hessian", Messages.VectorInput([1, 2]))));

        Assert.Equal(7, reply.GetProperty("id").GetInt32());
        Assert.False(reply.GetProperty("success").GetBoolean());
        Assert.Contains("hessian", reply.GetProperty("error").GetString());
        Assert.False(reply.TryGetProperty("output", out _));
    }

    [Fact]
    public void Evaluate_NonFiniteResult_FailsInsteadOfWritingInfinity()
    {
        // fit ≈ 1e308·(1 + t) at t ≠ −1: its square overflows.
        var input = Messages.VectorInput([1e308, 1e308], extra: ""","n":4""");

        var line = Assert.Single(ToolSession.RawReplies(Messages.Evaluate(2, "llsq", "primal", input)));

        Assert.DoesNotContain("Infinity", line);
        var reply = JsonDocument.Parse(line).RootElement;
        Assert.False(reply.GetProperty("success").GetBoolean());
        Assert.Contains("not finite", reply.GetProperty("error").GetString());
    }

    [Fact]
    public void Evaluate_InputOfTheWrongShape_FailsAndTheToolGoesOn()
    {
        var replies = ToolSession.Replies(
            Messages.Evaluate(2, "lse", "primal", """{"y":[1],"min_runs":1,"min_seconds":0}"""),
            Messages.Evaluate(3, "hello", "square", "2.0"));

        Assert.False(replies[0].GetProperty("success").GetBoolean());
        Assert.Equal(4.0, replies[1].GetProperty("output").GetDouble());
    }

    [Fact]
    public void Session_EndOfInput_ReturnsAfterOneLinePerMessage()
    {
        var replies = ToolSession.RawReplies(Messages.Start(0, "lse"), Messages.Define(1, "lse"),
            Messages.Evaluate(2, "lse", "gradient", Messages.VectorInput([0.5, 0.25, 0.125])), Messages.Analysis(3, 2));

        Assert.Equal(4, replies.Count);
        Assert.All(replies, line => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(line).RootElement.ValueKind));
    }

    [Theory]
    [InlineData("kmeans", "cost", """{"points":[[1.0]],"centroids":[]}""", "at least one centroid")]
    [InlineData("ba", "objective", """{"n":0,"m":1,"p":1,"cam":[0,0,0,0,0,0,1,0,0,0,0],"x":[0,0,1],"w":1,"feat":[0,0]}""", "n, m and p positive")]
    [InlineData("ba", "objective", """{"n":1,"m":1,"p":1,"cam":[0,0,0],"x":[0,0,1],"w":1,"feat":[0,0]}""", "cam has 3 numbers, expected 11")]
    public void Evaluate_MalformedInput_FailsNamingTheProblem(string module, string function, string input, string reasonPart)
    {
        var reply = Assert.Single(ToolSession.Replies(Messages.Evaluate(9, module, function, input)));

        Assert.False(reply.GetProperty("success").GetBoolean());
        Assert.Contains(reasonPart, reply.GetProperty("error").GetString());
    }
}
