namespace SymDiff.Training;

/// <summary>Progress within an epoch, passed to <see cref="TrainingOptions.BatchProgress"/> after each batch.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="Batch">1-based number of the batch just trained.</param>
/// <param name="BatchCount">Batches per epoch.</param>
/// <param name="Loss">That batch's loss.</param>
public readonly record struct BatchProgress(int Epoch, int Batch, int BatchCount, double Loss);
