using System.Diagnostics;
using System.Globalization;
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
    private const int BatchSize = 20;
    private const int PointsPerMethod = 3;
    private const int MethodStream = 13;
    private const int PointStream = 14;

    private readonly ITestOutputHelper _output;

    public OutputFuzzTests(ITestOutputHelper output) => _output = output;

    /// <summary>Random span methods checked: a sixth of <see cref="FuzzSettings.Count"/>.</summary>
    private static int Count => Math.Max(1, FuzzSettings.Count / 6);

    [Fact]
    public void RandomOutputVectors_AtRandomSizes_VjpJacobianAndTangentMatchDifferences()
    {
        var clock = Stopwatch.StartNew();
        var generator = new OutputMethodGenerator(FuzzSettings.Stream(MethodStream));
        var statistics = new FuzzStatistics();
        var failures = new List<string>();
        for (var start = 0; start < Count; start += BatchSize)
        {
            var methods = Enumerable.Range(start, Math.Min(BatchSize, Count - start))
                .Select(i => generator.Next("O" + i.ToString(CultureInfo.InvariantCulture)))
                .ToList();
            Check(methods, statistics, failures, overflowChecks: start / BatchSize % 2 == 1);
        }

        _output.WriteLine("seed " + FuzzSettings.Seed + ", " + clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s");
        _output.WriteLine(statistics.ToString());
        Assert.True(failures.Count == 0, failures.Count + " failures (seed " + FuzzSettings.Seed + "):\n\n" + string.Join("\n\n", failures.Take(10)));
        Assert.True(statistics.PartialsCompared >= 10 * statistics.PartialsSkipped, statistics.ToString());
    }

    /// <param name="overflowChecks">Every other batch is built as <c>&lt;CheckForOverflowUnderflow&gt;</c> builds do.</param>
    private static void Check(List<FuzzMethod> methods, FuzzStatistics statistics, List<string> failures, bool overflowChecks)
    {
        using var build = FuzzBatch.Build(methods, statistics, failures, method => Check(new List<FuzzMethod> { method }, statistics, failures, overflowChecks), overflowChecks);
        if (build is null)
        {
            return;
        }

        var type = build.Assembly!.Assembly.GetType("Fuzz.Generated", throwOnError: true)!;
        foreach (var method in methods)
        {
            statistics.Methods++;
            var index = int.Parse(method.Name.AsSpan(1), CultureInfo.InvariantCulture);
            var random = FuzzSettings.Stream(PointStream, index);
            for (var k = 0; k < PointsPerMethod; k++)
            {
                string? failure;
                try
                {
                    failure = PointChecker.Check(new OutputFunction(type, method.Name, random.Next(0, 6), random), random, statistics);
                }
                catch (InvalidOperationException e)
                {
                    failure = e.Message;
                }

                if (failure is not null)
                {
                    statistics.Failures++;
                    failures.Add(method.Name + ": " + failure + "\n" + method.Source);
                    break;
                }
            }
        }
    }
}
