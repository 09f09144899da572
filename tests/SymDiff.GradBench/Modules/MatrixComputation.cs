using System.Text.Json;

namespace SymDiff.GradBench.Modules;

/// <summary>A function whose output is a matrix, row-major in <paramref name="output"/>, written as an array of rows.</summary>
public sealed class MatrixComputation(double[] output, int columns, Action fill) : Computation
{
    public override void Run() => fill();

    public override bool IsFinite => Array.TrueForAll(output, double.IsFinite);

    public override void WriteOutput(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        for (var row = 0; row < output.Length; row += columns)
        {
            writer.WriteStartArray();
            for (var column = 0; column < columns; column++)
            {
                writer.WriteNumberValue(output[row + column]);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }
}
