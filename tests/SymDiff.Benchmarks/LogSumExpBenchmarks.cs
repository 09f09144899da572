using SymDiff.Tests.Functions;
using BenchmarkDotNet.Attributes;

namespace SymDiff.Benchmarks;

/// <summary>
/// log Σ exp(x[i]) with the max shift, over n random values in [−3, 3]: the value alone, then value and
/// gradient (the softmax) by hand and by SymDiff. Not one of issue 7's cases: it is here because a
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
        generated[N] = Vectors.LogSumExpGradient(_x, generated.AsSpan(0, N));
        handWritten[N] = HandWrittenVectors.LogSumExpGradient(_x, handWritten.AsSpan(0, N));
        Agreement.Check(generated, handWritten, 1e-12, "LogSumExp generated vs hand-written");
    }

    [Benchmark(Baseline = true, Description = "plain LogSumExp")]
    public void Plain() => _value = Vectors.LogSumExp(_x);

    [Benchmark(Description = "hand-written gradient")]
    public void HandWrittenGradient() => _value = HandWrittenVectors.LogSumExpGradient(_x, _dx);

    [Benchmark(Description = "SymDiff gradient")]
    public void GeneratedGradient() => _value = Vectors.LogSumExpGradient(_x, _dx);
}
