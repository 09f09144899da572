using System.Text.Json;

namespace SymDiff.GradBench.Protocol;

/// <summary>How often to run a function: at least <see cref="MinRuns"/> times, and until the runs add up to <see cref="MinSeconds"/>.</summary>
public readonly record struct RunPolicy(int MinRuns, double MinSeconds)
{
    /// <summary>One run: what an input without the fields (hello's bare number) asks for.</summary>
    public static RunPolicy Once { get; } = new(1, 0);

    /// <summary>Reads <c>min_runs</c> and <c>min_seconds</c> (an integer or a float) from an evaluate input.</summary>
    public static RunPolicy From(JsonElement input)
    {
        if (input.ValueKind != JsonValueKind.Object)
        {
            return Once;
        }

        var minRuns = input.TryGetProperty("min_runs", out var runs) ? runs.GetInt32() : Once.MinRuns;
        var minSeconds = input.TryGetProperty("min_seconds", out var seconds) ? seconds.GetDouble() : Once.MinSeconds;
        return new RunPolicy(minRuns, minSeconds);
    }
}
