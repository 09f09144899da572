using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using SymDiff.Functions;
using SymDiff.Layers;

namespace SymDiff.Training;

/// <summary>
/// Saves and loads <see cref="Sequential"/> models as JSON (format <c>SymDiff.Sequential</c>,
/// version 1, described in <c>docs/model-format.md</c>). Doubles are written shortest-round-trip,
/// so a loaded model computes bit-for-bit what the saved one did.
/// </summary>
/// <remarks>
/// Loading checks everything and throws <see cref="InvalidDataException"/> with a message naming
/// the problem (and the layer): malformed or truncated JSON, a wrong format or version, a missing
/// or mistyped field, an unknown layer type or activation, a weight array of the wrong length, a
/// non-finite number, layers whose widths do not chain, or (for <see cref="LoadParameters(Sequential, Stream)"/>)
/// a file whose layers differ from the model's.
/// </remarks>
public static class ModelFile
{
    /// <summary>The value of the <c>format</c> field.</summary>
    public const string FormatName = "SymDiff.Sequential";

    /// <summary>The format version written, and the only one read.</summary>
    public const int Version = 1;

    private static readonly Dictionary<string, Func<int, ILayer>> BuiltInActivations = new(StringComparer.Ordinal)
    {
        [nameof(Relu)] = size => new Activation<Relu>(size),
        [nameof(Sigmoid)] = size => new Activation<Sigmoid>(size),
        [nameof(Functions.Tanh)] = size => new Activation<Functions.Tanh>(size),
        [nameof(Softplus)] = size => new Activation<Softplus>(size),
        [nameof(Gelu)] = size => new Activation<Gelu>(size),
    };

    /// <summary>Writes <paramref name="model"/> to the file at <paramref name="path"/> (replaced if it exists).</summary>
    public static void Save(Sequential model, string path)
    {
        using var stream = File.Create(path);
        Save(model, stream);
    }

