using SymDiff.Functions;
using SymDiff.Layers;
using SymDiff.Losses;
using SymDiff.Optimizers;
using SymDiff.Training;

namespace SymDiff.Tests.Layers;

/// <summary>End-to-end training: XOR, reproducibility, early stopping, a line fit.</summary>
public sealed class TrainingTests
{
    private static readonly Dataset Xor = new([0, 0, 0, 1, 1, 0, 1, 1], 2, [0, 1, 1, 0], 1);

    [Fact]
    public void Fit_XorFromFixedSeed_ReachesZeroError()
    {
        var random = new Random(1);
        var model = new Sequential(new Dense(2, 4, random, initialization: WeightInitialization.Xavier), new Activation<Activations.TanhFunction>(4), new Dense(4, 1, random, initialization: WeightInitialization.Xavier), new Activation<Activations.SigmoidFunction>(1));
        var trainer = new Trainer(model, new MeanSquaredError(), new Adam(model.Parameters, 0.05));

        var history = trainer.Fit(Xor, new TrainingOptions { Epochs = 1000, BatchSize = 4, Seed = 1 });

        var predictions = new double[4];
        model.Predict(Xor.Features, 4, predictions);
        Assert.Equal(4, trainer.Evaluate(Xor).Correct);
        Assert.All(predictions.Zip(Xor.Targets.ToArray()), pair => Assert.True(Math.Abs(pair.First - pair.Second) < 0.05, $"prediction {pair.First} for target {pair.Second}"));
        Assert.True(history.Epochs[^1].TrainingLoss < 1e-3, $"final loss {history.Epochs[^1].TrainingLoss}");
        Assert.Equal(1.0, history.Epochs[^1].TrainingAccuracy);
    }

