using System;

namespace SymDiff.Training;

/// <summary>
/// An <see cref="IProgress{T}"/> that calls its handler at once, on the thread that reports: the order of
/// console lines stays the order of epochs. (<see cref="Progress{T}"/> posts each report to the context it
/// was created on, which in a console program is the thread pool, so its lines may come late or out of order.)
/// </summary>
/// <typeparam name="T">What is reported: an <see cref="EpochReport"/> or a <see cref="BatchProgress"/>.</typeparam>
public sealed class SynchronousProgress<T> : IProgress<T>
{
    private readonly Action<T> _handler;

    /// <param name="handler">Called with each report.</param>
    public SynchronousProgress(Action<T> handler) => _handler = handler ?? throw new ArgumentNullException(nameof(handler));

    /// <inheritdoc/>
    public void Report(T value) => _handler(value);
}
