using System;

namespace SymDiff.Training;

/// <summary>What one epoch of <see cref="Trainer.Fit"/> achieved. Validation figures are NaN without a validation set.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="Epochs">The number of epochs asked for.</param>
/// <param name="TrainingLoss">Mean loss over the epoch's batches (weighted by rows), measured while training.</param>
/// <param name="TrainingAccuracy">Fraction of training rows predicted correctly while training (see <see cref="Accuracy"/>).</param>
/// <param name="ValidationLoss">Loss on the validation set after the epoch.</param>
/// <param name="ValidationAccuracy">Accuracy on the validation set after the epoch.</param>
/// <param name="Elapsed">Time the epoch took (training and validation).</param>
public readonly record struct EpochReport(
    int Epoch,
    int Epochs,
    double TrainingLoss,
    double TrainingAccuracy,
    double ValidationLoss,
    double ValidationAccuracy,
    TimeSpan Elapsed);
