using Xunit.Abstractions;

namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>
/// Differential fuzzing of loops over vectors (see <see cref="SpanMethodGenerator"/>): for random sizes n (0 to
/// 5) and random points, every partial of the generated gradient against a trusted
/// <see cref="ReferenceDerivative"/>, the tangent against the gradient's dot product with the direction, and
/// H·v against differences of the gradient along v.
/// </summary>
public sealed class SpanFuzzTests
{
    private const int MethodStream = 11;
    private const int PointStream = 12;

    private readonly ITestOutputHelper _output;

    public SpanFuzzTests(ITestOutputHelper output) => _output = output;

    /// <summary>Random span methods checked: a third of <see cref="FuzzSettings.Count"/>.</summary>
    private static int Count => Math.Max(1, FuzzSettings.Count / 3);

    [Fact]
    public void RandomLoopsOverVectors_AtRandomSizes_AllModesMatchDifferences()
    {
        var generator = new SpanMethodGenerator(FuzzSettings.Stream(MethodStream));
        SizedFuzzRun.Run(generator.Next, "S", Count, (type, name, random) => new SpanFunction(type, name, random.Next(0, 6)), PointStream, _output);
    }
}
