using SymDiff.Tests.Functions;
using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Loops;

/// <summary>
/// The GMM at d = 4, where the triangle has rows of several entries (its running index, the centred point's
/// table shared by the loop over j and its inner loop): gradient against finite differences of the objective,
/// tangent against the gradient, H·v against differences of the gradient.
/// </summary>
public sealed class GmmModesTests
{
    private const int D = 4;
    private const int K = 3;
    private const int N = 6;
    private const int IcfSize = D * (D + 1) / 2;
    private const double Gamma = 0.8;
    private const double M = 0.3;

    [Fact]
    public void Gradient_MatchesFiniteDifferencesOfTheObjective()
    {
        var parameters = Data(11);
        var gradient = Gradient(parameters, out var value);

        Assert.Equal(Objective(parameters), value);
        GradientAssert.Close(FiniteDifference.Gradient(Objective, parameters), gradient, 1e-6, 1e-7);
    }

    [Fact]
    public void TangentAndHessianVector_MatchTheGradientAndItsDifferences()
    {
        var parameters = Data(12);
        var direction = Data(13);
        var gradient = Gradient(parameters, out _);
        var (alphas, means, icf, x) = Split(parameters);
        var (ta, tm, ti, tx) = Split(direction);

        Gmm.ObjectiveTangent(alphas, means, icf, x, D, Gamma, M, ta, tm, ti, tx, 0.0, 0.0, out var tangent);
        Assert.Equal(gradient.Zip(direction, (g, t) => g * t).Sum(), tangent, 1e-9);

        var (ha, hm, hi, hx) = (new double[K], new double[K * D], new double[K * IcfSize], new double[N * D]);
        Gmm.ObjectiveHessianVector(
            alphas, means, icf, x, D, Gamma, M, ta, tm, ti, tx, 0.0, 0.0,
            new double[K], new double[K * D], new double[K * IcfSize], new double[N * D], out _, out _,
            ha, hm, hi, hx, out _, out _);
        const double h = 1e-5;
        var plus = Gradient(parameters.Zip(direction, (p, t) => p + (h * t)).ToArray(), out _);
        var minus = Gradient(parameters.Zip(direction, (p, t) => p - (h * t)).ToArray(), out _);
        GradientAssert.Close(plus.Zip(minus, (a, b) => (a - b) / (2 * h)).ToArray(), [.. ha, .. hm, .. hi, .. hx], 1e-5, 1e-6);
    }

    private static double Objective(double[] parameters)
    {
        var (alphas, means, icf, x) = Split(parameters);
        return Gmm.Objective(alphas, means, icf, x, D, Gamma, M);
    }

    private static double[] Gradient(double[] parameters, out double value)
    {
        var (alphas, means, icf, x) = Split(parameters);
        var (da, dm, di, dx) = (new double[K], new double[K * D], new double[K * IcfSize], new double[N * D]);
        value = Gmm.ObjectiveGradient(alphas, means, icf, x, D, Gamma, M, da, dm, di, dx, out _, out _);
        return [.. da, .. dm, .. di, .. dx];
    }

    private static (double[] Alphas, double[] Means, double[] Icf, double[] X) Split(double[] p)
        => (p[..K], p[K..(K + (K * D))], p[(K + (K * D))..(K + (K * D) + (K * IcfSize))], p[(K + (K * D) + (K * IcfSize))..]);

    private static double[] Data(int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, K + (K * D) + (K * IcfSize) + (N * D)).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
    }
}
