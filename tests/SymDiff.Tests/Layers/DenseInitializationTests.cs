using SymDiff.Layers;

namespace SymDiff.Tests.Layers;

/// <summary>A Dense layer draws its weights when it is created: reproducibly from a seed or a generator, at the documented scale.</summary>
public sealed class DenseInitializationTests
{
    [Fact]
    public void Create_SameSeedTwice_GivesTheSameWeights()
    {
        var first = new Dense(5, 7, seed: 42);
        var second = new Dense(5, 7, seed: 42);

        Assert.Equal(first.Weights.Values.ToArray(), second.Weights.Values.ToArray());
    }

    [Fact]
    public void Create_DifferentSeeds_GiveDifferentWeights()
    {
        var first = new Dense(5, 7, seed: 42).Weights.Values.ToArray();
        var second = new Dense(5, 7, seed: 43).Weights.Values.ToArray();

        Assert.All(first.Zip(second), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Fact]
    public void Create_SeedOrGeneratorOfThatSeed_GiveTheSameWeights()
    {
        var fromSeed = new Dense(4, 3, seed: 8, initialization: WeightInitialization.Xavier);
        var fromRandom = new Dense(4, 3, new Random(8), initialization: WeightInitialization.Xavier);

        Assert.Equal(fromSeed.Weights.Values.ToArray(), fromRandom.Weights.Values.ToArray());
    }

    [Fact]
    public void Create_OneGeneratorForAModel_DrawsWhatSequentialInitializeDrewIn01()
    {
        // Recorded with 0.1: new Sequential(new Dense(2, 3), new Activation<Relu>(3), new Dense(3, 2, Xavier)).Initialize(seed: 1).
        var random = new Random(1);
        var first = new Dense(2, 3, random);
        var second = new Dense(3, 2, random, initialization: WeightInitialization.Xavier);

        Assert.Equal([0.5803915748180694, 0.1518133272462265, -1.3352939917151108, 0.8774098274963612, -0.28902596877490006, 0.0029850225436330495], first.Weights.Values.ToArray());
        Assert.Equal([-0.3941189550042495, 1.0730260588569573, 0.39901176177893083, 0.3393423584269536, -0.4760164204778028, 0.252711318946707], second.Weights.Values.ToArray());
    }

    [Fact]
    public void Create_He_DrawsNormalWeightsOfVarianceTwoOverInputs()
    {
        var dense = new Dense(200, 300, seed: 3);

        var (mean, deviation) = MeanAndDeviation(dense.Weights.Values.ToArray());

        // 60,000 draws of N(0, 0.1²): the mean's standard error is 0.0004, the deviation's 0.0003.
        Assert.Equal(Math.Sqrt(2.0 / 200), deviation, 0.002);
        Assert.Equal(0, mean, 0.002);
        Assert.All(dense.Biases.Values.ToArray(), bias => Assert.Equal(0, bias));
    }

    [Fact]
    public void Create_Xavier_DrawsUniformWeightsWithinTheGlorotLimit()
    {
        var dense = new Dense(200, 300, seed: 4, initialization: WeightInitialization.Xavier);
        var weights = dense.Weights.Values.ToArray();
        var limit = Math.Sqrt(6.0 / (200 + 300)); // 0.1095

        var (mean, deviation) = MeanAndDeviation(weights);

        Assert.InRange(weights.Max(), 0.999 * limit, limit);
        Assert.InRange(weights.Min(), -limit, -0.999 * limit);
        Assert.Equal(limit / Math.Sqrt(3), deviation, 0.002); // U(−a, a) has deviation a/√3 = 0.0632
        Assert.Equal(0, mean, 0.002);
        Assert.All(dense.Biases.Values.ToArray(), bias => Assert.Equal(0, bias));
    }

    [Fact]
    public void Zeros_AnyShape_HasZeroWeightsAndBiases()
    {
        var dense = Dense.Zeros(3, 2);

        Assert.Equal(new double[6], dense.Weights.Values.ToArray());
        Assert.Equal(new double[2], dense.Biases.Values.ToArray());
        Assert.Equal("Dense(3, 2)", dense.Name);
    }

    [Fact]
    public void Create_UndefinedInitialization_ThrowsNamingIt()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new Dense(2, 2, seed: 1, initialization: (WeightInitialization)7));

        Assert.Equal("initialization", exception.ParamName);
        Assert.StartsWith("Expected WeightInitialization.He or WeightInitialization.Xavier", exception.Message);
    }

    [Fact]
    public void Create_BadWidthOrNoGenerator_Throws()
    {
        Assert.Equal("inputs", Assert.Throws<ArgumentOutOfRangeException>(() => new Dense(0, 2, seed: 1)).ParamName);
        Assert.Equal("outputs", Assert.Throws<ArgumentOutOfRangeException>(() => Dense.Zeros(2, -1)).ParamName);
        Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => new Dense(2, 2, random: null!)).ParamName);
    }

    private static (double Mean, double Deviation) MeanAndDeviation(double[] values)
    {
        var mean = values.Average();
        return (mean, Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1)));
    }
}
