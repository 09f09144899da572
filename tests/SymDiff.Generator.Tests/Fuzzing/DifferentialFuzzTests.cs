using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>
/// Differential fuzzing: random well-formed methods in the supported language, each generated
/// gradient compared with a trusted numerical derivative at random points.
/// </summary>
public sealed class DifferentialFuzzTests
{
    private const int BatchSize = 25;
    private const int PointsPerMethod = 4;
    private const int MethodStream = 1;
    private const int PointStream = 2;
    private const int ModeStream = 3;

    private readonly ITestOutputHelper _output;

    public DifferentialFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void RandomMethods_AtTrustedPoints_GradientsMatchRiddersDifferences()
    {
        var clock = Stopwatch.StartNew();
        var generator = new MethodGenerator(FuzzSettings.Stream(MethodStream));
        var statistics = new FuzzStatistics();
        var failures = new List<string>();
        for (var start = 0; start < FuzzSettings.Count; start += BatchSize)
        {
            var methods = Enumerable.Range(start, Math.Min(BatchSize, FuzzSettings.Count - start))
                .Select(i => generator.Next("M" + i.ToString(CultureInfo.InvariantCulture)))
                .ToList();
            Check(methods, statistics, failures);
        }

        _output.WriteLine("seed " + FuzzSettings.Seed + ", " + clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s");
        _output.WriteLine(statistics.ToString());
        Assert.True(failures.Count == 0, failures.Count + " failures (seed " + FuzzSettings.Seed + "):\n\n" + string.Join("\n\n", failures.Take(10)));

        // A reference that trusts itself too rarely would make this test vacuous.
        Assert.True(statistics.PartialsCompared >= 2 * statistics.PartialsSkipped, statistics.ToString());
    }

    /// <summary>The source of a file holding <paramref name="methods"/>.</summary>
    internal static string File(IEnumerable<FuzzMethod> methods)
        => "using System;\nusing SymDiff;\n\nnamespace Fuzz;\n\npublic static partial class Generated\n{\n"
            + string.Join("\n", methods.Select(m => m.Source)) + "}\n";

    private static void Check(List<FuzzMethod> methods, FuzzStatistics statistics, List<string> failures)
    {
        using var build = FuzzBatch.Build(methods, statistics, failures, method => Check(new List<FuzzMethod> { method }, statistics, failures));
        if (build is null)
        {
            return;
        }

        var type = build.Assembly!.Assembly.GetType("Fuzz.Generated", throwOnError: true)!;
        foreach (var method in methods)
        {
            statistics.Methods++;
            var index = int.Parse(method.Name.AsSpan(1), CultureInfo.InvariantCulture);
            var syntax = TakenPathDerivative.Parse(method.Source);
            var failure = GradientChecker.Check(type, method.Name, syntax, FuzzSettings.Stream(PointStream, index), PointsPerMethod, statistics)
                ?? ModeAgreement.Check(type, method.Name, syntax, FuzzSettings.Stream(ModeStream, index), PointsPerMethod, statistics);
            if (failure is not null)
            {
                statistics.Failures++;
                failures.Add(failure + "\n" + method.Source);
            }
        }
    }
}
