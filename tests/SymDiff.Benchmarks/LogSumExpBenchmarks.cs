using SymDiff.Tests.Functions;
using BenchmarkDotNet.Attributes;

namespace SymDiff.Benchmarks;

/// <summary>
/// log Σ exp(x[i]) with the max shift, over n random values in [−3, 3]: the value alone, then value and
/// gradient (the softmax) by hand and by SymDiff, twice: with the shift marked WithoutDerivative, as the
/// hand-written gradient treats it (its derivative is exactly 0), and as plainly written, where the
/// generated gradient also sweeps the max loop. Not one of issue 7's cases: it is here because a
/// short loop of <c>Math.Exp</c> calls after zeroing the gradient buffer is where an AVX-to-SSE
/// transition penalty showed (see the README), and a regression of that kind would show here first.
/// </summary>
[MemoryDiagnoser]
public class LogSumExpBenchmarks
{
    private double[] _x = [];
    private double[] _dx = [];
    private double _value;

    [Params(8, 100, 10000)]
    public int N { get; set; }

    public double Value => _value;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(5);
        _x = Enumerable.Range(0, N).Select(_ => (6.0 * random.NextDouble()) - 3.0).ToArray();
        _dx = new double[N];
        var generated = new double[N + 1];
        var handWritten = new double[N + 1];
        handWritten[N] = HandWrittenVectors.LogSumExpGradient(_x, handWritten.AsSpan(0, N));
        generated[N] = Vectors.ShiftedLogSumExpGradient(_x, generated.AsSpan(0, N));
        Agreement.Check(generated, handWritten, 1e-12, "LogSumExp (shift without derivative) generated vs hand-written");
        generated[N] = Vectors.LogSumExpGradient(_x, generated.AsSpan(0, N));
        Agreement.Check(generated, handWritten, 1e-12, "LogSumExp generated vs hand-written");
    }

    [Benchmark(Baseline = true, Description = "plain LogSumExp")]
    public void Plain() => _value = Vectors.ShiftedLogSumExp(_x);

    [Benchmark(Description = "hand-written gradient")]
    public void HandWrittenGradient() => _value = HandWrittenVectors.LogSumExpGradient(_x, _dx);

    [Benchmark(Description = "SymDiff gradient")]
    public void GeneratedGradient() => _value = Vectors.ShiftedLogSumExpGradient(_x, _dx);

    [Benchmark(Description = "SymDiff gradient, max swept too")]
    public void GeneratedGradientWithMax() => _value = Vectors.LogSumExpGradient(_x, _dx);
}
