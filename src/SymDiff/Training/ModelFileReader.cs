using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SymDiff.Training;

/// <summary>
/// Reads a model file into checked <see cref="ModelFileLayer"/>s, or throws an
/// <see cref="InvalidDataException"/> naming the first problem. In order: the syntax, the format
/// and version (so that a newer file is told apart from a corrupt one), the fields' types, then each
/// layer's fields and lengths. Sizes come from the arrays the file holds, never from its claims.
/// </summary>
internal static class ModelFileReader
{
    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    public static List<ModelFileLayer> Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = ReadAll(stream);
        var utf8 = bytes.AsSpan();
        if (utf8.StartsWith(ByteOrderMark))
        {
            utf8 = utf8[ByteOrderMark.Length..];
        }

        var rootKind = ModelFileSyntax.Check(utf8);
        var header = Deserialize(utf8, ModelFileJsonContext.Default.SavedModelHeader, rootKind);
        var format = header.Format ?? throw Invalid("the file has no \"format\" field.");
        if (format != ModelFile.FormatName)
        {
            throw Invalid($"\"format\" is \"{format}\"; expected \"{ModelFile.FormatName}\".");
        }

        var version = header.Version ?? throw Invalid("the file has no \"version\" field.");
        if (version is < 1 or > ModelFile.Version)
        {
            throw Invalid($"version {version} is not supported; this SymDiff reads version {ModelFile.Version} and older.");
        }

        var saved = Deserialize(utf8, ModelFileJsonContext.Default.SavedModel, rootKind);
        var layers = saved.Layers ?? throw Invalid("the file has no \"layers\" field.");
        if (layers.Count == 0)
        {
            throw Invalid("\"layers\" is empty; a model needs at least one layer.");
        }

        var records = new List<ModelFileLayer>(layers.Count);
        for (var i = 0; i < layers.Count; i++)
        {
            records.Add(Check(layers[i] ?? throw Invalid($"layer {i} is null; expected an object."), i, version));
        }

        return records;
    }

    internal static InvalidDataException Invalid(string problem) => new($"Invalid model file: {problem}");

    private static ModelFileLayer Check(SavedLayer layer, int index, int version)
    {
        var type = layer.Type ?? throw Invalid($"layer {index} has no \"type\" field.");
        switch (type)
        {
            case "Dense":
            {
                var where = $"layer {index} (Dense)";
                var inputs = Positive(layer.Inputs, "inputs", where);
                var outputs = Positive(layer.Outputs, "outputs", where);
                var weights = Numbers(layer.Weights, "weights", where, $"inputs × outputs = {inputs} × {outputs}", (long)inputs * outputs);
                var biases = Numbers(layer.Biases, "biases", where, "outputs", outputs);
                var activation = version >= 2 ? layer.Activation : null; // version 1 has no such field: ignored, as any other
                var description = activation is null ? $"Dense({inputs}, {outputs})" : $"Dense({inputs}, {outputs}, {activation})";
                return new ModelFileLayer(type, description, activation, inputs, weights, biases);
            }

            case "Activation":
            {
                var where = $"layer {index} (Activation)";
                var function = layer.Function ?? throw Invalid($"{where} has no \"function\" field.");
                var size = Positive(layer.Size, "size", where);
                return new ModelFileLayer(type, $"Activation<{function}>({size})", function, size, [], []);
            }

            case "Softmax":
            {
                var size = Positive(layer.Size, "size", $"layer {index} (Softmax)");
                return new ModelFileLayer(type, $"Softmax({size})", null, size, [], []);
            }

            default:
                throw Invalid($"layer {index}: unknown layer type \"{type}\"; expected Dense, Activation or Softmax.");
        }
    }

    private static int Positive(int? value, string name, string where)
    {
        var number = value ?? throw Invalid($"{where} has no \"{name}\" field.");
        return number >= 1 ? number : throw Invalid($"{where}: \"{name}\" is {number}; expected an integer ≥ 1.");
    }

    private static double[] Numbers(double[]? values, string name, string where, string expectedLength, long count)
    {
        var array = values ?? throw Invalid($"{where} has no \"{name}\" field.");
        if (array.Length != count)
        {
            throw Invalid($"{where}: \"{name}\" has {array.Length} numbers; expected {expectedLength} = {count}.");
        }

        for (var i = 0; i < array.Length; i++)
        {
            if (!double.IsFinite(array[i]))
            {
                throw Invalid($"{where}: {name}[{i}] is beyond the range of a double; expected a finite number.");
            }
        }

        return array;
    }

    private static T Deserialize<T>(ReadOnlySpan<byte> utf8, JsonTypeInfo<T> type, string rootKind)
    {
        try
        {
            // A JSON null at the top level deserializes to null rather than throwing.
            return JsonSerializer.Deserialize(utf8, type) ?? throw Invalid($"the top level is a JSON {rootKind}; expected an object with \"format\", \"version\" and \"layers\".");
        }
        catch (JsonException exception)
        {
            throw ModelFileTypeError.From(exception, rootKind);
        }
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
