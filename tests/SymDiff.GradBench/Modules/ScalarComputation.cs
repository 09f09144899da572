using System.Text.Json;

namespace SymDiff.GradBench.Modules;

/// <summary>A function whose output is one number.</summary>
public sealed class ScalarComputation(Func<double> function) : Computation
{
    private double _value = double.NaN;

    public override void Run() => _value = function();

    public override bool IsFinite => double.IsFinite(_value);

    public override void WriteOutput(Utf8JsonWriter writer) => writer.WriteNumberValue(_value);
}
