using BenchmarkDotNet.Attributes;

namespace SymDiff.Benchmarks;

/// <summary>
/// The sigmoid neuron σ(w0·x0 + w1·x1 + w2) at 1024 random points: the value alone, then value and
/// five partials three ways. Results go to arrays, and times are per point.
/// </summary>
[MemoryDiagnoser]
public class NeuronBenchmarks
{
    private const int Points = 1024;

    private readonly double[][] _inputs = Enumerable.Range(0, 5).Select(_ => new double[Points]).ToArray();
    private readonly double[][] _partials = Enumerable.Range(0, 5).Select(_ => new double[Points]).ToArray();
    private readonly double[] _value = new double[Points];

    /// <summary>Random weights and inputs in [−3, 3], and a check that the three gradients agree at each point.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2);
        foreach (var input in _inputs)
        {
            for (var i = 0; i < Points; i++)
            {
                input[i] = (6.0 * random.NextDouble()) - 3.0;
            }
        }

        var (w0, x0, w1, x1, w2) = (_inputs[0], _inputs[1], _inputs[2], _inputs[3], _inputs[4]);
        for (var i = 0; i < Points; i++)
        {
            var g = Lecture.NeuronGradient(w0[i], x0[i], w1[i], x1[i], w2[i], out var g0, out var g1, out var g2, out var g3, out var g4);
            var h = HandWritten.NeuronGradient(w0[i], x0[i], w1[i], x1[i], w2[i], out var h0, out var h1, out var h2, out var h3, out var h4);
            var d = FiniteDifferences.NeuronGradient(w0[i], x0[i], w1[i], x1[i], w2[i], out var d0, out var d1, out var d2, out var d3, out var d4);
            Agreement.Check(new[] { g, g0, g1, g2, g3, g4 }, new[] { h, h0, h1, h2, h3, h4 }, new[] { d, d0, d1, d2, d3, d4 });
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Points, Description = "plain Neuron")]
    public void Plain()
    {
        var (w0, x0, w1, x1, w2) = (_inputs[0], _inputs[1], _inputs[2], _inputs[3], _inputs[4]);
        for (var i = 0; i < Points; i++)
        {
            _value[i] = Lecture.Neuron(w0[i], x0[i], w1[i], x1[i], w2[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = Points, Description = "hand-written gradient")]
    public void HandWrittenGradient()
    {
        var (w0, x0, w1, x1, w2) = (_inputs[0], _inputs[1], _inputs[2], _inputs[3], _inputs[4]);
        var (d0, d1, d2, d3, d4) = (_partials[0], _partials[1], _partials[2], _partials[3], _partials[4]);
        for (var i = 0; i < Points; i++)
        {
            _value[i] = HandWritten.NeuronGradient(w0[i], x0[i], w1[i], x1[i], w2[i], out d0[i], out d1[i], out d2[i], out d3[i], out d4[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = Points, Description = "SymDiff gradient")]
    public void GeneratedGradient()
    {
        var (w0, x0, w1, x1, w2) = (_inputs[0], _inputs[1], _inputs[2], _inputs[3], _inputs[4]);
        var (d0, d1, d2, d3, d4) = (_partials[0], _partials[1], _partials[2], _partials[3], _partials[4]);
        for (var i = 0; i < Points; i++)
        {
            _value[i] = Lecture.NeuronGradient(w0[i], x0[i], w1[i], x1[i], w2[i], out d0[i], out d1[i], out d2[i], out d3[i], out d4[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = Points, Description = "central differences")]
    public void FiniteDifferenceGradient()
    {
        var (w0, x0, w1, x1, w2) = (_inputs[0], _inputs[1], _inputs[2], _inputs[3], _inputs[4]);
        var (d0, d1, d2, d3, d4) = (_partials[0], _partials[1], _partials[2], _partials[3], _partials[4]);
        for (var i = 0; i < Points; i++)
        {
            _value[i] = FiniteDifferences.NeuronGradient(w0[i], x0[i], w1[i], x1[i], w2[i], out d0[i], out d1[i], out d2[i], out d3[i], out d4[i]);
        }
    }
}
