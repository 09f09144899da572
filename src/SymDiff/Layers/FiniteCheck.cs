using System;
using System.Numerics.Tensors;

namespace SymDiff.Layers;

/// <summary>Finds NaN and ∞ in buffers and builds the <see cref="NonFiniteValueException"/> that names them.</summary>
internal static class FiniteCheck
{
    /// <summary>
    /// Throws a <see cref="NonFiniteValueException"/> if <paramref name="values"/> (a matrix with
    /// <paramref name="columns"/> columns) holds a NaN or ∞. A finite sum proves every value finite,
    /// so the element scan runs only when something is wrong (or the sum overflowed). The message is
    /// <c>location: what + detail contains NaN at row r, column c.</c>, built only when thrown.
    /// </summary>
    public static void ThrowIfNonFinite(ReadOnlySpan<double> values, int columns, string location, string what, string? detail = null)
    {
        if (double.IsFinite(TensorPrimitives.Sum(values)))
        {
            return;
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                var kind = double.IsNaN(values[i]) ? "NaN" : values[i] > 0 ? "+∞" : "−∞";
                var position = columns <= 1 && values.Length > 1
                    ? $"at index {i}"
                    : $"at row {i / Math.Max(columns, 1)}, column {i % Math.Max(columns, 1)}";
                throw new NonFiniteValueException(location, $"{Capitalise(location)}: {what}{detail} contains {kind} {position}.");
            }
        }
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
