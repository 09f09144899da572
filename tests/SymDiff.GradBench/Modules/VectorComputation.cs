using System.Text.Json;

namespace SymDiff.GradBench.Modules;

/// <summary>A function whose output is an array of numbers, which <paramref name="fill"/> writes into <paramref name="output"/>.</summary>
public sealed class VectorComputation(double[] output, Action fill) : Computation
{
    public override void Run() => fill();

    public override bool IsFinite => Array.TrueForAll(output, double.IsFinite);

    public override void WriteOutput(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        foreach (var value in output)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
    }
}
