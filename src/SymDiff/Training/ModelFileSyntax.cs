using System;
using System.IO;
using System.Text.Json;

namespace SymDiff.Training;

/// <summary>
/// Checks that a model file is one well-formed JSON value before it is deserialized, so that every
/// later <see cref="JsonException"/> is about a field's type, not the syntax.
/// </summary>
internal static class ModelFileSyntax
{
    /// <summary>Returns the kind of the top-level value (<c>object</c>, <c>array</c>, ...).</summary>
    /// <exception cref="InvalidDataException">The bytes are not JSON: truncated, corrupt, or text that is not UTF-8.</exception>
    public static string Check(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        var root = "";
        try
        {
            while (reader.Read())
            {
                if (root.Length == 0)
                {
                    root = Kind(reader.TokenType);
                }

                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                {
                    // The reader checks structure, not text: a string's bytes may still be invalid UTF-8
                    // or an unpaired surrogate escape, which only decoding finds.
                    _ = reader.GetString();
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            throw new InvalidDataException($"The model file is not valid JSON (truncated or corrupt): {exception.Message}", exception);
        }

        return root;
    }

    private static string Kind(JsonTokenType token) =>
        token switch
        {
            JsonTokenType.StartObject => "object",
            JsonTokenType.StartArray => "array",
            _ => token.ToString().ToLowerInvariant(),
        };
}
