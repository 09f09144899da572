using System.Text.Json;

namespace SymDiff.GradBench.Modules;

/// <summary>One evaluate request with its input already parsed: the work to time, then its output.</summary>
public abstract class Computation
{
    /// <summary>Computes the function once; this is the only part that is timed.</summary>
    public abstract void Run();

    /// <summary>Whether the last run's output can be written as strict JSON (no NaN or infinity).</summary>
    public abstract bool IsFinite { get; }

    /// <summary>Writes the last run's output as one JSON value.</summary>
    public abstract void WriteOutput(Utf8JsonWriter writer);
}
