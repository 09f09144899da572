using System;
using System.Collections.Generic;
using System.Diagnostics;
using SymDiff.Layers;
using SymDiff.Losses;
using SymDiff.Optimizers;

namespace SymDiff.Training;

/// <summary>
/// Trains a <see cref="Sequential"/> model by mini-batch backpropagation: forward, loss and
/// <c>∂loss/∂output</c>, backward (vector–Jacobian products layer by layer), optimizer step.
/// </summary>
/// <remarks>
/// Buffers are allocated on the first batch (and again only for a larger batch), so
/// <see cref="TrainBatch"/> and the batches of <see cref="Fit"/> allocate nothing in steady state.
/// A NaN or ∞ loss throws a <see cref="NonFiniteValueException"/> naming the loss, when the model's
/// <see cref="Sequential.CheckFinite"/> is on.
/// </remarks>
public sealed class Trainer
{
    private readonly string _lossLocation;
    private double[] _lossGradient = [];
    private double[] _batchInput = [];
    private double[] _batchTarget = [];

    /// <summary>Creates a trainer.</summary>
    /// <param name="model">The model to train.</param>
    /// <param name="loss">The loss to minimise.</param>
    /// <param name="optimizer">
    /// An optimizer created for the model's <see cref="Sequential.Parameters"/> (or for some of them,
    /// to train only those).
    /// </param>
    /// <exception cref="ArgumentNullException">Any argument is null.</exception>
    /// <exception cref="ArgumentException">The optimizer updates a parameter that is not the model's.</exception>
    public Trainer(Sequential model, ILoss loss, IOptimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(optimizer);
        CheckOptimizerBelongsTo(model, optimizer);
        Model = model;
        Loss = loss;
        Optimizer = optimizer;
        _lossLocation = "loss " + loss.Name;
    }

    /// <summary>The model trained.</summary>
    public Sequential Model { get; }

    /// <summary>The loss minimised.</summary>
    public ILoss Loss { get; }

    /// <summary>The optimizer that updates the parameters.</summary>
    public IOptimizer Optimizer { get; }

    /// <summary>One training step on one batch; returns the batch's loss before the update.</summary>
    /// <exception cref="ArgumentException">The input or target does not have the model's shape.</exception>
    /// <exception cref="NonFiniteValueException">A NaN or ∞ appeared (named by layer).</exception>
    public double TrainBatch(ReadOnlySpan<double> input, ReadOnlySpan<double> target, int batchSize) =>
        TrainBatchCore(input, target, batchSize, countCorrect: false, out _);

    /// <summary>
    /// Trains for up to <see cref="TrainingOptions.Epochs"/> epochs over shuffled mini-batches,
    /// reporting each epoch; with a <paramref name="validation"/> set it also evaluates it after each
    /// epoch. Reproducible: the same model initialisation, data and options give the same result.
    /// </summary>
    /// <exception cref="ArgumentException">A dataset's widths do not match the model, or the training set is empty.</exception>
    public TrainingHistory Fit(Dataset training, TrainingOptions options, Dataset? validation = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(options);
        training.CheckFits(Model, nameof(training));
        if (training.Count == 0)
        {
            throw new ArgumentException("The training set is empty.", nameof(training));
        }

        if (validation is not null)
        {
            validation.CheckFits(Model, nameof(validation));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Epochs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BatchSize);
        ArgumentOutOfRangeException.ThrowIfNegative(options.EarlyStoppingPatience);

        var random = new Random(options.Seed);
        var order = new int[training.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var batchSize = Math.Min(options.BatchSize, training.Count);
        var batchCount = (training.Count + batchSize - 1) / batchSize;
        EnsureBatchBuffers(batchSize, training.FeatureCount, training.TargetCount);
        var parameters = Model.Parameters;
        var best = options.EarlyStoppingPatience > 0 ? new double[parameters.Count][] : null;
        var bestLoss = double.PositiveInfinity;
        var bestEpoch = 0;
        var waited = 0;
        var stoppedEarly = false;
        var reports = new List<EpochReport>(options.Epochs);

        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var started = Stopwatch.GetTimestamp();
            if (options.Shuffle)
            {
                Shuffle(order, random);
            }

            var lossSum = 0.0;
            var correct = 0;
            for (var b = 0; b < batchCount; b++)
            {
                var first = b * batchSize;
                var rows = Math.Min(batchSize, training.Count - first);
                var loss = TrainGathered(training, order.AsSpan(first, rows), out var batchCorrect);
                lossSum += loss * rows;
                correct += batchCorrect;
                options.BatchProgress?.Report(new BatchProgress(epoch, b + 1, batchCount, loss));
            }

            var validationResult = validation is null ? new Evaluation(double.NaN, 0, 0) : Evaluate(validation);
            var report = new EpochReport(
                epoch,
                options.Epochs,
                lossSum / training.Count,
                (double)correct / training.Count,
                validationResult.Loss,
                validationResult.Accuracy,
                Stopwatch.GetElapsedTime(started));
            reports.Add(report);
            options.EpochProgress?.Report(report);

            var monitored = validation is null ? report.TrainingLoss : report.ValidationLoss;
            if (monitored < bestLoss - options.EarlyStoppingMinDelta)
            {
                bestLoss = monitored;
                bestEpoch = epoch;
                waited = 0;
                if (best is not null)
                {
                    for (var p = 0; p < parameters.Count; p++)
                    {
                        best[p] ??= new double[parameters[p].Length];
                        parameters[p].Values.CopyTo(best[p]);
                    }
                }
            }
            else if (best is not null && ++waited >= options.EarlyStoppingPatience)
            {
                stoppedEarly = epoch < options.Epochs;
                break;
            }
        }

        if (best is not null && bestEpoch > 0 && bestEpoch != reports.Count)
        {
            for (var p = 0; p < parameters.Count; p++)
            {
                best[p].CopyTo(parameters[p].Values);
            }
        }
        else if (best is null || bestEpoch == 0)
        {
            bestEpoch = reports.Count;
        }

        return new TrainingHistory(reports, bestEpoch, stoppedEarly);
    }

