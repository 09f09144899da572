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
/// described in <c>docs/model-format.md</c>). Doubles are written shortest-round-trip, so a loaded
/// model computes bit-for-bit what the saved one did.
/// </summary>
/// <remarks>
/// Loading checks everything before it builds anything, and throws <see cref="InvalidDataException"/>
/// with a message naming the problem (and the layer): malformed or truncated JSON, a wrong format or
/// version, a missing or mistyped field, an unknown layer type or activation, a weight array of the
/// wrong length, a non-finite number, layers whose widths do not chain, or (for
/// <see cref="LoadParameters(Sequential, Stream)"/>) a file whose layers differ from the model's.
/// </remarks>
public static class ModelFile
{
    /// <summary>The value of the <c>format</c> field.</summary>
    public const string FormatName = "SymDiff.Sequential";

    /// <summary>
    /// The format version written. Every version from 1 up to it is read: version 2 added the
    /// <c>activation</c> of a <c>Dense</c> layer.
    /// </summary>
    public const int Version = 2;

    /// <summary>Writes <paramref name="model"/> to the file at <paramref name="path"/> (replaced if it exists).</summary>
    public static void Save(Sequential model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        var saved = ToSaved(model);
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, saved, ModelFileJsonContext.Default.SavedModel);
    }

    /// <summary>Writes <paramref name="model"/> to <paramref name="stream"/>.</summary>
    /// <exception cref="NotSupportedException">A layer is not a <see cref="Dense"/>, <see cref="Activation{TFunction}"/> or <see cref="Softmax"/>.</exception>
    /// <exception cref="InvalidOperationException">A parameter is NaN or infinite (JSON has no such numbers).</exception>
    public static void Save(Sequential model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        JsonSerializer.Serialize(stream, ToSaved(model), ModelFileJsonContext.Default.SavedModel);
    }

    /// <summary>Reads a model from the file at <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="activations">
    /// Activation functions beyond the built-in ones (<see cref="ActivationFunction.BuiltIn"/>) that
    /// the file may name, e.g. <c>[ActivationFunction.Of&lt;Swish&gt;()]</c>.
    /// </param>
    /// <exception cref="InvalidDataException">The file is malformed, truncated or inconsistent (the message says how).</exception>
    /// <exception cref="ArgumentException">Two different functions in <paramref name="activations"/>, or one and a built-in one, have the same name.</exception>
    public static Sequential Load(string path, IEnumerable<ActivationFunction>? activations = null)
    {
        using var stream = File.OpenRead(path);
        return Load(stream, activations);
    }

    /// <summary>Reads a model from <paramref name="stream"/>; see <see cref="Load(string, IEnumerable{ActivationFunction}?)"/>.</summary>
    /// <exception cref="InvalidDataException">The data is malformed, truncated or inconsistent (the message says how).</exception>
    /// <exception cref="ArgumentException">Two different functions in <paramref name="activations"/>, or one and a built-in one, have the same name.</exception>
    public static Sequential Load(Stream stream, IEnumerable<ActivationFunction>? activations = null)
    {
        var functions = FunctionsByName(activations);
        var records = ModelFileReader.Read(stream);
        var layers = new ILayer[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            layers[i] = Build(records[i], i, functions);
        }

        try
        {
            return new Sequential(layers);
        }
        catch (ArgumentException exception)
        {
            throw ModelFileReader.Invalid(exception.Message.Split(" (Parameter", 2)[0]);
        }
    }

    /// <summary>
    /// Loads the parameters of a saved model into <paramref name="model"/>, which must have the same
    /// layers (types, activation functions and widths) as the file. Nothing is copied unless all match.
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
        var records = ModelFileReader.Read(stream);
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

    private static SavedModel ToSaved(Sequential model)
    {
        var layers = new List<SavedLayer?>(model.Layers.Count);
        for (var i = 0; i < model.Layers.Count; i++)
        {
            var layer = model.Layers[i];
            layers.Add(layer switch
            {
                Dense dense => new SavedLayer
                {
                    Type = "Dense",
                    Inputs = dense.InputSize,
                    Outputs = dense.OutputSize,
                    Activation = dense.Activation?.Name,
                    Weights = FiniteValues(dense.Weights, i, layer),
                    Biases = FiniteValues(dense.Biases, i, layer),
                },
                IActivationLayer activation => new SavedLayer { Type = "Activation", Function = activation.Function.Name, Size = layer.InputSize },
                Softmax => new SavedLayer { Type = "Softmax", Size = layer.InputSize },
                _ => throw new NotSupportedException(
                    $"Layer {i} {layer.Name} ({layer.GetType().Name}) cannot be saved: the model format knows Dense, Activation<T> and Softmax layers."),
            });
        }

        return new SavedModel { Format = FormatName, Version = Version, Layers = layers };
    }

    private static double[] FiniteValues(Parameter parameter, int index, ILayer layer)
    {
        var values = parameter.Values;
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new InvalidOperationException(
                    $"Layer {index} {layer.Name} cannot be saved: {parameter.Name}[{i}] is {values[i].ToString(CultureInfo.InvariantCulture)}.");
            }
        }

        return values.ToArray();
    }

    private static Dictionary<string, ActivationFunction> FunctionsByName(IEnumerable<ActivationFunction>? activations)
    {
        var functions = new Dictionary<string, ActivationFunction>(StringComparer.Ordinal);
        foreach (var function in ActivationFunction.BuiltIn)
        {
            functions.Add(function.Name, function);
        }

        foreach (var function in activations ?? [])
        {
            ArgumentNullException.ThrowIfNull(function, nameof(activations));
            if (!functions.TryAdd(function.Name, function) && !ReferenceEquals(functions[function.Name], function))
            {
                throw new ArgumentException(
                    $"Two different activation functions are named {function.Name}: a model file could not tell them apart.", nameof(activations));
            }
        }

        return functions;
    }

    private static ILayer Build(ModelFileLayer record, int index, Dictionary<string, ActivationFunction> functions)
    {
        switch (record.Type)
        {
            case "Dense":
                var activation = record.Function is null ? null : Function(record, index, functions);
                var dense = Dense.Zeros(record.Inputs, record.Biases.Length, activation);
                record.Weights.CopyTo(dense.Weights.Values);
                record.Biases.CopyTo(dense.Biases.Values);
                return dense;
            case "Activation":
                return Function(record, index, functions).CreateLayer(record.Inputs);
            default:
                return new Softmax(record.Inputs);
        }
    }

    private static ActivationFunction Function(ModelFileLayer record, int index, Dictionary<string, ActivationFunction> functions) =>
        functions.TryGetValue(record.Function!, out var function)
            ? function
            : throw ModelFileReader.Invalid(
                $"layer {index} ({record.Type}): unknown activation function \"{record.Function}\"; built in are {string.Join(", ", ActivationFunction.BuiltIn)} (pass others to ModelFile.Load, e.g. ActivationFunction.Of<{record.Function}Function>()).");
}
