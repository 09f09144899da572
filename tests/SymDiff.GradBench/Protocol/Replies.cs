using System.Buffers;
using System.Text;
using System.Text.Json;
using SymDiff.GradBench.Modules;

namespace SymDiff.GradBench.Protocol;

/// <summary>The reply messages, each one line of JSON carrying the request's id.</summary>
public static class Replies
{
    public const string ToolName = "symdiff";

    /// <summary><c>{"id":…}</c>: the reply to analysis and to kinds the tool does not know.</summary>
    public static string Acknowledge(JsonElement id) => Line(id, _ => { });

    public static string Start(JsonElement id) => Line(id, writer => writer.WriteString("tool", ToolName));

    public static string Defined(JsonElement id) => Line(id, writer => writer.WriteBoolean("success", true));

    public static string Failure(JsonElement id, string error) => Line(id, writer =>
    {
        writer.WriteBoolean("success", false);
        writer.WriteString("error", error);
    });

    public static string Evaluated(JsonElement id, Computation computation, IReadOnlyList<long> nanoseconds) => Line(id, writer =>
    {
        writer.WriteBoolean("success", true);
        writer.WritePropertyName("output");
        computation.WriteOutput(writer);
        writer.WriteStartArray("timings");
        foreach (var run in nanoseconds)
        {
            writer.WriteStartObject();
            writer.WriteString("name", "evaluate");
            writer.WriteNumber("nanoseconds", run);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    private static string Line(JsonElement id, Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("id");
            id.WriteTo(writer);
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
