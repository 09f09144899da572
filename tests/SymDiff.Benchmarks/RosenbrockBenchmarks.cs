using SymDiff.Tests.Functions;
using BenchmarkDotNet.Attributes;

namespace SymDiff.Benchmarks;

/// <summary>
/// Rosenbrock Σ 100(x[i+1] − x[i]²)² + (1 − x[i])² over a span of n random values in [−2, 2]: the
/// value alone, then value and gradient (written into a reused buffer) three ways. Central
/// differences (2n calls, O(n²)) run only for n = 100; for n = 10,000 that method returns at once
/// and its row is not a measurement.
/// </summary>
[MemoryDiagnoser]
public class RosenbrockBenchmarks
{
    private double[] _x = [];
    private double[] _dx = [];
    private double[] _scratch = [];
    private double _value;

    [Params(100, 10000)]
    public int N { get; set; }

    public double Value => _value;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        _x = new double[N];
        for (var i = 0; i < N; i++)
        {
            _x[i] = (4.0 * random.NextDouble()) - 2.0;
        }

        _dx = new double[N];
        _scratch = new double[N];
        var generated = new double[N + 1];
        var handWritten = new double[N + 1];
        generated[N] = Vectors.RosenbrockGradient(_x, generated.AsSpan(0, N));
        handWritten[N] = HandWrittenVectors.RosenbrockGradient(_x, handWritten.AsSpan(0, N));
        Agreement.Check(generated, handWritten, 1e-12, "Rosenbrock generated vs hand-written");
        if (N <= 100)
        {
            var differences = new double[N + 1];
            differences[N] = CentralDifferences(_x, _scratch, differences.AsSpan(0, N));
            Agreement.Check(differences, handWritten, 1e-6, "Rosenbrock central differences vs hand-written");
        }
    }

    [Benchmark(Baseline = true, Description = "plain Rosenbrock")]
    public void Plain() => _value = Vectors.Rosenbrock(_x);

    [Benchmark(Description = "hand-written gradient")]
    public void HandWrittenGradient() => _value = HandWrittenVectors.RosenbrockGradient(_x, _dx);

    [Benchmark(Description = "SymDiff gradient")]
    public void GeneratedGradient() => _value = Vectors.RosenbrockGradient(_x, _dx);

    [Benchmark(Description = "central differences (n = 100 only)")]
    public void FiniteDifferenceGradient()
    {
        if (N > 100)
        {
            return; // 2n evaluations of an O(n) function: skipped for n = 10,000
        }

        _value = CentralDifferences(_x, _scratch, _dx);
    }

    private static double CentralDifferences(ReadOnlySpan<double> x, Span<double> scratch, Span<double> dx)
    {
        x.CopyTo(scratch);
        for (var i = 0; i < x.Length; i++)
        {
            var h = 1e-5 * Math.Max(1.0, Math.Abs(x[i]));
            scratch[i] = x[i] + h;
            var up = Vectors.Rosenbrock(scratch);
            scratch[i] = x[i] - h;
            var down = Vectors.Rosenbrock(scratch);
            scratch[i] = x[i];
            dx[i] = (up - down) / (2.0 * h);
        }

        return Vectors.Rosenbrock(x);
    }
}
