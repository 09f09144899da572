using System;

namespace SymDiff.Losses;

/// <summary>Checks the shapes that every <see cref="ILoss"/> takes and returns the row width.</summary>
internal static class LossShape
{
    public static int Width(string loss, ReadOnlySpan<double> prediction, ReadOnlySpan<double> target, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        if (prediction.Length == 0 || prediction.Length % batchSize != 0)
        {
            throw new ArgumentException(
                $"Shape mismatch in {loss}: the prediction has {prediction.Length} values, not a positive multiple of batchSize {batchSize}.",
                nameof(prediction));
        }

        if (target.Length != prediction.Length)
        {
            throw new ArgumentException(
                $"Shape mismatch in {loss}: the target has {target.Length} values; the prediction has {prediction.Length} ({batchSize} rows × {prediction.Length / batchSize}).",
                nameof(target));
        }

        return prediction.Length / batchSize;
    }

    public static void CheckGradient(string loss, ReadOnlySpan<double> prediction, Span<double> gradient)
    {
        if (gradient.Length != prediction.Length)
        {
            throw new ArgumentException(
                $"Shape mismatch in {loss}: the gradient buffer has {gradient.Length} values; the prediction has {prediction.Length}.",
                nameof(gradient));
        }
    }
}
