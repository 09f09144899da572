using System;

namespace SymDiff.Layers;

/// <summary>
/// Thrown when a NaN or infinity appears in a model's input, in a layer's output or gradient, or in
/// the loss. The message names the layer (or the input or loss), the pass and the position.
/// </summary>
public sealed class NonFiniteValueException : ArithmeticException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="location">Where the value appeared, e.g. <c>layer 1 Activation&lt;Relu&gt;(64)</c>.</param>
    /// <param name="message">The full message.</param>
    public NonFiniteValueException(string location, string message)
        : base(message)
    {
        Location = location;
    }

    /// <summary>Where the value appeared: <c>input</c>, <c>loss …</c> or <c>layer i Name</c>.</summary>
    public string Location { get; }
}
