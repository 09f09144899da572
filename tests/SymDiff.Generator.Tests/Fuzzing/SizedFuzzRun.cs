using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>
/// A fuzz run over methods checked at random sizes: builds them in batches (every other batch with overflow checks
/// on), and checks each at <see cref="PointsPerMethod"/> random points through the <see cref="FuzzFunction"/> a
/// factory makes of it (<see cref="PointChecker"/>); fails with the first failures, and when too few partials were
/// trusted.
/// </summary>
internal static class SizedFuzzRun
{
    private const int BatchSize = 20;
    private const int PointsPerMethod = 3;

    /// <param name="next">Writes the method of a name.</param>
    /// <param name="prefix">The methods' names: the prefix and their number.</param>
    /// <param name="function">The function to check, of the compiled type, the method's name and the point stream.</param>
    /// <param name="pointStream">The stream the points of each method are drawn from.</param>
    public static void Run(Func<string, FuzzMethod> next, string prefix, int count, Func<Type, string, Random, FuzzFunction> function, int pointStream, ITestOutputHelper output)
    {
        var clock = Stopwatch.StartNew();
        var statistics = new FuzzStatistics();
        var failures = new List<string>();
        for (var start = 0; start < count; start += BatchSize)
        {
            var methods = Enumerable.Range(start, Math.Min(BatchSize, count - start))
                .Select(i => next(prefix + i.ToString(CultureInfo.InvariantCulture)))
                .ToList();
            Check(methods, statistics, failures, function, pointStream, overflowChecks: start / BatchSize % 2 == 1);
        }

        output.WriteLine("seed " + FuzzSettings.Seed + ", " + clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s");
        output.WriteLine(statistics.ToString());
        Assert.True(failures.Count == 0, failures.Count + " failures (seed " + FuzzSettings.Seed + "):\n\n" + string.Join("\n\n", failures.Take(10)));
        Assert.True(statistics.PartialsCompared >= 10 * statistics.PartialsSkipped, statistics.ToString());
    }

    private static void Check(List<FuzzMethod> methods, FuzzStatistics statistics, List<string> failures, Func<Type, string, Random, FuzzFunction> function, int pointStream, bool overflowChecks)
    {
        using var build = FuzzBatch.Build(methods, statistics, failures, method => Check(new List<FuzzMethod> { method }, statistics, failures, function, pointStream, overflowChecks), overflowChecks);
        if (build is null)
        {
            return;
        }

        var type = build.Assembly!.Assembly.GetType("Fuzz.Generated", throwOnError: true)!;
        foreach (var method in methods)
        {
            statistics.Methods++;
            var index = int.Parse(method.Name.AsSpan(1), CultureInfo.InvariantCulture);
            var random = FuzzSettings.Stream(pointStream, index);
            for (var k = 0; k < PointsPerMethod; k++)
            {
                string? failure;
                try
                {
                    failure = PointChecker.Check(function(type, method.Name, random), random, statistics);
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
