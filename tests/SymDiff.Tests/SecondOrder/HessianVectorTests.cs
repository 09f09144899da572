using SymDiff.Tests.Functions;
using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.SecondOrder;

/// <summary>
/// H·v over vectors and loops (reverse mode over forward mode): against central differences of the
/// generated gradient along v, against Rosenbrock's Hessian by hand, and symmetric column by column.
/// </summary>
public sealed class HessianVectorTests
{
    [Theory]
    [MemberData(nameof(SpanCases.Names), MemberType = typeof(SpanCases))]
    public void Product_MatchesCentralDifferencesOfTheGradient(string name)
    {
        var function = SpanCases.Get(name);
        for (var seed = 1; seed <= 2; seed++)
        {
            var point = SpanTangentTests.RandomVector(function.Size, seed);
            var direction = SpanTangentTests.RandomVector(function.Size, seed + 50);
            var (_, _, product) = function.HessianVector(point, direction);

            // (∇F(θ + hv) − ∇F(θ − hv)) / 2h, one component at a time.
            var expected = new double[function.Size];
            for (var i = 0; i < function.Size; i++)
            {
                var component = i;
                expected[i] = FiniteDifference.Gradient(s => function.Gradient(point.Zip(direction, (p, v) => p + s[0] * v).ToArray())[component], new[] { 0.0 })[0];
            }

            GradientAssert.Close(expected, product, 1e-6, 1e-6 * Math.Max(1, expected.Max(Math.Abs)), name + " seed " + seed);
        }
    }

    [Theory]
    [MemberData(nameof(SpanCases.Names), MemberType = typeof(SpanCases))]
    public void ValueAndGradient_AreTheGradientMethods(string name)
    {
        var function = SpanCases.Get(name);
        var point = SpanTangentTests.RandomVector(function.Size, 3);
        var (value, gradient, _) = function.HessianVector(point, SpanTangentTests.RandomVector(function.Size, 4));
        Assert.Equal(function.Value(point), value, 1e-12 * Math.Max(1, Math.Abs(value)));
        var expected = function.Gradient(point);
        GradientAssert.Close(expected, gradient, 1e-12, 1e-12 * Math.Max(1, expected.Max(Math.Abs)), name);
    }

    [Theory]
    [MemberData(nameof(SpanCases.Names), MemberType = typeof(SpanCases))]
    public void HessianFromUnitDirections_IsSymmetric(string name)
    {
        var function = SpanCases.Get(name);
        var point = SpanTangentTests.RandomVector(function.Size, 5);
        var n = function.Size;
        var columns = Enumerable.Range(0, n).Select(j =>
        {
            var unit = new double[n];
            unit[j] = 1;
            return function.HessianVector(point, unit).Product;
        }).ToArray();

        var scale = columns.SelectMany(c => c).Max(Math.Abs);
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                Assert.True(Math.Abs(columns[j][i] - columns[i][j]) <= 1e-12 * Math.Max(1, scale), $"{name}: H[{i},{j}] = {columns[j][i]}, H[{j},{i}] = {columns[i][j]}");
            }
        }
    }

    [Fact]
    public void Rosenbrock_MatchesTheHandHessian()
    {
        // H is tridiagonal: Hᵢᵢ = 1200xᵢ² − 400xᵢ₊₁ + 2 (i < n−1) + 200 (i > 0), Hᵢ,ᵢ₊₁ = −400xᵢ.
        const int n = 9;
        var x = SpanTangentTests.RandomVector(n, 11);
        var v = SpanTangentTests.RandomVector(n, 12);
        var expected = new double[n];
        for (var i = 0; i < n; i++)
        {
            var diagonal = (i < n - 1 ? 1200 * x[i] * x[i] - 400 * x[i + 1] + 2 : 0) + (i > 0 ? 200 : 0);
            expected[i] = diagonal * v[i]
                + (i < n - 1 ? -400 * x[i] * v[i + 1] : 0)
                + (i > 0 ? -400 * x[i - 1] * v[i - 1] : 0);
        }

        var (gradient, product) = (new double[n], new double[n]);
        Vectors.RosenbrockHessianVector(x, v, gradient, product);
        GradientAssert.Close(expected, product, 1e-12, 1e-12);
    }

    [Fact]
    public void BufferOfWrongLength_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => Vectors.RosenbrockHessianVector(new double[4], new double[4], new double[4], new double[5]));
        Assert.Equal("hvx", error.ParamName);
    }

    [Fact]
    public void Product_DoesNotAllocate()
    {
        var x = SpanTangentTests.RandomVector(1000, 1);
        var v = SpanTangentTests.RandomVector(1000, 2);
        var (gradient, product) = (new double[1000], new double[1000]);
        // The first call rents Horner's tape from the shared ArrayPool; later calls reuse it.
        Vectors.RosenbrockHessianVector(x, v, gradient, product);
        Vectors.HornerHessianVector(x, 0.9, v, 1.0, gradient, out _, product, out _);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Vectors.RosenbrockHessianVector(x, v, gradient, product);
            Vectors.HornerHessianVector(x, 0.9, v, 1.0, gradient, out _, product, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
