using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Loops;

/// <summary>Math calls on parameters inside loops over data points: computed once per component, not once per point.</summary>
public static partial class ComponentScores
{
    /// <summary>
    /// Π over points p of (1 + 0.1 Σ_c Σ_j e^{w[2c+j]} sin(x[p] w[2c+j]) + cos(w[c]) / √(1 + w[c]²)): a product, so its
    /// backward sweep is a loop of its own, and every call but the sine reads only the components' weights.
    /// </summary>
    [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]
    public static double Product(ReadOnlySpan<double> w, ReadOnlySpan<double> x, int components)
    {
        var product = 1.0;
        for (int p = 0; p < x.Length; p++)
        {
            var score = 0.0;
            for (int c = 0; c < components; c++)
            {
                for (int j = 0; j < 2; j++)
                {
                    score += Math.Exp(w[2 * c + j]) * Math.Sin(x[p] * w[2 * c + j]);
                }

                score += Math.Cos(w[c]) / Math.Sqrt(1 + w[c] * w[c]);
            }

            product *= 1 + 0.1 * score;
        }

        return product;
    }

    /// <summary>Σ over points and repetitions of e^{w[c]}·x[p]: the repetition loop's index is not read by the call.</summary>
    [Differentiable]
    public static double Repeated(ReadOnlySpan<double> w, ReadOnlySpan<double> x, int components, int repetitions)
    {
        var sum = 0.0;
        for (int p = 0; p < x.Length; p++)
        {
            for (int r = 0; r < repetitions; r++)
            {
                for (int c = 0; c < components; c++)
                {
                    sum += Math.Exp(w[c]) * x[p];
                }
            }
        }

        return sum;
    }

    /// <summary>Σ_ρ Σ_k e^{w[k + ρ]}·x[ρ]: the call reads the point loop's index, spelled with a non-ASCII letter, so it gets no table.</summary>
    [Differentiable]
    public static double Shifted(ReadOnlySpan<double> w, ReadOnlySpan<double> x, int components)
    {
        var total = 0.0;
        for (int ρ = 0; ρ < x.Length; ρ++)
        {
            for (int k = 0; k < components; k++)
            {
                total += Math.Exp(w[k + ρ]) * x[ρ];
            }
        }

        return total;
    }
}

public sealed class InvariantTableTests
{
    private const int Components = 3;

    [Fact]
    public void CallsOnWeightsInsideThePointLoop_GradientMatchesFiniteDifferences()
    {
        var (w, x) = (Point(2 * Components, 0.8, 21), Point(40, 1.5, 22));
        var (dw, dx) = (new double[w.Length], new double[x.Length]);
        var value = ComponentScores.ProductGradient(w, x, Components, dw, dx);

        Assert.Equal(ComponentScores.Product(w, x, Components), value, 1e-15);
        GradientAssert.Close(FiniteDifference.Gradient(p => ComponentScores.Product(p, x, Components), w), dw, 1e-6, 1e-9);
        GradientAssert.Close(FiniteDifference.Gradient(p => ComponentScores.Product(w, p, Components), x), dx, 1e-6, 1e-9);
    }

    [Fact]
    public void CallsOnWeightsInsideThePointLoop_TangentAndHessianVectorMatchTheGradient()
    {
        var (w, x) = (Point(2 * Components, 0.8, 23), Point(12, 1.5, 24));
        var (tw, tx) = (Point(w.Length, 1.0, 25), Point(x.Length, 1.0, 26));
        var (dw, dx) = (new double[w.Length], new double[x.Length]);
        ComponentScores.ProductGradient(w, x, Components, dw, dx);

        ComponentScores.ProductTangent(w, x, Components, tw, tx, out var tangent);
        Assert.Equal(dw.Zip(tw, (a, b) => a * b).Sum() + dx.Zip(tx, (a, b) => a * b).Sum(), tangent, 1e-12);

        var (hw, hx) = (new double[w.Length], new double[x.Length]);
        ComponentScores.ProductHessianVector(w, x, Components, tw, tx, new double[w.Length], new double[x.Length], hw, hx);
        const double h = 1e-5;
        double[] Gradient(double step)
        {
            var (gw, gx) = (new double[w.Length], new double[x.Length]);
            ComponentScores.ProductGradient(w.Zip(tw, (a, b) => a + step * b).ToArray(), x.Zip(tx, (a, b) => a + step * b).ToArray(), Components, gw, gx);
            return [.. gw, .. gx];
        }

        var (plus, minus) = (Gradient(h), Gradient(-h));
        GradientAssert.Close(plus.Zip(minus, (a, b) => (a - b) / (2 * h)).ToArray(), [.. hw, .. hx], 1e-6, 1e-8);
    }

    [Fact]
    public void NoPoints_TheTableReadsNoWeight()
    {
        // The method never reads w when x is empty, so neither may its gradient: w is too short for three components.
        var (dw, dx) = (new double[1], Array.Empty<double>());
        var value = ComponentScores.ProductGradient([0.5], [], Components, dw, dx);

        Assert.Equal(1.0, value);
        Assert.Equal([0.0], dw);
    }

    [Fact]
    public void NoRepetitions_TheTableReadsNoWeight()
    {
        var (w, x) = (new[] { 0.5 }, new[] { 1.0, 2.0 });
        var (dw, dx) = (new double[w.Length], new double[x.Length]);
        var value = ComponentScores.RepeatedGradient(w, x, Components, 0, dw, dx);

        Assert.Equal(0.0, value);
        Assert.Equal([0.0], dw);
        Assert.Equal([0.0, 0.0], dx);
    }

    [Fact]
    public void CallNotReadingTheRepetitionIndex_GradientIsExact()
    {
        var (w, x) = (new[] { 0.5, -0.25, 1.0 }, new[] { 1.0, 2.0, -0.5 });
        var (dw, dx) = (new double[w.Length], new double[x.Length]);
        var value = ComponentScores.RepeatedGradient(w, x, Components, 2, dw, dx);

        var expSum = w.Sum(Math.Exp);
        Assert.Equal(2 * x.Sum() * expSum, value, 1e-13);
        GradientAssert.Close(w.Select(v => 2 * x.Sum() * Math.Exp(v)).ToArray(), dw, 1e-14, 1e-14);
        GradientAssert.Close(x.Select(_ => 2 * expSum).ToArray(), dx, 1e-14, 1e-14);
    }

    [Fact]
    public void CallReadingTheOuterIndex_GradientIsExact()
    {
        var (w, x) = (new[] { 0.5, -0.25, 1.0, 0.75 }, new[] { 1.0, 2.0 });
        var (dw, dx) = (new double[w.Length], new double[x.Length]);
        var value = ComponentScores.ShiftedGradient(w, x, 3, dw, dx);

        Assert.Equal(Enumerable.Range(0, 2).Sum(p => Enumerable.Range(0, 3).Sum(k => Math.Exp(w[k + p]) * x[p])), value, 1e-14);
        GradientAssert.Close([Math.Exp(w[0]), Math.Exp(w[1]) * 3, Math.Exp(w[2]) * 3, Math.Exp(w[3]) * 2], dw, 1e-14, 1e-14);
        GradientAssert.Close([Math.Exp(w[0]) + Math.Exp(w[1]) + Math.Exp(w[2]), Math.Exp(w[1]) + Math.Exp(w[2]) + Math.Exp(w[3])], dx, 1e-14, 1e-14);
    }

    private static double[] Point(int length, double scale, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => scale * (random.NextDouble() * 2 - 1)).ToArray();
    }
}
