using System.Diagnostics;

namespace SymDiff.Benchmarks;

/// <summary>
/// Times two benchmark methods against each other in one process, alternating them round by round
/// (which goes first swaps every round), and reports the fastest round of each and their ratio.
/// On a shared machine BenchmarkDotNet times rows one after another, so a load change between rows
/// moves their ratio; here both methods see the same load, and the minimum discards the rounds it hit.
/// </summary>
public static class Interleaved
{
    /// <summary>Runs <paramref name="rounds"/> rounds of <paramref name="callsPerRound"/> calls of each method after a warm-up.</summary>
    public static (double BaselineNs, double CandidateNs) Compare(Action baseline, Action candidate, int rounds, int callsPerRound)
    {
        // Long enough for tiered compilation to finish with both (call counting starts after 100 ms without new
        // methods, then background recompilation): a method timed at tier 0 or in its OSR version runs 2-3 times slower.
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < 30 || warmUp.Elapsed < TimeSpan.FromSeconds(2); i++)
        {
            baseline();
            candidate();
        }

        var bestBaseline = double.MaxValue;
        var bestCandidate = double.MaxValue;
        for (var round = 0; round < rounds; round++)
        {
            if (round % 2 == 0)
            {
                bestBaseline = Math.Min(bestBaseline, Time(baseline, callsPerRound));
                bestCandidate = Math.Min(bestCandidate, Time(candidate, callsPerRound));
            }
            else
            {
                bestCandidate = Math.Min(bestCandidate, Time(candidate, callsPerRound));
                bestBaseline = Math.Min(bestBaseline, Time(baseline, callsPerRound));
            }
        }

        return (bestBaseline, bestCandidate);
    }

    /// <summary>Every case of the README: SymDiff / hand-written gradient, fastest round of each.</summary>
    public static void RunAll(TextWriter output)
    {
        var lecture = new LectureBenchmarks();
        lecture.Setup();
        var (handLecture, generatedLecture) = Compare(lecture.HandWrittenGradient, lecture.GeneratedGradient, rounds: 100, callsPerRound: 2000);
        Report(output, "lecture (1024 points)", handLecture, generatedLecture);

        var neuron = new NeuronBenchmarks();
        neuron.Setup();
        var (handNeuron, generatedNeuron) = Compare(neuron.HandWrittenGradient, neuron.GeneratedGradient, rounds: 100, callsPerRound: 200);
        Report(output, "neuron (1024 points)", handNeuron, generatedNeuron);

        foreach (var k in new[] { 5, 25 })
        {
            var gmm = new GmmBenchmarks { K = k };
            gmm.Setup();
            var (hand, generated) = Compare(gmm.HandWrittenGradient, gmm.GeneratedGradient, rounds: k == 5 ? 40 : 20, callsPerRound: 5);
            Report(output, $"GMM k = {k}", hand, generated);
        }

        foreach (var n in new[] { 100, 10000 })
        {
            var rosenbrock = new RosenbrockBenchmarks { N = n };
            rosenbrock.Setup();
            var calls = 2_000_000 / n;
            var (hand, generated) = Compare(rosenbrock.HandWrittenGradient, rosenbrock.GeneratedGradient, rounds: 100, callsPerRound: calls);
            Report(output, $"Rosenbrock n = {n}", hand, generated);
        }

        foreach (var n in new[] { 8, 100, 10000 })
        {
            var logSumExp = new LogSumExpBenchmarks { N = n };
            logSumExp.Setup();
            var calls = Math.Max(1, 1_000_000 / n);
            var (hand, generated) = Compare(logSumExp.HandWrittenGradient, logSumExp.GeneratedGradient, rounds: 100, callsPerRound: calls);
            Report(output, $"LogSumExp n = {n}", hand, generated);
            (hand, generated) = Compare(logSumExp.HandWrittenGradient, logSumExp.GeneratedGradientWithMax, rounds: 100, callsPerRound: calls);
            Report(output, $"  max swept too", hand, generated);
        }

        var mlp = new MlpBenchmarks();
        mlp.Setup();
        var (handMlp, runtimeMlp) = Compare(mlp.HandWrittenGradient, mlp.RuntimeGradientBenchmark, rounds: 40, callsPerRound: 20);
        Report(output, "MLP (runtime layers)", handMlp, runtimeMlp);
    }

    private static void Report(TextWriter output, string name, double handNs, double generatedNs) =>
        output.WriteLine($"{name,-22} hand-written {Format(handNs),12}  SymDiff {Format(generatedNs),12}  ratio {generatedNs / handNs:F3}");

    private static string Format(double ns) => ns >= 1e3 ? $"{ns / 1e3:F2} μs" : $"{ns:F1} ns";

    private static double Time(Action action, int calls)
    {
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            action();
        }

        return Stopwatch.GetElapsedTime(start).TotalNanoseconds / calls;
    }
}
