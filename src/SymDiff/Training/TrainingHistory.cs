using System.Collections.Generic;

namespace SymDiff.Training;

/// <summary>The epochs that <see cref="Trainer.Fit"/> ran.</summary>
public sealed class TrainingHistory
{
    internal TrainingHistory(IReadOnlyList<EpochReport> epochs, int bestEpoch, bool stoppedEarly)
    {
        Epochs = epochs;
        BestEpoch = bestEpoch;
        StoppedEarly = stoppedEarly;
    }

    /// <summary>One report per epoch run.</summary>
    public IReadOnlyList<EpochReport> Epochs { get; }

    /// <summary>The 1-based epoch whose parameters the model holds at the end (the last one unless early stopping restored a better one).</summary>
    public int BestEpoch { get; }

    /// <summary>Whether early stopping ended training before <see cref="TrainingOptions.Epochs"/>.</summary>
    public bool StoppedEarly { get; }
}