    /// <summary>Writes <paramref name="model"/> to <paramref name="stream"/>.</summary>
    /// <exception cref="NotSupportedException">A layer is not a <see cref="Dense"/>, <see cref="Activation{TFunction}"/> or <see cref="Softmax"/>.</exception>
    /// <exception cref="InvalidOperationException">A parameter is NaN or infinite (JSON has no such numbers).</exception>
    public static void Save(Sequential model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("format", FormatName);
        json.WriteNumber("version", Version);
        json.WriteStartArray("layers");
        for (var i = 0; i < model.Layers.Count; i++)
        {
            var layer = model.Layers[i];
            json.WriteStartObject();
            switch (layer)
            {
                case Dense { Activation: not null }:
                    throw new NotSupportedException($"Layer {i} {layer.Name} cannot be saved: version {Version} of the model format has no activation inside a Dense layer.");
                case Dense dense:
                    json.WriteString("type", "Dense");
                    json.WriteNumber("inputs", dense.InputSize);
                    json.WriteNumber("outputs", dense.OutputSize);
                    WriteNumbers(json, "weights", dense.Weights.Values, i, layer);
                    WriteNumbers(json, "biases", dense.Biases.Values, i, layer);
                    break;
                case IActivationLayer activation:
                    json.WriteString("type", "Activation");
                    json.WriteString("function", activation.Function.Name);
                    json.WriteNumber("size", layer.InputSize);
                    break;
                case Softmax:
                    json.WriteString("type", "Softmax");
                    json.WriteNumber("size", layer.InputSize);
                    break;
                default:
                    throw new NotSupportedException(
                        $"Layer {i} {layer.Name} ({layer.GetType().Name}) cannot be saved: the model format knows Dense, Activation<T> and Softmax layers.");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Reads a model from the file at <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="activations">
    /// Factories for activation functions beyond the built-in ones (Relu, Sigmoid, Tanh, Softplus,
    /// Gelu), by name, e.g. <c>["Swish"] = size =&gt; new Activation&lt;Swish&gt;(size)</c>.
    /// </param>
    /// <exception cref="InvalidDataException">The file is malformed, truncated or inconsistent (the message says how).</exception>
    public static Sequential Load(string path, IReadOnlyDictionary<string, Func<int, ILayer>>? activations = null)
    {
        using var stream = File.OpenRead(path);
        return Load(stream, activations);
    }

    /// <summary>Reads a model from <paramref name="stream"/>; see <see cref="Load(string, IReadOnlyDictionary{string, Func{int, ILayer}}?)"/>.</summary>
    /// <exception cref="InvalidDataException">The data is malformed, truncated or inconsistent (the message says how).</exception>
    public static Sequential Load(Stream stream, IReadOnlyDictionary<string, Func<int, ILayer>>? activations = null)
    {
        var records = ReadFile(stream);
        var layers = new ILayer[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            layers[i] = Build(records[i], i, activations);
        }

        try
        {
            return new Sequential(layers);
        }
        catch (ArgumentException exception)
        {
            throw Invalid(exception.Message.Split(" (Parameter", 2)[0]);
        }
    }

    /// <summary>
    /// Loads the parameters of a saved model into <paramref name="model"/>, which must have the same
    /// layers (types, activation functions and widths) as the file.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is malformed, or its layers differ from the model's (the message names the first difference).</exception>
    public static void LoadParameters(Sequential model, string path)
    {
        using var stream = File.OpenRead(path);
        LoadParameters(model, stream);
    }

    /// <summary>As <see cref="LoadParameters(Sequential, string)"/>, from a stream.</summary>
    /// <exception cref="InvalidDataException">The data is malformed, or its layers differ from the model's.</exception>
    public static void LoadParameters(Sequential model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        var records = ReadFile(stream);
        if (records.Count != model.Layers.Count)
        {
            throw new InvalidDataException(
                $"The model file does not match the model: the file has {records.Count} layers, the model {model.Layers.Count}.");
        }

        for (var i = 0; i < records.Count; i++)
        {
            if (records[i].Description != model.Layers[i].Name)
            {
                throw new InvalidDataException(
                    $"The model file does not match the model: layer {i} is {records[i].Description} in the file but {model.Layers[i].Name} in the model.");
            }
        }

        for (var i = 0; i < records.Count; i++)
        {
            if (model.Layers[i] is Dense dense)
            {
                records[i].Weights.CopyTo(dense.Weights.Values);
                records[i].Biases.CopyTo(dense.Biases.Values);
            }
        }
    }

    private static List<ModelFileLayer> ReadFile(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException(
                $"The model file is not valid JSON (truncated or corrupt): {exception.Message}", exception);
        }

        using (document)
        {
            try
            {
                return ReadRoot(document.RootElement);
            }
            catch (InvalidOperationException exception)
            {
                // JsonDocument accepts a string whose bytes are not UTF-8; reading it as text throws this.
                throw new InvalidDataException($"The model file is not valid JSON (truncated or corrupt): {exception.Message}", exception);
            }
        }
    }

    private static List<ModelFileLayer> ReadRoot(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Invalid($"the top level is a JSON {Kind(root)}; expected an object with \"format\", \"version\" and \"layers\".");
        }

        var format = RequiredString(root, "format", "the file");
        if (format != FormatName)
        {
            throw Invalid($"\"format\" is \"{format}\"; expected \"{FormatName}\".");
        }

        var version = RequiredInt(root, "version", "the file", minimum: 1);
        if (version != Version)
        {
            throw Invalid($"version {version} is not supported; this SymDiff reads version {Version}.");
        }

        var layersElement = Required(root, "layers", "the file", JsonValueKind.Array);
        var records = new List<ModelFileLayer>();
        foreach (var element in layersElement.EnumerateArray())
        {
            records.Add(ReadLayer(element, records.Count));
        }

        if (records.Count == 0)
        {
            throw Invalid("\"layers\" is empty; a model needs at least one layer.");
        }

        return records;
    }

    private static ModelFileLayer ReadLayer(JsonElement element, int index)
    {
        var where = $"layer {index}";
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid($"{where} is a JSON {Kind(element)}; expected an object.");
        }

        var type = RequiredString(element, "type", where);
        switch (type)
        {
            case "Dense":
            {
                where = $"layer {index} (Dense)";
                var inputs = RequiredInt(element, "inputs", where, minimum: 1);
                var outputs = RequiredInt(element, "outputs", where, minimum: 1);
                if ((long)inputs * outputs > Array.MaxLength)
                {
                    throw Invalid($"{where}: {inputs} × {outputs} weights are too many.");
                }

                var weights = ReadNumbers(element, "weights", where, $"inputs × outputs = {inputs} × {outputs}", inputs * outputs);
                var biases = ReadNumbers(element, "biases", where, "outputs", outputs);
                return new ModelFileLayer(type, $"Dense({inputs}, {outputs})", null, inputs, weights, biases);
            }

            case "Activation":
            {
                where = $"layer {index} (Activation)";
                var function = RequiredString(element, "function", where);
                var size = RequiredInt(element, "size", where, minimum: 1);
                return new ModelFileLayer(type, $"Activation<{function}>({size})", function, size, [], []);
            }

            case "Softmax":
            {
                var size = RequiredInt(element, "size", $"layer {index} (Softmax)", minimum: 1);
                return new ModelFileLayer(type, $"Softmax({size})", null, size, [], []);
            }

            default:
                throw Invalid($"{where}: unknown layer type \"{type}\"; expected Dense, Activation or Softmax.");
        }
    }

