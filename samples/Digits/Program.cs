using System.Diagnostics;
using System.Globalization;
using Digits;
using SymDiff.Training;

// Trains a 64-64-10 network on the UCI optdigits training set and reports accuracy on the 1,797 test digits.
// Options: --epochs N, --seed N, --save PATH (keep the trained model as JSON; see docs/model-format.md),
// --plot PATH (the loss and accuracy per epoch as a PNG).
Console.OutputEncoding = System.Text.Encoding.UTF8;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var epochs = DigitsExperiment.DefaultEpochs;
var seed = DigitsExperiment.DefaultSeed;
string? savePath = null;
string? plotPath = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--epochs" when i + 1 < args.Length:
            epochs = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--seed" when i + 1 < args.Length:
            seed = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--save" when i + 1 < args.Length:
            savePath = args[++i];
            break;
        case "--plot" when i + 1 < args.Length:
            plotPath = args[++i];
            break;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}'; usage: Digits [--epochs N] [--seed N] [--save PATH] [--plot PATH]");
            return 2;
    }
}

var dataDirectory = Path.Combine(AppContext.BaseDirectory, "data");
var rawTraining = DigitsData.Load(Path.Combine(dataDirectory, "optdigits.tra"));
var training = DigitsData.Standardize(rawTraining, rawTraining);
var test = DigitsData.Standardize(DigitsData.Load(Path.Combine(dataDirectory, "optdigits.tes")), rawTraining);
Console.WriteLine("Digits: Dense(64, 64) → ReLU → Dense(64, 10), softmax cross-entropy, SGD (momentum 0.9, weight decay 0.001), batches of 32");
Console.WriteLine($"training digits: {training.Count}, test digits: {test.Count}, seed: {seed}, epochs: {epochs}");

var interactive = !Console.IsOutputRedirected;
var clock = Stopwatch.StartNew();
var (trainer, history) = DigitsExperiment.Train(
    training,
    seed,
    epochs,
    epochProgress: new SynchronousProgress<EpochReport>(report => Console.WriteLine(
        (interactive ? "\r" : "")
        + $"epoch {report.Epoch,2}/{report.Epochs} {Bar(1.0)} loss {report.TrainingLoss:F4}  accuracy {report.TrainingAccuracy * 100,5:F1}%  {report.Elapsed.TotalSeconds:F2} s"
        + (interactive ? "      " : ""))),
    batchProgress: interactive ? new SynchronousProgress<BatchProgress>(ShowProgress) : null);
var seconds = clock.Elapsed.TotalSeconds;
Console.WriteLine($"training time: {seconds:F1} s ({seconds / history.Epochs.Count:F3} s per epoch)");
if (plotPath is not null)
{
    ProgressPlot.Save(history, plotPath);
    Console.WriteLine($"wrote the loss and accuracy per epoch to {plotPath}");
}

var path = savePath ?? Path.Combine(Path.GetTempPath(), $"symdiff-digits-{Environment.ProcessId}.json");
ModelFile.Save(trainer.Model, path);
var reloaded = Evaluation.Of(ModelFile.Load(path), trainer.Loss, test);
var result = trainer.Evaluate(test);
Console.WriteLine($"saved the model to {(savePath ?? "a temporary file")} ({new FileInfo(path).Length / 1024} KB) and loaded it back: "
    + (reloaded == result ? "same test results" : "DIFFERENT test results"));
if (savePath is null)
{
    File.Delete(path);
}

Console.WriteLine($"test loss: {result.Loss:F4}");
Console.WriteLine($"test accuracy: {result.Accuracy * 100:F1}% ({result.Correct}/{result.Count})");
return 0;

static void ShowProgress(BatchProgress progress)
{
    if (progress.Batch % 8 == 0 || progress.Batch == progress.BatchCount)
    {
        Console.Write($"\repoch {progress.Epoch,2} {Bar((double)progress.Batch / progress.BatchCount)} batch {progress.Batch}/{progress.BatchCount} loss {progress.Loss:F4}   ");
    }
}

static string Bar(double fraction)
{
    const int width = 20;
    var filled = (int)Math.Round(fraction * width);
    return "[" + new string('#', filled) + new string('.', width - filled) + "]";
}
