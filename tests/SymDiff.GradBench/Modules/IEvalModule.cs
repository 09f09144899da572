using System.Text.Json;

namespace SymDiff.GradBench.Modules;

/// <summary>A GradBench module this tool implements: one eval's functions.</summary>
public interface IEvalModule
{
    /// <summary>The module name, which GradBench makes the eval's name.</summary>
    string Name { get; }

    /// <summary>
    /// Parses <paramref name="input"/> for <paramref name="function"/> and returns the work to time, or null when the
    /// module has no such function. Throws when the input does not have the eval's shape.
    /// </summary>
    Computation? Prepare(string function, JsonElement input);
}
