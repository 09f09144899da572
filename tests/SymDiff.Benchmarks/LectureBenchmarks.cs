using BenchmarkDotNet.Attributes;

namespace SymDiff.Benchmarks;

/// <summary>
/// f(x, y) = x³(x + 3y) at 1024 random points: the value alone, then value and gradient three ways.
/// Each call's results go to arrays (no dependency between calls), and times are per point.
/// </summary>
[MemoryDiagnoser]
public class LectureBenchmarks
{
    private const int Points = 1024;

    private readonly double[] _x = new double[Points];
    private readonly double[] _y = new double[Points];
    private readonly double[] _value = new double[Points];
    private readonly double[] _dx = new double[Points];
    private readonly double[] _dy = new double[Points];

    /// <summary>Random points in [−2, 2]², and a check that the three gradients agree at each.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        for (var i = 0; i < Points; i++)
        {
            _x[i] = (4.0 * random.NextDouble()) - 2.0;
            _y[i] = (4.0 * random.NextDouble()) - 2.0;
            var f = Lecture.FGradient(_x[i], _y[i], out var dx, out var dy);
            var h = HandWritten.FGradient(_x[i], _y[i], out var hx, out var hy);
            var d = FiniteDifferences.FGradient(_x[i], _y[i], out var fx, out var fy);
            Agreement.Check(new[] { f, dx, dy }, new[] { h, hx, hy }, new[] { d, fx, fy });
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Points, Description = "plain F")]
    public void Plain()
    {
        for (var i = 0; i < Points; i++)
        {
            _value[i] = Lecture.F(_x[i], _y[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = Points, Description = "hand-written gradient")]
    public void HandWrittenGradient()
    {
        for (var i = 0; i < Points; i++)
        {
            _value[i] = HandWritten.FGradient(_x[i], _y[i], out _dx[i], out _dy[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = Points, Description = "SymDiff gradient")]
    public void GeneratedGradient()
    {
        for (var i = 0; i < Points; i++)
        {
            _value[i] = Lecture.FGradient(_x[i], _y[i], out _dx[i], out _dy[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = Points, Description = "central differences")]
    public void FiniteDifferenceGradient()
    {
        for (var i = 0; i < Points; i++)
        {
            _value[i] = FiniteDifferences.FGradient(_x[i], _y[i], out _dx[i], out _dy[i]);
        }
    }
}
