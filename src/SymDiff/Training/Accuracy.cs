using System;
using System.Numerics.Tensors;

namespace SymDiff.Training;

/// <summary>
/// Counts correct predictions. Rows wider than one value are classes: a row is correct when the
/// index of its largest prediction is the index of its largest target (first index on ties; a NaN
/// prediction row is never correct). Rows of one value are a binary decision: correct when the
/// prediction and the target fall on the same side of ½.
/// </summary>
public static class Accuracy
{
    /// <summary>Number of correct rows among <paramref name="rows"/> rows of width <paramref name="width"/>.</summary>
    public static int CountCorrect(ReadOnlySpan<double> prediction, ReadOnlySpan<double> target, int rows, int width)
    {
        Kernels.MatrixKernels.CheckShape(prediction, rows, width, nameof(prediction));
        Kernels.MatrixKernels.CheckShape(target, rows, width, nameof(target));
        var correct = 0;
        for (var i = 0; i < rows; i++)
        {
            var p = prediction.Slice(i * width, width);
            var t = target.Slice(i * width, width);
            if (width == 1)
            {
                correct += (p[0] >= 0.5) == (t[0] >= 0.5) && !double.IsNaN(p[0]) ? 1 : 0;
            }
            else
            {
                var predicted = TensorPrimitives.IndexOfMax(p);
                correct += !double.IsNaN(p[predicted]) && predicted == TensorPrimitives.IndexOfMax(t) ? 1 : 0;
            }
        }

        return correct;
    }
}
