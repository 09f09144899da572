using System.Diagnostics;
using SymDiff.GradBench.Modules;

namespace SymDiff.GradBench.Protocol;

/// <summary>Runs a computation as a <see cref="RunPolicy"/> asks and times each run.</summary>
public static class Runner
{
    /// <summary>The nanoseconds of each run, in order. There is always at least one run: the reply needs an output.</summary>
    public static List<long> Run(Computation computation, RunPolicy policy)
    {
        var nanoseconds = new List<long>();
        var totalSeconds = 0.0;
        while (nanoseconds.Count < Math.Max(1, policy.MinRuns) || totalSeconds < policy.MinSeconds)
        {
            var start = Stopwatch.GetTimestamp();
            computation.Run();
            var ticks = Stopwatch.GetTimestamp() - start;
            nanoseconds.Add(ToNanoseconds(ticks));
            totalSeconds += (double)ticks / Stopwatch.Frequency;
        }

        return nanoseconds;
    }

    // Int128 so that ticks × 10⁹ cannot overflow however long a run takes.
    private static long ToNanoseconds(long ticks) => (long)((Int128)ticks * 1_000_000_000 / Stopwatch.Frequency);
}
