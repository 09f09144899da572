using System;
using System.Numerics.Tensors;

namespace SymDiff.Kernels;

/// <summary>
/// Dense matrix kernels over contiguous row-major buffers, vectorised with
/// <see cref="TensorPrimitives"/>. They allocate nothing.
/// </summary>
/// <remarks>
/// Inputs are <see cref="ReadOnlySpan{T}"/>s, the destination is the last argument and is
/// overwritten; it must not overlap an input. Every length is checked against the stated shape.
/// NaN and ∞ propagate as IEEE arithmetic gives (a NaN anywhere in a row or column reaches every
/// output it feeds; nothing is skipped for being multiplied by zero).
/// </remarks>
public static class MatrixKernels
{
    /// <summary>
    /// Affine map <c>D = A·B + 1·cᵀ</c>: <c>D[i, j] = c[j] + Σₖ A[i, k]·B[k, j]</c>, where A is
    /// <paramref name="rows"/> × <paramref name="inner"/>, B is <paramref name="inner"/> ×
    /// <paramref name="columns"/> and the row vector c (<paramref name="columns"/> long) is added to
    /// every row.
    /// </summary>
    public static void MultiplyAddRow(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c, int rows, int inner, int columns, Span<double> destination)
    {
        CheckShape(a, rows, inner, nameof(a));
        CheckShape(b, inner, columns, nameof(b));
        CheckShape(c, 1, columns, nameof(c));
        CheckShape(destination, rows, columns, nameof(destination));
        for (var i = 0; i < rows; i++)
        {
            var row = destination.Slice(i * columns, columns);
            c.CopyTo(row);
            var aRow = a.Slice(i * inner, inner);
            for (var k = 0; k < inner; k++)
            {
                TensorPrimitives.MultiplyAdd(b.Slice(k * columns, columns), aRow[k], row, row);
            }
        }
    }

    /// <summary>
    /// <c>D = A·Bᵀ</c>: <c>D[i, j] = Σₖ A[i, k]·B[j, k]</c>, where A is <paramref name="rows"/> ×
    /// <paramref name="inner"/> and B is <paramref name="columns"/> × <paramref name="inner"/>.
    /// </summary>
    public static void MultiplyTransposed(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int rows, int inner, int columns, Span<double> destination)
    {
        CheckShape(a, rows, inner, nameof(a));
        CheckShape(b, columns, inner, nameof(b));
        CheckShape(destination, rows, columns, nameof(destination));
        for (var i = 0; i < rows; i++)
        {
            var aRow = a.Slice(i * inner, inner);
            var row = destination.Slice(i * columns, columns);
            for (var j = 0; j < columns; j++)
            {
                row[j] = TensorPrimitives.Dot(aRow, b.Slice(j * inner, inner));
            }
        }
    }

    /// <summary>
    /// <c>D = Aᵀ·B</c>: <c>D[k, j] = Σᵢ A[i, k]·B[i, j]</c>, where A is <paramref name="rows"/> ×
    /// <paramref name="left"/> and B is <paramref name="rows"/> × <paramref name="right"/>; D is
    /// <paramref name="left"/> × <paramref name="right"/>.
    /// </summary>
    public static void TransposedMultiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int rows, int left, int right, Span<double> destination)
    {
        CheckShape(a, rows, left, nameof(a));
        CheckShape(b, rows, right, nameof(b));
        CheckShape(destination, left, right, nameof(destination));
        destination.Clear();
        for (var i = 0; i < rows; i++)
        {
            var aRow = a.Slice(i * left, left);
            var bRow = b.Slice(i * right, right);
            for (var k = 0; k < left; k++)
            {
                var row = destination.Slice(k * right, right);
                TensorPrimitives.MultiplyAdd(bRow, aRow[k], row, row);
            }
        }
    }

    /// <summary>Column sums <c>d[j] = Σᵢ A[i, j]</c> of the <paramref name="rows"/> × <paramref name="columns"/> matrix A.</summary>
    public static void SumRows(ReadOnlySpan<double> a, int rows, int columns, Span<double> destination)
    {
        CheckShape(a, rows, columns, nameof(a));
        CheckShape(destination, 1, columns, nameof(destination));
        destination.Clear();
        for (var i = 0; i < rows; i++)
        {
            TensorPrimitives.Add(destination, a.Slice(i * columns, columns), destination);
        }
    }

    /// <summary>
    /// Row-wise softmax <c>D[i, j] = exp(A[i, j] − mᵢ) / Σₖ exp(A[i, k] − mᵢ)</c> with
    /// <c>mᵢ = maxₖ A[i, k]</c>, so no exponential overflows. A row holding a NaN becomes all NaN;
    /// a row holding +∞ becomes NaN (∞ − ∞).
    /// </summary>
    public static void SoftmaxRows(ReadOnlySpan<double> a, int rows, int columns, Span<double> destination)
    {
        CheckShape(a, rows, columns, nameof(a));
        CheckShape(destination, rows, columns, nameof(destination));
        for (var i = 0; i < rows; i++)
        {
            var row = destination.Slice(i * columns, columns);
            var input = a.Slice(i * columns, columns);
            TensorPrimitives.Subtract(input, TensorPrimitives.Max(input), row);
            TensorPrimitives.Exp(row, row);
            TensorPrimitives.Divide(row, TensorPrimitives.Sum(row), row);
        }
    }

    /// <summary>Throws unless <paramref name="span"/> holds exactly <paramref name="rows"/> × <paramref name="columns"/> values.</summary>
    internal static void CheckShape(ReadOnlySpan<double> span, int rows, int columns, string name)
    {
        if (rows < 0 || columns < 0 || span.Length != rows * columns)
        {
            throw new ArgumentException(
                $"'{name}' has {span.Length} values; expected {rows} × {columns} = {rows * columns}.",
                name);
        }
    }
}
