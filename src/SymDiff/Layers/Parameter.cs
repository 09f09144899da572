using System;

namespace SymDiff.Layers;

/// <summary>
/// A trainable tensor of a layer (a weight matrix or a bias vector), stored row-major, with a
/// gradient buffer of the same shape that the layer's backward pass writes.
/// </summary>
public sealed class Parameter
{
    private readonly double[] _values;
    private readonly double[] _gradients;

    /// <summary>Creates a zero <paramref name="rows"/> × <paramref name="columns"/> parameter.</summary>
    /// <param name="name">Its name within the layer, e.g. <c>weights</c>.</param>
    /// <param name="rows">Number of rows (1 for a vector).</param>
    /// <param name="columns">Number of columns.</param>
    public Parameter(string name, int rows, int columns)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        Name = name;
        Rows = rows;
        Columns = columns;
        _values = new double[rows * columns];
        _gradients = new double[rows * columns];
    }

    /// <summary>Its name within the layer, e.g. <c>weights</c> or <c>biases</c>.</summary>
    public string Name { get; }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>Number of values, <see cref="Rows"/> × <see cref="Columns"/>.</summary>
    public int Length => _values.Length;

    /// <summary>The values, row-major.</summary>
    public Span<double> Values => _values;

    /// <summary>The values' backing array (for code that needs an array, such as gradient checking).</summary>
    internal double[] ValuesArray => _values;

    /// <summary>∂loss/∂value for the last batch, row-major, written by the layer's backward pass.</summary>
    public Span<double> Gradients => _gradients;
}
