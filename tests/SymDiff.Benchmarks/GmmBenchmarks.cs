using SymDiff.Tests.Functions;
using BenchmarkDotNet.Attributes;

namespace SymDiff.Benchmarks;

/// <summary>
/// The ADBench GMM objective at d = 10, n = 1000 and k = 5 or 25: the value alone, then value and
/// the full gradient (alphas, means, icf, x, γ, m) by hand and by SymDiff. No central differences:
/// they cost 2 × (number of inputs) objective calls (k = 25: 25 + 250 + 1375 parameters plus 10,000
/// data values), thousands of times the objective, as ADBench's rule for finite differences notes.
/// </summary>
[MemoryDiagnoser]
public class GmmBenchmarks
{
    private const int D = 10;
    private const int Points = 1000;
    private const double WishartGamma = 1.0;
    private const double WishartM = 0.0;
    private const int IcfSize = D * (D + 1) / 2;

    private double[] _alphas = [];
    private double[] _means = [];
    private double[] _icf = [];
    private double[] _x = [];
    private double[] _dalphas = [];
    private double[] _dmeans = [];
    private double[] _dicf = [];
    private double[] _dx = [];
    private HandWrittenGmm? _handWritten;
    private double _value;

    [Params(5, 25)]
    public int K { get; set; }

    public double Value => _value;

    /// <summary>ADBench-like random data, and a check that both gradients agree to 1e-8 (relative).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(4);
        double Uniform(double low, double high) => low + ((high - low) * random.NextDouble());
        _alphas = Enumerable.Range(0, K).Select(_ => Uniform(-1, 1)).ToArray();
        _means = Enumerable.Range(0, K * D).Select(_ => Uniform(0, 1)).ToArray();
        _icf = Enumerable.Range(0, K * IcfSize).Select(_ => Uniform(-0.5, 0.5)).ToArray();
        _x = Enumerable.Range(0, Points * D).Select(_ => Uniform(0, 1)).ToArray();
        _dalphas = new double[K];
        _dmeans = new double[K * D];
        _dicf = new double[K * IcfSize];
        _dx = new double[Points * D];
        _handWritten = new HandWrittenGmm(K, D);

        var generated = Gradient(generatedCode: true);
        var handWritten = Gradient(generatedCode: false);
        Agreement.Check(generated, handWritten, 1e-8, "GMM generated vs hand-written");
        var plain = Gmm.Objective(_alphas, _means, _icf, _x, D, WishartGamma, WishartM);
        Agreement.Check([plain], [handWritten[0]], 1e-12, "GMM plain vs hand-written value");
    }

    [Benchmark(Baseline = true, Description = "plain GMM objective")]
    public void Plain() => _value = Gmm.Objective(_alphas, _means, _icf, _x, D, WishartGamma, WishartM);

    [Benchmark(Description = "hand-written gradient")]
    public void HandWrittenGradient() =>
        _value = _handWritten!.Gradient(_alphas, _means, _icf, _x, WishartGamma, WishartM, _dalphas, _dmeans, _dicf, _dx, out _, out _);

    [Benchmark(Description = "SymDiff gradient")]
    public void GeneratedGradient() =>
        _value = Gmm.ObjectiveGradient(_alphas, _means, _icf, _x, D, WishartGamma, WishartM, _dalphas, _dmeans, _dicf, _dx, out _, out _);

    private double[] Gradient(bool generatedCode)
    {
        double value, dgamma, dm;
        if (generatedCode)
        {
            value = Gmm.ObjectiveGradient(_alphas, _means, _icf, _x, D, WishartGamma, WishartM, _dalphas, _dmeans, _dicf, _dx, out dgamma, out dm);
        }
        else
        {
            value = _handWritten!.Gradient(_alphas, _means, _icf, _x, WishartGamma, WishartM, _dalphas, _dmeans, _dicf, _dx, out dgamma, out dm);
        }

        return [value, dgamma, dm, .. _dalphas, .. _dmeans, .. _dicf, .. _dx];
    }
}
