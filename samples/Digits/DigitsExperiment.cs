using SymDiff.Functions;
using SymDiff.Layers;
using SymDiff.Losses;
using SymDiff.Optimizers;
using SymDiff.Training;

namespace Digits;

/// <summary>
/// The Digits sample's experiment (shared with its test): a 64-64-10 ReLU network trained by SGD with
/// momentum and weight decay on standardised optdigits pixels.
/// </summary>
public static class DigitsExperiment
{
    /// <summary>Default number of epochs.</summary>
    public const int DefaultEpochs = 30;

    /// <summary>Default seed of initialisation and shuffling.</summary>
    public const int DefaultSeed = 1;

    /// <summary>Builds the network: Dense(64, 64) → ReLU → Dense(64, 10), softmax fused into the loss; the weights are drawn from one generator seeded with <paramref name="seed"/>.</summary>
    public static Sequential CreateModel(int seed)
    {
        var random = new Random(seed);
        return new Sequential(
            new Dense(DigitsData.Pixels, 64, random, ActivationFunction.Relu),
            new Dense(64, DigitsData.Classes, random, initialization: WeightInitialization.Xavier));
    }

    /// <summary>Trains a fresh model on <paramref name="training"/> (already standardised) and returns the trainer (model, loss) and its history.</summary>
    public static (Trainer Trainer, TrainingHistory History) Train(
        Dataset training,
        int seed = DefaultSeed,
        int epochs = DefaultEpochs,
        IProgress<EpochReport>? epochProgress = null,
        IProgress<BatchProgress>? batchProgress = null)
    {
        var model = CreateModel(seed);
        var optimizer = new Sgd(model.Parameters, learningRate: 0.05, momentum: 0.9, weightDecay: 1e-3);
        var trainer = new Trainer(model, new SoftmaxCrossEntropy(), optimizer);
        var history = trainer.Fit(training, new TrainingOptions
        {
            Epochs = epochs,
            BatchSize = 32,
            Seed = seed,
            EpochProgress = epochProgress,
            BatchProgress = batchProgress,
        });
        return (trainer, history);
    }
}
