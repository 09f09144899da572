using System.Text.Json;

namespace SymDiff.GradBench.Modules;

/// <summary>Reads the parts of an evaluate input that the modules share.</summary>
public static class JsonInput
{
    /// <summary>A JSON array of numbers as a new array.</summary>
    public static double[] Doubles(JsonElement array)
    {
        var values = new double[array.GetArrayLength()];
        var i = 0;
        foreach (var element in array.EnumerateArray())
        {
            values[i++] = element.GetDouble();
        }

        return values;
    }

    /// <summary>
    /// A JSON array of <paramref name="rows"/> arrays of <paramref name="columns"/> numbers, flattened row by row.
    /// Throws <see cref="ArgumentException"/> naming <paramref name="name"/> when the shape differs.
    /// </summary>
    public static double[] Matrix(JsonElement array, int rows, int columns, string name)
    {
        if (array.GetArrayLength() != rows)
        {
            throw new ArgumentException($"{name} has {array.GetArrayLength()} rows, expected {rows}");
        }

        var values = new double[rows * columns];
        var i = 0;
        foreach (var row in array.EnumerateArray())
        {
            if (row.GetArrayLength() != columns)
            {
                throw new ArgumentException($"{name}[{i / Math.Max(1, columns)}] has {row.GetArrayLength()} numbers, expected {columns}");
            }

            foreach (var element in row.EnumerateArray())
            {
                values[i++] = element.GetDouble();
            }
        }

        return values;
    }
}
