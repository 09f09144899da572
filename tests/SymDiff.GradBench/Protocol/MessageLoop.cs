using System.Text.Json;
using SymDiff.GradBench.Modules;

namespace SymDiff.GradBench.Protocol;

/// <summary>
/// GradBench's side of a tool: reads one JSON message per line from <paramref name="input"/> and writes exactly one
/// reply line per message to <paramref name="output"/>, flushed at once, until the input ends. Logs go to <paramref name="log"/>.
/// </summary>
public sealed class MessageLoop(TextReader input, TextWriter output, TextWriter log, ModuleCatalog catalog)
{
    public void Run()
    {
        while (input.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var reply = Reply(line);
            if (reply is not null)
            {
                output.WriteLine(reply);
                output.Flush();
            }
        }
    }

    private string? Reply(string line)
    {
        using var message = ParseOrNull(line);
        if (message is null || message.RootElement.ValueKind != JsonValueKind.Object
            || !message.RootElement.TryGetProperty("id", out var id))
        {
            log.WriteLine($"symdiff: ignoring a line that is not a message with an id: {line}");
            return null;
        }

        var root = message.RootElement;
        var kind = root.TryGetProperty("kind", out var kindElement) && kindElement.ValueKind == JsonValueKind.String ? kindElement.GetString() : null;
        try
        {
            return kind switch
            {
                "start" => Replies.Start(id),
                "define" => Define(id, root.GetProperty("module").GetString() ?? ""),
                "evaluate" => Evaluate(id, root),
                _ => Replies.Acknowledge(id),
            };
        }
        catch (Exception exception) when (IsBadInput(exception))
        {
            log.WriteLine($"symdiff: message {id} failed: {exception}");
            return Replies.Failure(id, $"{kind} failed: {exception.Message}");
        }
    }

    private string Define(JsonElement id, string module)
    {
        if (catalog.TryGet(module, out _))
        {
            return Replies.Defined(id);
        }

        log.WriteLine($"symdiff: module {module} is not defined");
        return Replies.Failure(id, ModuleCatalog.RefusalReason(module));
    }

    private string Evaluate(JsonElement id, JsonElement message)
    {
        var moduleName = message.GetProperty("module").GetString() ?? "";
        var function = message.GetProperty("function").GetString() ?? "";
        if (!catalog.TryGet(moduleName, out var module))
        {
            return Replies.Failure(id, ModuleCatalog.RefusalReason(moduleName));
        }

        var input = message.GetProperty("input");
        var computation = module.Prepare(function, input);
        if (computation is null)
        {
            return Replies.Failure(id, $"module {moduleName} has no function '{function}'");
        }

        var nanoseconds = Runner.Run(computation, RunPolicy.From(input));
        return computation.IsFinite
            ? Replies.Evaluated(id, computation, nanoseconds)
            : Replies.Failure(id, $"{moduleName}.{function} gave a value that is not finite (NaN or infinity), which JSON cannot carry");
    }

    // A message or input of the wrong shape, or a function that throws on it: a failed reply, not a dead tool.
    private static bool IsBadInput(Exception exception) =>
        exception is KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException or ArithmeticException or IndexOutOfRangeException;

    private static JsonDocument? ParseOrNull(string line)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
