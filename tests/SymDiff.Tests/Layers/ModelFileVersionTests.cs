using System.Text;
using SymDiff.Functions;
using SymDiff.Layers;
using SymDiff.Tests.Layers.Functions;
using SymDiff.Training;

namespace SymDiff.Tests.Layers;

/// <summary>The model format's versions: what version 2 writes, and version 1 files, which still load.</summary>
public sealed class ModelFileVersionTests
{
    [Fact]
    public void Save_DenseWithActivation_WritesVersion2WithTheActivationField()
    {
        var random = new Random(1);
        var model = new Sequential(new Dense(2, 3, random, ActivationFunction.Relu), new Dense(3, 2, random, initialization: WeightInitialization.Xavier), new Softmax(2));

        var text = Encoding.UTF8.GetString(Save(model));

        Assert.Equal(
            """
            {
              "format": "SymDiff.Sequential",
              "version": 2,
              "layers": [
                {
                  "type": "Dense",
                  "inputs": 2,
                  "outputs": 3,
                  "activation": "Relu",
                  "weights": [
                    0.5803915748180694,
                    0.1518133272462265,
                    -1.3352939917151108,
                    0.8774098274963612,
                    -0.28902596877490006,
                    0.0029850225436330495
                  ],
                  "biases": [
                    0,
                    0,
                    0
                  ]
                },
                {
                  "type": "Dense",
                  "inputs": 3,
                  "outputs": 2,
                  "weights": [
                    -0.3941189550042495,
                    1.0730260588569573,
                    0.39901176177893083,
                    0.3393423584269536,
                    -0.4760164204778028,
                    0.252711318946707
                  ],
                  "biases": [
                    0,
                    0
                  ]
                },
                {
                  "type": "Softmax",
                  "size": 2
                }
              ]
            }
            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void SaveLoad_DenseWithActivations_RoundTripsBitForBit()
    {
        var random = new Random(2);
        var model = new Sequential(
            new Dense(3, 5, random, ActivationFunction.Gelu),
            new Dense(5, 4, random, ActivationFunction.Of<Swish>()),
            new Dense(4, 2, random, ActivationFunction.Sigmoid, WeightInitialization.Xavier));
        TestData.Matrix(3, 5).CopyTo(model.Parameters[1].Values);
        var input = TestData.Matrix(4, 3 * 3);
        var expected = model.Forward(input, 3).ToArray();

        var loaded = ModelFile.Load(new MemoryStream(Save(model)), [ActivationFunction.Of<Swish>()]);

        Assert.Equal(["Dense(3, 5, Gelu)", "Dense(5, 4, Swish)", "Dense(4, 2, Sigmoid)"], loaded.Layers.Select(l => l.Name));
        Assert.Equal(Bits(model), Bits(loaded));
        Assert.Equal(expected, loaded.Forward(input, 3).ToArray());
    }

    [Fact]
    public void Load_Version1FileOf01_BuildsTheModelItDescribes()
    {
        // ModelFiles/version1.json was written by 0.1's ModelFile.Save for
        // Dense(3, 2) → Tanh → Dense(2, 2) → Softmax, with the outputs below recorded then.
        var model = ModelFile.Load(Path.Combine(AppContext.BaseDirectory, "Layers", "ModelFiles", "version1.json"));

        Assert.Equal(["Dense(3, 2)", "Activation<Tanh>(2)", "Dense(2, 2)", "Softmax(2)"], model.Layers.Select(l => l.Name));
        Assert.Equal([1.4998272750769566, -0.8950277369667856, 0.11939354181056931, -1.199394481910991, -0.007490735375356621, -0.508956209763257], model.Parameters[0].Values.ToArray());
        Assert.Equal([0.125, -0.5], model.Parameters[1].Values.ToArray());
        Assert.Equal([0.3, -0.1], model.Parameters[3].Values.ToArray());
        Assert.Equal([0.9191980162192078, 0.08080198378079212, 0.9593555794415535, 0.04064442055844643], model.Forward([0.5, -1, 2, 1, 0, -0.25], 2).ToArray());
    }

    [Fact]
    public void LoadParameters_Version1FileOf01_FillsAModelOfTheSameLayers()
    {
        var model = new Sequential(Dense.Zeros(3, 2), new Activation<Activations.TanhFunction>(2), Dense.Zeros(2, 2), new Softmax(2));

        ModelFile.LoadParameters(model, Path.Combine(AppContext.BaseDirectory, "Layers", "ModelFiles", "version1.json"));

        Assert.Equal([0.9191980162192078, 0.08080198378079212, 0.9593555794415535, 0.04064442055844643], model.Forward([0.5, -1, 2, 1, 0, -0.25], 2).ToArray());
    }

    [Fact]
    public void Load_Version1DenseWithAnActivationField_IgnoresIt()
    {
        // Version 1 has no "activation" field, and a reader ignores fields it does not know.
        const string Json = """{"format": "SymDiff.Sequential", "version": 1, "layers": [{"type": "Dense", "inputs": 1, "outputs": 1, "activation": "Relu", "weights": [-2], "biases": [0]}]}""";

        var model = ModelFile.Load(new MemoryStream(Encoding.UTF8.GetBytes(Json)));

        Assert.Equal("Dense(1, 1)", model.Layers[0].Name);
        Assert.Equal(-2.0, model.Forward([1], 1)[0]);
    }

    [Fact]
    public void Load_ByteOrderMark_Loads()
    {
        var bytes = Save(new Sequential(new Dense(2, 2, seed: 1, ActivationFunction.Tanh)));

        var model = ModelFile.Load(new MemoryStream([0xEF, 0xBB, 0xBF, .. bytes]));

        Assert.Equal("Dense(2, 2, Tanh)", model.Layers[0].Name);
    }

    [Fact]
    public void LoadParameters_DenseActivationDiffers_ThrowsNamingTheLayer()
    {
        var bytes = Save(new Sequential(new Dense(3, 4, seed: 1, ActivationFunction.Tanh)));

        var exception = Assert.Throws<InvalidDataException>(() => ModelFile.LoadParameters(new Sequential(Dense.Zeros(3, 4)), new MemoryStream(bytes)));

        Assert.Equal("The model file does not match the model: layer 0 is Dense(3, 4, Tanh) in the file but Dense(3, 4) in the model.", exception.Message);
    }

    [Fact]
    public void Load_TwoFunctionsOfOneName_ThrowsNamingIt()
    {
        var bytes = Save(new Sequential(new Dense(2, 2, seed: 1)));

        var exception = Assert.Throws<ArgumentException>(() => ModelFile.Load(new MemoryStream(bytes), [ActivationFunction.Of<Activations.ReluFunction>(), ActivationFunction.Of<OtherFunctions.Relu>()]));

        Assert.StartsWith("Two different activation functions are named Relu: a model file could not tell them apart.", exception.Message);
    }

    [Fact]
    public void Save_NaNParameterToAPath_WritesNoFile()
    {
        var model = new Sequential(new Dense(2, 2, seed: 1));
        model.Parameters[1].Values[0] = double.NaN;
        var path = Path.Combine(Path.GetTempPath(), $"symdiff-model-{Guid.NewGuid():N}.json");

        var exception = Assert.Throws<InvalidOperationException>(() => ModelFile.Save(model, path));

        Assert.Equal("Layer 0 Dense(2, 2) cannot be saved: biases[0] is NaN.", exception.Message);
        Assert.False(File.Exists(path));
    }

    private static byte[] Save(Sequential model)
    {
        var stream = new MemoryStream();
        ModelFile.Save(model, stream);
        return stream.ToArray();
    }

    private static IEnumerable<long> Bits(Sequential model) =>
        model.Parameters.SelectMany(p => p.Values.ToArray()).Select(BitConverter.DoubleToInt64Bits);
}