    /// <summary>The model's mean loss and accuracy over <paramref name="data"/>, in batches of <paramref name="batchSize"/> rows.</summary>
    public Evaluation Evaluate(Dataset data, int batchSize = 256) => Evaluation.Of(Model, Loss, data, batchSize);

    private double TrainGathered(Dataset data, ReadOnlySpan<int> rows, out int correct)
    {
        var features = data.FeatureCount;
        var targets = data.TargetCount;
        var input = _batchInput.AsSpan(0, rows.Length * features);
        var target = _batchTarget.AsSpan(0, rows.Length * targets);
        for (var r = 0; r < rows.Length; r++)
        {
            data.FeatureRow(rows[r]).CopyTo(input.Slice(r * features, features));
            data.TargetRow(rows[r]).CopyTo(target.Slice(r * targets, targets));
        }

        return TrainBatchCore(input, target, rows.Length, countCorrect: true, out correct);
    }

    private double TrainBatchCore(ReadOnlySpan<double> input, ReadOnlySpan<double> target, int batchSize, bool countCorrect, out int correct)
    {
        var output = Model.Forward(input, batchSize);
        if (_lossGradient.Length < output.Length)
        {
            _lossGradient = new double[output.Length];
        }

        var gradient = _lossGradient.AsSpan(0, output.Length);
        var loss = Loss.Gradient(output, target, batchSize, gradient);
        if (Model.CheckFinite && !double.IsFinite(loss))
        {
            throw new NonFiniteValueException(_lossLocation, $"{_lossLocation}: the loss of the batch is {loss} (check the targets and the model's output).");
        }

        correct = countCorrect ? Accuracy.CountCorrect(output, target, batchSize, Model.OutputSize) : 0;
        Model.Backward(gradient, inputGradient: false);
        Optimizer.Step();
        return loss;
    }

    private void EnsureBatchBuffers(int batchSize, int features, int targets)
    {
        if (_batchInput.Length < batchSize * features)
        {
            _batchInput = new double[batchSize * features];
        }

        if (_batchTarget.Length < batchSize * targets)
        {
            _batchTarget = new double[batchSize * targets];
        }
    }

    private static void CheckOptimizerBelongsTo(Sequential model, IOptimizer optimizer)
    {
        var owned = new HashSet<Parameter>(model.Parameters, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < optimizer.Parameters.Count; i++)
        {
            var parameter = optimizer.Parameters[i];
            if (!owned.Contains(parameter))
            {
                throw new ArgumentException(
                    $"The optimizer's parameter {i} ({parameter.Name}, {parameter.Rows} × {parameter.Columns}) is not one of the model's: the model would not learn. Create the optimizer from this model's Parameters.",
                    nameof(optimizer));
            }
        }
    }

    /// <summary>Fisher–Yates shuffle.</summary>
    private static void Shuffle(Span<int> order, Random random)
    {
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }
}
