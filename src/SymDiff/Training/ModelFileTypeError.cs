using System.IO;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SymDiff.Training;

/// <summary>
/// Turns the <see cref="JsonException"/> of a value of the wrong type (the syntax already checked)
/// into an <see cref="InvalidDataException"/> naming the field, the layer and what was expected.
/// </summary>
internal static partial class ModelFileTypeError
{
    /// <summary>The error for <paramref name="exception"/>; <paramref name="rootKind"/> is the kind of the file's top-level value.</summary>
    public static InvalidDataException From(JsonException exception, string rootKind)
    {
        var line = exception.LineNumber is { } zeroBased ? $" (line {zeroBased + 1})" : "";
        var match = PathPattern().Match(exception.Path ?? "");
        if (!match.Success)
        {
            return ModelFileReader.Invalid($"the value at {exception.Path} has the wrong type{line}.");
        }

        var layer = match.Groups["layer"];
        var field = match.Groups["field"];
        var element = match.Groups["element"];
        string problem;
        if (!field.Success && !layer.Success)
        {
            problem = $"the top level is a JSON {rootKind}; expected an object with \"format\", \"version\" and \"layers\"";
        }
        else if (!field.Success)
        {
            problem = $"layer {layer.Value} is not a JSON object{line}";
        }
        else
        {
            var where = layer.Success ? $"layer {layer.Value}: " : "";
            problem = element.Success
                ? $"{where}{field.Value}[{element.Value}] is not a finite number{line}"
                : $"{where}\"{field.Value}\" is not {Expected(field.Value)}{line}";
        }

        return ModelFileReader.Invalid(problem + ".");
    }

    private static string Expected(string field) =>
        field switch
        {
            "version" or "inputs" or "outputs" or "size" => "a 32-bit integer",
            "layers" => "an array of layers",
            "weights" or "biases" => "an array of numbers",
            _ => "a string",
        };

    /// <summary><c>$</c>, <c>$.version</c>, <c>$.layers</c>, <c>$.layers[2]</c>, <c>$.layers[2].inputs</c>, <c>$.layers[2].weights[7]</c>.</summary>
    [GeneratedRegex(@"^\$(\.layers\[(?<layer>\d+)\])?(\.(?<field>[A-Za-z]+))?(\[(?<element>\d+)\])?$", RegexOptions.CultureInvariant)]
    private static partial Regex PathPattern();
}
