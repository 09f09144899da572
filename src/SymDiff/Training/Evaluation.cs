using System;
using SymDiff.Layers;
using SymDiff.Losses;

namespace SymDiff.Training;

/// <summary>A model's loss and accuracy on a dataset (see <see cref="Of"/>).</summary>
/// <param name="Loss">Mean loss over all rows.</param>
/// <param name="Correct">Rows predicted correctly (see <see cref="Accuracy"/>).</param>
/// <param name="Count">Rows evaluated.</param>
public readonly record struct Evaluation(double Loss, int Correct, int Count)
{
    /// <summary><see cref="Correct"/> / <see cref="Count"/>.</summary>
    public double Accuracy => Count == 0 ? double.NaN : (double)Correct / Count;

    /// <summary>
    /// The mean <paramref name="loss"/> and the accuracy of <paramref name="model"/> over
    /// <paramref name="data"/>, in batches of <paramref name="batchSize"/> rows (no training; a
    /// loaded model needs no optimizer for this).
    /// </summary>
    /// <exception cref="ArgumentException">The dataset's widths do not match the model.</exception>
    public static Evaluation Of(Sequential model, ILoss loss, Dataset data, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        data.CheckFits(model, nameof(data));
        if (data.Count == 0)
        {
            return new Evaluation(double.NaN, 0, 0);
        }

        var lossSum = 0.0;
        var correct = 0;
        for (var start = 0; start < data.Count; start += batchSize)
        {
            var rows = Math.Min(batchSize, data.Count - start);
            var input = data.Features.Slice(start * data.FeatureCount, rows * data.FeatureCount);
            var target = data.Targets.Slice(start * data.TargetCount, rows * data.TargetCount);
            var output = model.Forward(input, rows);
            lossSum += loss.Value(output, target, rows) * rows;
            correct += Training.Accuracy.CountCorrect(output, target, rows, data.TargetCount); // the class, not this struct's property
        }

        return new Evaluation(lossSum / data.Count, correct, data.Count);
    }
}
