using System.Text.Json.Serialization;

namespace SymDiff.Training;

/// <summary>
/// The model file's JSON (de)serialization, generated at compile time: no reflection, so it works
/// trimmed and AOT-compiled. Names are camelCase and case-sensitive; numbers must be JSON numbers.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SavedModelHeader))]
[JsonSerializable(typeof(SavedModel))]
internal sealed partial class ModelFileJsonContext : JsonSerializerContext
{
}
