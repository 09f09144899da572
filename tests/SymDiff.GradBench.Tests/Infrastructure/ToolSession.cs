using System.Text.Json;
using SymDiff.GradBench.Modules;
using SymDiff.GradBench.Protocol;

namespace SymDiff.GradBench.Tests.Infrastructure;

/// <summary>Drives the tool's message loop in process, as GradBench drives the process through its pipes.</summary>
public static class ToolSession
{
    /// <summary>Sends <paramref name="messages"/> and closes the input; returns every line the tool wrote.</summary>
    public static IReadOnlyList<string> RawReplies(params string[] messages)
    {
        var output = new StringWriter { NewLine = "\n" };
        new MessageLoop(new StringReader(string.Join("\n", messages) + "\n"), output, TextWriter.Null, ModuleCatalog.Default).Run();
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Each reply line parsed as strict JSON (System.Text.Json rejects NaN and Infinity tokens).</summary>
    public static IReadOnlyList<JsonElement> Replies(params string[] messages) =>
        RawReplies(messages).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();

    /// <summary>
    /// A conversation in which each message may depend on the replies so far: <paramref name="next"/> is asked for the
    /// next message only after the tool has answered the previous one, and ends the input by returning null.
    /// </summary>
    public static IReadOnlyList<JsonElement> Converse(Func<IReadOnlyList<JsonElement>, string?> next)
    {
        var output = new StringWriter { NewLine = "\n" };
        var replies = new List<JsonElement>();
        var input = new PromptedReader(() =>
        {
            replies.Clear();
            foreach (var line in output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                replies.Add(JsonDocument.Parse(line).RootElement.Clone());
            }

            return next(replies);
        });
        new MessageLoop(input, output, TextWriter.Null, ModuleCatalog.Default).Run();
        return replies;
    }

    private sealed class PromptedReader(Func<string?> nextLine) : TextReader
    {
        public override string? ReadLine() => nextLine();
    }
}
