using System.Text;
using SymDiff.Functions;
using SymDiff.Layers;
using SymDiff.Tests.Layers.Functions;
using SymDiff.Training;

namespace SymDiff.Tests.Layers;

/// <summary>Saving and loading models: exact round trips, and a clear exception for every kind of bad file.</summary>
public sealed class ModelFileTests
{
    [Fact]
    public void SaveLoad_EveryLayerKind_RoundTripsBitForBit()
    {
        var model = Model();
        var input = TestData.Matrix(1, 2 * 3);
        var expected = model.Forward(input, 2).ToArray();

        var loaded = ModelFile.Load(new MemoryStream(Save(model)));

        Assert.Equal(model.Layers.Select(l => l.Name), loaded.Layers.Select(l => l.Name));
        Assert.Equal(expected, loaded.Forward(input, 2).ToArray());
        Assert.Equal(
            model.Parameters.SelectMany(p => p.Values.ToArray()).Select(BitConverter.DoubleToInt64Bits),
            loaded.Parameters.SelectMany(p => p.Values.ToArray()).Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void SaveLoad_File_RoundTrips()
    {
        var path = Path.Combine(Path.GetTempPath(), $"symdiff-model-{Guid.NewGuid():N}.json");
        try
        {
            ModelFile.Save(Model(), path);
            Assert.Equal(Model().Layers.Count, ModelFile.Load(path).Layers.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_CustomActivationWithFactory_Builds()
    {
        var model = new Sequential(new Dense(2, 2, seed: 1), new Activation<Swish>(2));
        var bytes = Save(model);

        var loaded = ModelFile.Load(new MemoryStream(bytes), [ActivationFunction.Of<Swish>()]);

        Assert.IsType<Activation<Swish>>(loaded.Layers[1]);
    }

    [Fact]
    public void Load_CustomActivationWithoutFactory_ThrowsNamingIt()
    {
        var bytes = Save(new Sequential(new Dense(2, 2, seed: 1), new Activation<Swish>(2)));

        var exception = Assert.Throws<InvalidDataException>(() => ModelFile.Load(new MemoryStream(bytes)));

        Assert.StartsWith("Invalid model file: layer 1 (Activation): unknown activation function \"Swish\"; built in are Relu, Sigmoid, Tanh, Softplus, Gelu", exception.Message);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(200)]
    [InlineData(-2)]
    public void Load_TruncatedFile_ThrowsNotValidJson(int keep)
    {
        var bytes = Save(Model());
        var truncated = bytes[..(keep > 0 ? keep : bytes.Length + keep)];

        var exception = Assert.Throws<InvalidDataException>(() => ModelFile.Load(new MemoryStream(truncated)));

        Assert.StartsWith("The model file is not valid JSON (truncated or corrupt):", exception.Message);
    }

    [Fact]
    public void Load_EmptyOrBinaryGarbage_ThrowsNotValidJson()
    {
        Assert.StartsWith("The model file is not valid JSON", Assert.Throws<InvalidDataException>(() => ModelFile.Load(new MemoryStream([]))).Message);
        Assert.StartsWith("The model file is not valid JSON", Assert.Throws<InvalidDataException>(() => ModelFile.Load(new MemoryStream([0x1f, 0x8b, 0x08, 0, 0xff]))).Message);
    }

    [Theory]
    [InlineData("[1, 2]", "Invalid model file: the top level is a JSON array; expected an object with \"format\", \"version\" and \"layers\".")]
    [InlineData("{\"version\": 1, \"layers\": []}", "Invalid model file: the file has no \"format\" field.")]
    [InlineData("{\"format\": \"Keras\", \"version\": 1, \"layers\": []}", "Invalid model file: \"format\" is \"Keras\"; expected \"SymDiff.Sequential\".")]
    [InlineData("{\"format\": \"SymDiff.Sequential\", \"version\": 3, \"layers\": []}", "Invalid model file: version 3 is not supported; this SymDiff reads version 2 and older.")]
    [InlineData("{\"format\": \"SymDiff.Sequential\", \"version\": \"1\", \"layers\": []}", "Invalid model file: \"version\" is not a 32-bit integer (line 1).")]
    [InlineData("{\"format\": \"SymDiff.Sequential\", \"version\": 1, \"layers\": []}", "Invalid model file: \"layers\" is empty; a model needs at least one layer.")]
    [InlineData("{\"format\": \"SymDiff.Sequential\", \"version\": 1, \"layers\": [{\"type\": \"Conv2D\"}]}", "Invalid model file: layer 0: unknown layer type \"Conv2D\"; expected Dense, Activation or Softmax.")]
    [InlineData("{\"format\": \"SymDiff.Sequential\", \"version\": 1, \"layers\": [{\"type\": \"Dense\", \"inputs\": 2, \"outputs\": 1, \"biases\": [0]}]}", "Invalid model file: layer 0 (Dense) has no \"weights\" field.")]
    [InlineData("{\"format\": \"SymDiff.Sequential\", \"version\": 1, \"layers\": [{\"type\": \"Dense\", \"inputs\": 2, \"outputs\": 1, \"weights\": [1], \"biases\": [0]}]}", "Invalid model file: layer 0 (Dense): \"weights\" has 1 numbers; expected inputs × outputs = 2 × 1 = 2.")]
    [InlineData("{\"format\": \"SymDiff.Sequential\", \"version\": 1, \"layers\": [{\"type\": \"Dense\", \"inputs\": 2, \"outputs\": 1, \"weights\": [1, \"x\"], \"biases\": [0]}]}", "Invalid model file: layer 0: weights[1] is not a finite number (line 1).")]
    [InlineData("{\"format\": \"SymDiff.Sequential\", \"version\": 1, \"layers\": [{\"type\": \"Dense\", \"inputs\": 2, \"outputs\": 1, \"weights\": [1, 1e999], \"biases\": [0]}]}", "Invalid model file: layer 0 (Dense): weights[1] is beyond the range of a double; expected a finite number.")]
    [InlineData("{\"format\": \"SymDiff.Sequential\", \"version\": 1, \"layers\": [{\"type\": \"Dense\", \"inputs\": 0, \"outputs\": 1, \"weights\": [], \"biases\": [0]}]}", "Invalid model file: layer 0 (Dense): \"inputs\" is 0; expected an integer ≥ 1.")]
    [InlineData("null", "Invalid model file: the top level is a JSON null; expected an object with \"format\", \"version\" and \"layers\".")]
    [InlineData("\"model\"", "Invalid model file: the top level is a JSON string; expected an object with \"format\", \"version\" and \"layers\".")]
    [InlineData("{\"format\": 5, \"version\": 1, \"layers\": []}", "Invalid model file: \"format\" is not a string (line 1).")]
    [InlineData("{\"format\": \"SymDiff.Sequential\", \"layers\": []}", "Invalid model file: the file has no \"version\" field.")]
    [InlineData("{\"format\": \"SymDiff.Sequential\", \"version\": 2}", "Invalid model file: the file has no \"layers\" field.")]
    [InlineData("{\"format\": \"SymDiff.Sequential\", \"version\": 2, \"layers\": {}}", "Invalid model file: \"layers\" is not an array of layers (line 1).")]
    [InlineData("{\"format\": \"SymDiff.Sequential\", \"version\": 2, \"layers\": [3]}", "Invalid model file: layer 0 is not a JSON object (line 1).")]
    [InlineData("{\"format\": \"SymDiff.Sequential\", \"version\": 2, \"layers\": [null]}", "Invalid model file: layer 0 is null; expected an object.")]
    [InlineData("{\"format\": \"SymDiff.Sequential\", \"version\": 2, \"layers\": [{\"type\": 5}]}", "Invalid model file: layer 0: \"type\" is not a string (line 1).")]
    [InlineData("{\"format\": \"SymDiff.Sequential\", \"version\": 2, \"layers\": [{\"size\": 5}]}", "Invalid model file: layer 0 has no \"type\" field.")]
    [InlineData("{\"format\": \"SymDiff.Sequential\", \"version\": 2, \"layers\": [{\"type\": \"Dense\", \"inputs\": 2.5}]}", "Invalid model file: layer 0: \"inputs\" is not a 32-bit integer (line 1).")]
    [InlineData("{\"format\": \"SymDiff.Sequential\", \"version\": 2, \"layers\": [{\"type\": \"Dense\", \"inputs\": 2147483648}]}", "Invalid model file: layer 0: \"inputs\" is not a 32-bit integer (line 1).")]
    [InlineData("{\"format\": \"SymDiff.Sequential\", \"version\": 2, \"layers\": [{\"type\": \"Dense\", \"inputs\": 1, \"outputs\": 1, \"weights\": \"0.5\", \"biases\": [0]}]}", "Invalid model file: layer 0: \"weights\" is not an array of numbers (line 1).")]
    [InlineData("{\"format\": \"SymDiff.Sequential\", \"version\": 2, \"layers\": [{\"type\": \"Dense\", \"inputs\": 65536, \"outputs\": 65536, \"weights\": [], \"biases\": []}]}", "Invalid model file: layer 0 (Dense): \"weights\" has 0 numbers; expected inputs × outputs = 65536 × 65536 = 4294967296.")]
    [InlineData("{\"format\": \"SymDiff.Sequential\", \"version\": 2, \"layers\": [{\"type\": \"Activation\", \"size\": 2}]}", "Invalid model file: layer 0 (Activation) has no \"function\" field.")]
    [InlineData("{\"format\": \"SymDiff.Sequential\", \"version\": 2, \"layers\": [{\"type\": \"Dense\", \"inputs\": 1, \"outputs\": 1, \"activation\": \"Swish\", \"weights\": [1], \"biases\": [0]}]}", "Invalid model file: layer 0 (Dense): unknown activation function \"Swish\"; built in are Relu, Sigmoid, Tanh, Softplus, Gelu (pass others to ModelFile.Load, e.g. ActivationFunction.Of<SwishFunction>()).")]
    [InlineData("{\"format\": \"SymDiff.Sequential\", \"version\": 1, \"layers\": [{\"type\": \"Dense\", \"inputs\": 1, \"outputs\": 2, \"weights\": [1, 2], \"biases\": [0, 0]}, {\"type\": \"Softmax\", \"size\": 3}]}", "Invalid model file: Shape mismatch: layer 0 Dense(1, 2) outputs 2 values per row, but layer 1 Softmax(3) takes 3.")]
    public void Load_MalformedModel_ThrowsNamingTheProblem(string json, string message)
    {
        var exception = Assert.Throws<InvalidDataException>(() => ModelFile.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Equal(message, exception.Message);
    }

    [Fact]
    public void LoadParameters_DifferentArchitecture_ThrowsNamingTheLayer()
    {
        var bytes = Save(Model());
        var other = new Sequential(Dense.Zeros(3, 4), new Activation<Activations.ReluFunction>(4), Dense.Zeros(4, 2), new Softmax(2));

        var exception = Assert.Throws<InvalidDataException>(() => ModelFile.LoadParameters(other, new MemoryStream(bytes)));

        Assert.Equal("The model file does not match the model: layer 1 is Activation<Tanh>(4) in the file but Activation<Relu>(4) in the model.", exception.Message);
    }

    [Fact]
    public void LoadParameters_DifferentDepth_ThrowsWithBothCounts()
    {
        var bytes = Save(Model());

        var exception = Assert.Throws<InvalidDataException>(() => ModelFile.LoadParameters(new Sequential(Dense.Zeros(3, 4)), new MemoryStream(bytes)));

        Assert.Equal("The model file does not match the model: the file has 4 layers, the model 1.", exception.Message);
    }

    [Fact]
    public void LoadParameters_SameArchitecture_CopiesValues()
    {
        var source = Model();
        var target = new Sequential(Dense.Zeros(3, 4), new Activation<Activations.TanhFunction>(4), Dense.Zeros(4, 2), new Softmax(2));

        ModelFile.LoadParameters(target, new MemoryStream(Save(source)));

        Assert.Equal(source.Parameters.SelectMany(p => p.Values.ToArray()), target.Parameters.SelectMany(p => p.Values.ToArray()));
    }

    [Fact]
    public void Save_NaNParameter_ThrowsNamingIt()
    {
        var model = Model();
        model.Parameters[2].Values[5] = double.NaN;

        var exception = Assert.Throws<InvalidOperationException>(() => Save(model));

        Assert.Equal("Layer 2 Dense(4, 2) cannot be saved: weights[5] is NaN.", exception.Message);
    }

    private static Sequential Model()
    {
        var random = new Random(9);
        var model = new Sequential(new Dense(3, 4, random), new Activation<Activations.TanhFunction>(4), new Dense(4, 2, random), new Softmax(2));
        TestData.Matrix(2, 4).CopyTo(model.Parameters[1].Values);
        return model;
    }

    private static byte[] Save(Sequential model)
    {
        var stream = new MemoryStream();
        ModelFile.Save(model, stream);
        return stream.ToArray();
    }
}
