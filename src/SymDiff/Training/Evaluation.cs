namespace SymDiff.Training;

/// <summary>A model's loss and accuracy on a dataset (see <see cref="Trainer.Evaluate"/>).</summary>
/// <param name="Loss">Mean loss over all rows.</param>
/// <param name="Correct">Rows predicted correctly (see <see cref="Accuracy"/>).</param>
/// <param name="Count">Rows evaluated.</param>
public readonly record struct Evaluation(double Loss, int Correct, int Count)
{
    /// <summary><see cref="Correct"/> / <see cref="Count"/>.</summary>
    public double Accuracy => Count == 0 ? double.NaN : (double)Correct / Count;
}
