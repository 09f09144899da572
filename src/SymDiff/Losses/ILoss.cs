using System;

namespace SymDiff.Losses;

/// <summary>
/// A loss over a batch: the mean, over the batch, of a per-row loss between a prediction row and a
/// target row, both <c>batchSize × width</c> row-major.
/// </summary>
public interface ILoss
{
    /// <summary>A short name for messages and reports.</summary>
    string Name { get; }

    /// <summary>The loss of the batch.</summary>
    /// <exception cref="ArgumentException">The spans are not both <c>batchSize × width</c> for one width.</exception>
    double Value(ReadOnlySpan<double> prediction, ReadOnlySpan<double> target, int batchSize);

    /// <summary>The loss of the batch, and <c>∂loss/∂prediction</c> written into <paramref name="gradient"/> (same shape as the prediction).</summary>
    /// <exception cref="ArgumentException">The spans are not all <c>batchSize × width</c> for one width.</exception>
    double Gradient(ReadOnlySpan<double> prediction, ReadOnlySpan<double> target, int batchSize, Span<double> gradient);
}
