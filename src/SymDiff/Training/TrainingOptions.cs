using System;

namespace SymDiff.Training;

/// <summary>Settings of <see cref="Trainer.Fit"/>.</summary>
public sealed class TrainingOptions
{
    /// <summary>Maximum number of passes over the training set (default 10).</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Rows per batch (default 32); the last batch of an epoch may be smaller.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Seed of the shuffling; the same seed, data and model give the same run (default 0).</summary>
    public int Seed { get; init; }

    /// <summary>Whether to visit the rows in a fresh random order each epoch (default true).</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>
    /// Stop after this many epochs without improvement of the monitored loss (the validation loss,
    /// or the training loss without a validation set) and restore the best parameters; 0 (the
    /// default) never stops early.
    /// </summary>
    public int EarlyStoppingPatience { get; init; }

    /// <summary>The smallest decrease of the monitored loss that counts as an improvement (default 0).</summary>
    public double EarlyStoppingMinDelta { get; init; }

    /// <summary>
    /// Told after each epoch (for a progress display or logging), on the training thread. A
    /// <see cref="SynchronousProgress{T}"/> handles each report at once; <see cref="Progress{T}"/> posts it to
    /// the context it was created on (a UI thread, or the thread pool in a console program).
    /// </summary>
    public IProgress<EpochReport>? EpochProgress { get; init; }

    /// <summary>Told after each batch (for a progress bar); keep it cheap, it is on the training path.</summary>
    public IProgress<BatchProgress>? BatchProgress { get; init; }
}
