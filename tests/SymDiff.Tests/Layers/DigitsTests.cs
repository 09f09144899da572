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

    /// <summary>The sample's <c>--plot</c>: a PNG of the asked size (checked by eye once: both curves, axes, legend).</summary>
    [Fact]
    public void ProgressPlot_ThreeEpochs_WritesAPngOfTheAskedSize()
    {
        var (training, _) = Load();
        var (_, history) = DigitsExperiment.Train(training, epochs: 3);
        var path = Path.Combine(Path.GetTempPath(), "symdiff-digits-plot-" + Environment.ProcessId + ".png");
        try
        {
            ProgressPlot.Save(history, path, width: 640, height: 360);
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);

            // The IHDR chunk follows the signature: width and height, big-endian.
            Assert.Equal(640, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
            Assert.Equal(360, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
            Assert.True(bytes.Length > 10_000, "a plot with text and two curves is more than " + bytes.Length + " bytes");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (Dataset Training, Dataset Test) Load()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "data");
        var raw = DigitsData.Load(Path.Combine(directory, "optdigits.tra"));
        var test = DigitsData.Load(Path.Combine(directory, "optdigits.tes"));
        return (DigitsData.Standardize(raw, raw), DigitsData.Standardize(test, raw));
    }
}