    private static ILayer Build(ModelFileLayer record, int index, IReadOnlyDictionary<string, Func<int, ILayer>>? activations)
    {
        switch (record.Type)
        {
            case "Dense":
                var dense = Dense.Zeros(record.Inputs, record.Biases.Length);
                record.Weights.CopyTo(dense.Weights.Values);
                record.Biases.CopyTo(dense.Biases.Values);
                return dense;
            case "Activation":
                if (BuiltInActivations.TryGetValue(record.Function!, out var factory) || (activations?.TryGetValue(record.Function!, out factory) ?? false))
                {
                    return factory(record.Inputs);
                }

                throw Invalid(
                    $"layer {index} (Activation): unknown activation function \"{record.Function}\"; built in are {string.Join(", ", BuiltInActivations.Keys)} (pass a factory for others to ModelFile.Load).");
            default:
                return new Softmax(record.Inputs);
        }
    }

    private static void WriteNumbers(Utf8JsonWriter json, string name, ReadOnlySpan<double> values, int index, ILayer layer)
    {
        json.WriteStartArray(name);
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new InvalidOperationException(
                    $"Layer {index} {layer.Name} cannot be saved: {name}[{i}] is {values[i].ToString(CultureInfo.InvariantCulture)}.");
            }

            json.WriteNumberValue(values[i]);
        }

        json.WriteEndArray();
    }

    private static double[] ReadNumbers(JsonElement element, string name, string where, string expectedLength, int count)
    {
        var array = Required(element, name, where, JsonValueKind.Array);
        var length = array.GetArrayLength();
        if (length != count)
        {
            throw Invalid($"{where}: \"{name}\" has {length} numbers; expected {expectedLength} = {count}.");
        }

        var values = new double[count];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetDouble(out var value) || !double.IsFinite(value))
            {
                throw Invalid($"{where}: {name}[{i}] is {Describe(item)}; expected a finite number.");
            }

            values[i++] = value;
        }

        return values;
    }

    private static JsonElement Required(JsonElement parent, string name, string where, JsonValueKind kind)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            throw Invalid($"{where} has no \"{name}\" field.");
        }

        if (value.ValueKind != kind)
        {
            throw Invalid($"{where}: \"{name}\" is {Describe(value)}; expected a JSON {kind.ToString().ToLowerInvariant()}.");
        }

        return value;
    }

    private static string RequiredString(JsonElement parent, string name, string where) =>
        Required(parent, name, where, JsonValueKind.String).GetString()!;

    private static int RequiredInt(JsonElement parent, string name, string where, int minimum)
    {
        var value = Required(parent, name, where, JsonValueKind.Number);
        if (!value.TryGetInt32(out var number) || number < minimum)
        {
            throw Invalid($"{where}: \"{name}\" is {Describe(value)}; expected an integer ≥ {minimum}.");
        }

        return number;
    }

    private static string Describe(JsonElement value) =>
        value.ValueKind switch
        {
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => value.GetRawText(),
            JsonValueKind.String => $"the string {value.GetRawText()}",
            _ => "a JSON " + Kind(value),
        };

    private static string Kind(JsonElement value) => value.ValueKind.ToString().ToLowerInvariant();

    private static InvalidDataException Invalid(string problem) => new($"Invalid model file: {problem}");
}
