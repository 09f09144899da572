using System.Diagnostics;
using Digits;
using SymDiff.Training;

namespace SymDiff.Tests.Layers;

/// <summary>The Digits sample's experiment, run as a test: it reaches its accuracy bar on the 1,797 test digits.</summary>
public sealed class DigitsTests
{
    [Fact]
    [Trait("Category", "Long")]
    public void DigitsExperiment_DefaultSeed_ReachesNinetySixPercentOnTheTestSet()
    {
        var (training, test) = Load();
        var clock = Stopwatch.StartNew();

        var (trainer, _) = DigitsExperiment.Train(training);

        var result = trainer.Evaluate(test);
        Assert.Equal(1797, result.Count);
        Assert.True(result.Accuracy >= 0.96, $"test accuracy {result.Accuracy:P1} ({result.Correct}/{result.Count})");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(50), $"training took {clock.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    [Trait("Category", "Long")]
    public void DigitsExperiment_SameSeedTwice_GivesIdenticalModels()
    {
        var (training, _) = Load();

        var first = DigitsExperiment.Train(training, epochs: 2).Trainer.Model;
        var second = DigitsExperiment.Train(training, epochs: 2).Trainer.Model;

        Assert.Equal(first.Parameters.SelectMany(p => p.Values.ToArray()), second.Parameters.SelectMany(p => p.Values.ToArray()));
    }

    private static (Dataset Training, Dataset Test) Load()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "data");
        var raw = DigitsData.Load(Path.Combine(directory, "optdigits.tra"));
        var test = DigitsData.Load(Path.Combine(directory, "optdigits.tes"));
        return (DigitsData.Standardize(raw, raw), DigitsData.Standardize(test, raw));
    }
}