    [Fact]
    public void Fit_SameSeedTwice_GivesIdenticalParameters()
    {
        var first = TrainSmall(seed: 5);
        var second = TrainSmall(seed: 5);
        var other = TrainSmall(seed: 6);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Fit_EarlyStopping_StopsAndRestoresTheBestEpoch()
    {
        // A learning rate so large that SGD diverges after the first steps: the loss stops improving.
        var model = new Sequential(Dense.Zeros(1, 1));
        var data = new Dataset([1, 2, 3, 4], 1, [2, 4, 6, 8], 1);
        var trainer = new Trainer(model, new MeanSquaredError(), new Sgd(model.Parameters, 0.2));
        var snapshots = new List<double[]>();

        var history = trainer.Fit(data, new TrainingOptions
        {
            Epochs = 50,
            BatchSize = 4,
            EarlyStoppingPatience = 3,
            EpochProgress = new SynchronousProgress<EpochReport>(_ => snapshots.Add(model.Parameters.SelectMany(p => p.Values.ToArray()).ToArray())),
        });

        Assert.True(history.StoppedEarly);
        Assert.Equal(history.BestEpoch + 3, history.Epochs.Count);
        var bestLoss = history.Epochs.Min(e => e.TrainingLoss);
        Assert.Equal(bestLoss, history.Epochs[history.BestEpoch - 1].TrainingLoss);
        Assert.Equal(snapshots[history.BestEpoch - 1], model.Parameters.SelectMany(p => p.Values.ToArray()).ToArray());
    }

    [Fact]
    public void Fit_LineByGradientDescent_ReachesLeastSquares()
    {
        var line = Dense.Zeros(1, 1);
        var model = new Sequential(line);
        double[] x = [0, 1, 2, 3, 4];
        double[] y = [1.1, 2.9, 5.2, 7.1, 8.8];
        var trainer = new Trainer(model, new MeanSquaredError(), new Sgd(model.Parameters, 0.05, momentum: 0.5));

        trainer.Fit(new Dataset(x, 1, y, 1), new TrainingOptions { Epochs = 2000, BatchSize = 5, Shuffle = false });

        // Least squares: slope = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)² = 19.6/10 = 1.96, intercept = 5.02 − 1.96·2 = 1.10.
        Assert.Equal(1.96, line.Weights.Values[0], 1e-9);
        Assert.Equal(1.10, line.Biases.Values[0], 1e-9);
    }

    [Fact]
    public void Fit_Validation_ReportsValidationFigures()
    {
        var model = new Sequential(new Dense(2, 1, seed: 3), new Activation<Activations.SigmoidFunction>(1));
        var reports = new List<EpochReport>();
        var batches = 0;

        new Trainer(model, new MeanSquaredError(), new Sgd(model.Parameters, 0.1)).Fit(
            Xor,
            new TrainingOptions { Epochs = 3, BatchSize = 3, EpochProgress = new SynchronousProgress<EpochReport>(reports.Add), BatchProgress = new SynchronousProgress<BatchProgress>(_ => batches++) },
            validation: Xor);

        Assert.Equal([1, 2, 3], reports.Select(r => r.Epoch));
        Assert.All(reports, r => Assert.True(double.IsFinite(r.ValidationLoss) && r.ValidationAccuracy is >= 0 and <= 1));
        Assert.Equal(3 * 2, batches); // 4 rows in batches of 3: two batches per epoch
    }

    [Fact]
    public void Fit_OptimizerForTheLastLayerOnly_TrainsOnlyThatLayer()
    {
        var random = new Random(2);
        var first = new Dense(2, 3, random);
        var last = new Dense(3, 1, random);
        var model = new Sequential(first, new Activation<Activations.TanhFunction>(3), last);
        var frozen = first.Parameters.SelectMany(p => p.Values.ToArray()).ToArray();
        var trained = last.Parameters.SelectMany(p => p.Values.ToArray()).ToArray();

        new Trainer(model, new MeanSquaredError(), new Sgd(last.Parameters, 0.1)).Fit(Xor, new TrainingOptions { Epochs = 3, BatchSize = 4 });

        Assert.Equal(frozen, first.Parameters.SelectMany(p => p.Values.ToArray()));
        Assert.NotEqual(trained, last.Parameters.SelectMany(p => p.Values.ToArray()));
    }

    [Fact]
    public void EvaluationOf_ModelWithoutTrainer_MatchesTheTrainersEvaluation()
    {
        var model = new Sequential(new Dense(2, 1, seed: 3), new Activation<Activations.SigmoidFunction>(1));
        var trainer = new Trainer(model, new MeanSquaredError(), new Sgd(model.Parameters, 0.1));

        var evaluation = Evaluation.Of(model, new MeanSquaredError(), Xor, batchSize: 3);

        Assert.Equal(trainer.Evaluate(Xor, batchSize: 3), evaluation);
        Assert.Equal(4, evaluation.Count);
        Assert.True(evaluation.Loss > 0 && double.IsFinite(evaluation.Loss));
    }

    private static double[] TrainSmall(int seed)
    {
        var random = new Random(seed);
        var model = new Sequential(new Dense(2, 3, random), new Activation<Activations.ReluFunction>(3), new Dense(3, 2, random));
        var features = TestData.Matrix(seed: 1, count: 40);
        var data = Dataset.FromLabels(features, 2, Enumerable.Range(0, 20).Select(i => features[2 * i] > features[2 * i + 1] ? 1 : 0).ToArray(), 2);
        new Trainer(model, new SoftmaxCrossEntropy(), new Adam(model.Parameters, 0.01)).Fit(data, new TrainingOptions { Epochs = 5, BatchSize = 3, Seed = seed });
        return model.Parameters.SelectMany(p => p.Values.ToArray()).ToArray();
    }

    [Fact]
    public void SynchronousProgress_ReportsAtOnceOnTheReportingThread_InOrder()
    {
        var seen = new List<(int Value, int Thread)>();
        IProgress<int> progress = new SynchronousProgress<int>(v => seen.Add((v, Environment.CurrentManagedThreadId)));
        progress.Report(1);
        progress.Report(2);
        Assert.Equal(new[] { (1, Environment.CurrentManagedThreadId), (2, Environment.CurrentManagedThreadId) }, seen);
        Assert.Throws<ArgumentNullException>(() => new SynchronousProgress<int>(null!));
    }
}
