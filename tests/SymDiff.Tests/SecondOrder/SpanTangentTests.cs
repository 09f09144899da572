using SymDiff.Tests.Functions;
using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.SecondOrder;

/// <summary>Forward mode through loops and over vectors: the tangent is ∇F·t, and the derivative of F along t.</summary>
public sealed class SpanTangentTests
{
    [Theory]
    [MemberData(nameof(SpanCases.Names), MemberType = typeof(SpanCases))]
    public void Tangent_EqualsGradientDotDirection(string name)
    {
        var function = SpanCases.Get(name);
        for (var seed = 1; seed <= 3; seed++)
        {
            var point = RandomVector(function.Size, seed);
            var direction = RandomVector(function.Size, seed + 100);
            var (value, tangent) = function.Tangent(point, direction);
            var gradient = function.Gradient(point);

            Assert.Equal(function.Value(point), value, 1e-12 * Math.Max(1, Math.Abs(value)));
            var terms = gradient.Zip(direction, (g, t) => g * t).ToArray();
            Assert.Equal(terms.Sum(), tangent, 1e-12 * Math.Max(1, terms.Sum(Math.Abs)));
        }
    }

    [Theory]
    [MemberData(nameof(SpanCases.Names), MemberType = typeof(SpanCases))]
    public void Tangent_MatchesCentralDifferenceAlongDirection(string name)
    {
        var function = SpanCases.Get(name);
        var point = RandomVector(function.Size, 7);
        var direction = RandomVector(function.Size, 8);
        var (_, tangent) = function.Tangent(point, direction);

        var expected = FiniteDifference.Gradient(s => function.Value(point.Zip(direction, (p, t) => p + s[0] * t).ToArray()), new[] { 0.0 })[0];
        Assert.Equal(expected, tangent, 1e-6 * Math.Max(1, Math.Abs(expected)));
    }

    [Fact]
    public void Tangent_ThroughNestedLoops_MatchesHandDerivative()
    {
        // Horner: p(t) = Σ c[i] t^(4−i); along (tc, tt) the tangent is Σ tc[i] t^(4−i) + p'(t)·tt.
        double[] c = { 2, -1, 0.5, 3, -4 };
        double[] tc = { 0.1, 0.2, -0.3, 0.4, 0.5 };
        const double t = 1.3;
        const double tt = -0.7;
        Vectors.HornerTangent(c, t, tc, tt, out var tangent);
        var along = Enumerable.Range(0, 5).Sum(i => tc[i] * Math.Pow(t, 4 - i));
        var slope = Enumerable.Range(0, 4).Sum(i => c[i] * (4 - i) * Math.Pow(t, 3 - i));
        Assert.Equal(along + slope * tt, tangent, 1e-12);
    }

    [Fact]
    public void Tangent_DirectionOfWrongLength_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => Vectors.RosenbrockTangent(new double[4], new double[3], out _));
        Assert.Equal("tx", error.ParamName);
        Assert.Contains("length of x (4), not 3", error.Message);
    }

    [Fact]
    public void Tangent_DoesNotAllocate()
    {
        var point = RandomVector(1000, 1);
        var direction = RandomVector(1000, 2);
        Vectors.RosenbrockTangent(point, direction, out _);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Vectors.RosenbrockTangent(point, direction, out _);
            Vectors.RecurrenceTangent(point, 0.3, direction, 1.0, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    public static double[] RandomVector(int size, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, size).Select(_ => random.NextDouble() * 2 - 1).ToArray();
    }
}
