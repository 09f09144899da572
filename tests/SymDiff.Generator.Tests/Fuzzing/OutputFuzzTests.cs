using Xunit.Abstractions;

namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>
/// Differential fuzzing of methods writing an output vector (see <see cref="OutputMethodGenerator"/>): for random
/// sizes n (0 to 5) and random points, a random weighting of the outputs, its vector–Jacobian product (checked
/// against the Jacobian's weighted rows) against a trusted <see cref="ReferenceDerivative"/>, and the tangent against
/// the Vjp's dot product with the direction.
/// </summary>
public sealed class OutputFuzzTests
{
    private const int MethodStream = 13;
    private const int PointStream = 14;

    private readonly ITestOutputHelper _output;

    public OutputFuzzTests(ITestOutputHelper output) => _output = output;

    /// <summary>Random output-vector methods checked: a sixth of <see cref="FuzzSettings.Count"/>.</summary>
    private static int Count => Math.Max(1, FuzzSettings.Count / 6);

    [Fact]
    public void RandomOutputVectors_AtRandomSizes_VjpJacobianAndTangentMatchDifferences()
    {
        var generator = new OutputMethodGenerator(FuzzSettings.Stream(MethodStream));
        SizedFuzzRun.Run(generator.Next, "O", Count, (type, name, random) => new OutputFunction(type, name, random.Next(0, 6), random), PointStream, _output);
    }
}
