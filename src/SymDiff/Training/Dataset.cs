using System;
using SymDiff.Layers;

namespace SymDiff.Training;

/// <summary>
/// Examples for training or evaluation: <see cref="Count"/> feature rows of
/// <see cref="FeatureCount"/> values and target rows of <see cref="TargetCount"/> values, each
/// stored row-major in one contiguous array.
/// </summary>
public sealed class Dataset
{
    private readonly double[] _features;
    private readonly double[] _targets;

    /// <summary>Wraps feature and target arrays (not copied).</summary>
    /// <exception cref="ArgumentException">The arrays do not hold the same number of whole rows.</exception>
    public Dataset(double[] features, int featureCount, double[] targets, int targetCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetCount);
        if (features.Length % featureCount != 0)
        {
            throw new ArgumentException($"The features hold {features.Length} values, not a whole number of rows of {featureCount}.", nameof(features));
        }

        var count = features.Length / featureCount;
        if (targets.Length != count * targetCount)
        {
            throw new ArgumentException(
                $"The targets hold {targets.Length} values; {count} rows of {targetCount} need {count * targetCount}.", nameof(targets));
        }

        _features = features;
        _targets = targets;
        FeatureCount = featureCount;
        TargetCount = targetCount;
        Count = count;
    }

    /// <summary>Builds a classification dataset whose targets are one-hot rows of <paramref name="classCount"/> values.</summary>
    /// <exception cref="ArgumentException">A label outside <c>[0, classCount)</c> or a row count that differs from the labels'.</exception>
    public static Dataset FromLabels(double[] features, int featureCount, int[] labels, int classCount)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        var targets = new double[labels.Length * classCount];
        for (var i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classCount)
            {
                throw new ArgumentException($"Label {labels[i]} of row {i} is outside [0, {classCount}).", nameof(labels));
            }

            targets[i * classCount + labels[i]] = 1;
        }

        return new Dataset(features, featureCount, targets, classCount);
    }

    /// <summary>Number of examples.</summary>
    public int Count { get; }

    /// <summary>Values per feature row.</summary>
    public int FeatureCount { get; }

    /// <summary>Values per target row.</summary>
    public int TargetCount { get; }

    /// <summary>All feature rows, row-major.</summary>
    public ReadOnlySpan<double> Features => _features;

    /// <summary>All target rows, row-major.</summary>
    public ReadOnlySpan<double> Targets => _targets;

    /// <summary>Feature row <paramref name="index"/>.</summary>
    public ReadOnlySpan<double> FeatureRow(int index) => _features.AsSpan(index * FeatureCount, FeatureCount);

    /// <summary>Target row <paramref name="index"/>.</summary>
    public ReadOnlySpan<double> TargetRow(int index) => _targets.AsSpan(index * TargetCount, TargetCount);

    /// <summary>Throws when the rows do not have <paramref name="model"/>'s input and output widths.</summary>
    internal void CheckFits(Sequential model, string name)
    {
        if (FeatureCount != model.InputSize || TargetCount != model.OutputSize)
        {
            throw new ArgumentException(
                $"Shape mismatch: the {name} set has {FeatureCount} features and {TargetCount} targets per row; the model takes {model.InputSize} and outputs {model.OutputSize}.",
                name);
        }
    }
}
