using SymDiff.Tests.Functions;
using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Loops;

/// <summary>Gradients through loops over spans and arrays, against finite differences and hand-derived formulas.</summary>
public sealed class LoopTests
{
    private static double[] Point(int n, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2 - 1).ToArray();
    }

    [Theory]
    [InlineData(2)]
    [InlineData(100)]
    [InlineData(10_000)]
    public void Rosenbrock_MatchesHandDerivedGradient(int n)
    {
        var x = Point(n, n);
        var gradient = new double[n];
        var value = Vectors.RosenbrockGradient(x, gradient);

        var expected = new double[n];
        var expectedValue = 0.0;
        for (var i = 0; i < n - 1; i++)
        {
            var a = x[i + 1] - x[i] * x[i];
            expectedValue += 100 * a * a + (1 - x[i]) * (1 - x[i]);
            expected[i] += -400 * x[i] * a - 2 * (1 - x[i]);
            expected[i + 1] += 200 * a;
        }

        Assert.Equal(expectedValue, value, 1e-9 * Math.Max(1, Math.Abs(expectedValue)));
        GradientAssert.Close(expected, gradient, 1e-12, 1e-12);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(100)]
    public void Rosenbrock_MatchesFiniteDifferences(int n)
    {
        var x = Point(n, 7 + n);
        var gradient = new double[n];
        Vectors.RosenbrockGradient(x, gradient);
        GradientAssert.Close(FiniteDifference.Gradient(p => Vectors.Rosenbrock(p), x), gradient, 1e-6, 1e-6);
    }

    [Fact]
    public void Rosenbrock_AtTheMinimum_HasZeroGradient()
    {
        var gradient = new double[5];
        Assert.Equal(0.0, Vectors.RosenbrockGradient(new double[] { 1, 1, 1, 1, 1 }, gradient));
        Assert.All(gradient, d => Assert.Equal(0.0, d));
    }

    [Fact]
    public void Rosenbrock_PowerOfTwoFolded_IsBitIdenticalToTheWrittenChainRule()
    {
        // The generator folds −200·a·(2·x) into −400·a·x; in the normal range that rounds identically.
        const int n = 1000;
        var x = Point(n, 21);
        var gradient = new double[n];
        Vectors.RosenbrockGradient(x, gradient);

        var carry = 0.0;
        for (var i = 0; i < n - 1; i++)
        {
            var a = x[i + 1] - x[i] * x[i];
            var b = 1.0 - x[i];
            Assert.Equal(carry + (-2.0 * b + -200.0 * a * (2.0 * x[i])), gradient[i]);
            carry = 200.0 * a;
        }

        Assert.Equal(carry, gradient[n - 1]);
    }

    [Fact]
    public void WeightedSums_WithConstantAdjoints_MatchesHandDerivedGradient()
    {
        var x = Point(9, 11);
        var gradient = new double[9];
        var value = Vectors.WeightedSumsGradient(x, gradient);

        var expected = new double[9];
        for (var i = 0; i < 8; i++)
        {
            expected[i] += 6 * x[i] - x[i + 1] / 4;
            expected[i + 1] -= x[i] / 4;
        }

        Assert.Equal(Vectors.WeightedSums(x), value, 12);
        GradientAssert.Close(expected, gradient, 1e-12, 1e-12);
        GradientAssert.Close(FiniteDifference.Gradient(p => Vectors.WeightedSums(p), x), gradient, 1e-6, 1e-6);
    }

    [Fact]
    public void ScaledCubes_WithParameterAdjoint_MatchesFiniteDifferences()
    {
        var x = Point(6, 12);
        var dx = new double[6];
        var value = Vectors.ScaledCubesGradient(x, 1.5, dx, out var dscale);
        Assert.Equal(Vectors.ScaledCubes(x, 1.5), value, 12);
        var point = x.Append(1.5).ToArray();
        var expected = FiniteDifference.Gradient(p => Vectors.ScaledCubes(p.AsSpan(0, 6), p[^1]), point);
        GradientAssert.Close(expected, dx.Append(dscale).ToArray(), 1e-6, 1e-6);
        GradientAssert.Close(x.Select(v => 4.5 * v * v).ToArray(), dx, 1e-12, 1e-12);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(5)]
    [InlineData(3)]
    [InlineData(1)]
    public void Windows_OverUsedBuffers_MatchesFiniteDifferences(int n)
    {
        var x = Point(8, 20 + n);
        var y = Point(8, 30 + n);
        var dx = Enumerable.Repeat(double.NaN, 8).ToArray();
        var dy = Enumerable.Repeat(double.NaN, 8).ToArray();
        var value = Vectors.WindowsGradient(x, y, n, dx, dy);

        Assert.Equal(Vectors.Windows(x, y, n), value, 12);
        var expected = FiniteDifference.Gradient(p => Vectors.Windows(p.AsSpan(0, 8), p.AsSpan(8), n), x.Concat(y).ToArray());
        GradientAssert.Close(expected, dx.Concat(dy).ToArray(), 1e-6, 1e-6);
    }

    [Fact]
    public void Dot_GradientIsTheOtherVector()
    {
        var x = Point(17, 1);
        var y = Point(17, 2);
        var dx = new double[17];
        var dy = new double[17];
        var value = Vectors.DotGradient(x, y, dx, dy);
        Assert.Equal(x.Zip(y, (a, b) => a * b).Sum(), value, 12);
        Assert.Equal(y, dx);
        Assert.Equal(x, dy);
    }

    [Fact]
    public void LogSumExp_GradientIsSoftmax()
    {
        var x = new[] { 1.0, -2.0, 3.0, 0.5, 3.0 };
        var gradient = new double[x.Length];
        var value = Vectors.LogSumExpGradient(x, gradient);
        var sum = x.Sum(v => Math.Exp(v));
        Assert.Equal(Math.Log(sum), value, 12);
        GradientAssert.Close(x.Select(v => Math.Exp(v) / sum).ToArray(), gradient, 1e-12, 1e-15);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(300)]
    public void ShiftedLogSumExp_GradientIsSoftmax_AndMatchesFiniteDifferences(int n)
    {
        var random = new Random(n);
        var x = Enumerable.Range(0, n).Select(_ => (6.0 * random.NextDouble()) - 3.0).ToArray();
        var gradient = new double[n];
        var value = Vectors.ShiftedLogSumExpGradient(x, gradient);
        var sum = x.Sum(v => Math.Exp(v));
        Assert.Equal(Math.Log(sum), value, 12);
        GradientAssert.Close(x.Select(v => Math.Exp(v) / sum).ToArray(), gradient, 1e-12, 1e-15);
        GradientAssert.Close(FiniteDifference.Gradient(p => Vectors.ShiftedLogSumExp(p), x), gradient, 1e-8, 1e-10);
    }

    [Fact]
    public void LogSumExp_WithLargeInputs_StaysFinite()
    {
        var x = new[] { 1000.0, 999.0, 998.0 };
        var gradient = new double[3];
        var value = Vectors.LogSumExpGradient(x, gradient);
        Assert.Equal(1000 + Math.Log(1 + Math.Exp(-1) + Math.Exp(-2)), value, 10);
        Assert.Equal(1.0, gradient.Sum(), 12);
        Assert.All(gradient, d => Assert.True(double.IsFinite(d)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void SoftmaxCrossEntropy_GradientIsSoftmaxMinusOneHot(int k)
    {
        var z = new[] { 0.3, -1.2, 2.5, 0.0, 1.1 };
        var gradient = new double[z.Length];
        var value = Vectors.SoftmaxCrossEntropyGradient(z, k, gradient);
        var sum = z.Sum(v => Math.Exp(v));
        Assert.Equal(Math.Log(sum) - z[k], value, 12);
        GradientAssert.Close(z.Select((v, i) => Math.Exp(v) / sum - (i == k ? 1 : 0)).ToArray(), gradient, 1e-12, 1e-14);
    }

    [Fact]
    public void Horner_MatchesPowersOfT()
    {
        var c = new[] { 2.0, -1.0, 0.5, 3.0 };
        const double t = 1.7;
        var dc = new double[4];
        var value = Vectors.HornerGradient(c, t, dc, out var dt);
        Assert.Equal(2 * t * t * t - t * t + 0.5 * t + 3, value, 12);
        GradientAssert.Close(new[] { t * t * t, t * t, t, 1.0 }, dc, 1e-14, 1e-14);
        Assert.Equal(6 * t * t - 2 * t + 0.5, dt, 12);
    }

    [Fact]
    public void Product_WhoseBackwardSeedIsZero_MatchesFiniteDifferences()
    {
        // The backward loop's seed is x[0] = 0, so its sweep is skipped at run time.
        var x = Point(6, 5);
        x[0] = 0.0;
        var dx = Enumerable.Repeat(double.NaN, 6).ToArray();
        Vectors.ProductGradient(x, 4, 0.7, dx, out var dscale);
        var point = x.Append(0.7).ToArray();
        var expected = FiniteDifference.Gradient(p => Vectors.Product(p.AsSpan(0, x.Length), 4, p[^1]), point);
        GradientAssert.Close(expected, dx.Append(dscale).ToArray(), 1e-6, 1e-8);
        Assert.Equal(0.0, dscale);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(200)]
    public void Product_WithIntBound_MatchesFiniteDifferences(int n)
    {
        var x = Point(n + 2, 11 * n);
        var dx = new double[x.Length];
        var value = Vectors.ProductGradient(x, n, 0.7, dx, out var dscale);
        Assert.Equal(Vectors.Product(x, n, 0.7), value);
        var point = x.Append(0.7).ToArray();
        var expected = FiniteDifference.Gradient(p => Vectors.Product(p.AsSpan(0, x.Length), n, p[^1]), point);
        GradientAssert.Close(expected, dx.Append(dscale).ToArray(), 1e-6, 1e-8);
        Assert.Equal(0.0, dx[^1]);
    }

    [Fact]
    public void Recurrence_WithTwoCarriedValues_MatchesFiniteDifferences()
    {
        var x = Point(9, 5);
        var dx = new double[9];
        Vectors.RecurrenceGradient(x, 0.8, dx, out var dtheta);
        var point = x.Append(0.8).ToArray();
        var expected = FiniteDifference.Gradient(p => Vectors.Recurrence(p.AsSpan(0, 9).ToArray(), p[^1]), point);
        GradientAssert.Close(expected, dx.Append(dtheta).ToArray(), 1e-6, 1e-8);
    }

    [Fact]
    public void GradientBuffer_IsOverwrittenNotAccumulated()
    {
        var x = Point(6, 3);
        var first = new double[6];
        var second = Enumerable.Repeat(123.0, 6).ToArray();
        Vectors.RosenbrockGradient(x, first);
        Vectors.RosenbrockGradient(x, second);
        Assert.Equal(first, second);
    }

    [Fact]
    public void GradientBufferOfWrongLength_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => Vectors.RosenbrockGradient(new double[4], new double[3]));
        Assert.Equal("dx", error.ParamName);
    }

    [Fact]
    public void EmptyLoop_GivesTheInitialValue()
    {
        var dx = new double[1];
        Assert.Equal(0.0, Vectors.RosenbrockGradient(new[] { 3.0 }, dx));
        Assert.Equal(0.0, dx[0]);
    }

    [Fact]
    public void Rosenbrock1000_DoesNotAllocateAcross10000Calls()
    {
        var x = Point(1000, 42);
        var gradient = new double[1000];
        Vectors.RosenbrockGradient(x, gradient);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            Vectors.RosenbrockGradient(x, gradient);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void TapedLoopOverThousands_RentsInsteadOfAllocating()
    {
        var c = Point(5000, 9);
        var dc = new double[5000];
        Vectors.HornerGradient(c, 0.999, dc, out _);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Vectors.HornerGradient(c, 0.999, dc, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
