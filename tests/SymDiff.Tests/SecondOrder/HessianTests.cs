using SymDiff.Tests.Functions;
using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.SecondOrder;

/// <summary>Hessians against hand-derived formulas and against finite differences of the gradient.</summary>
public sealed class HessianTests
{
    [Theory]
    [InlineData(2.0, 3.0)]
    [InlineData(-0.7, 1.9)]
    public void Lecture_MatchesHandDerivedHessian(double x, double y)
    {
        var gradient = new double[2];
        var hessian = new double[4];
        var value = Curvature.LectureHessian(x, y, gradient, hessian);

        // f = x⁴ + 3x³y: f_xx = 12x² + 18xy, f_xy = 9x², f_yy = 0.
        Assert.Equal(Curvature.Lecture(x, y), value, 12);
        GradientAssert.Close(new[] { 4 * x * x * x + 9 * x * x * y, 3 * x * x * x }, gradient, 1e-13, 1e-13);
        GradientAssert.Close(new[] { 12 * x * x + 18 * x * y, 9 * x * x, 9 * x * x, 0.0 }, hessian, 1e-13, 1e-13);
    }

    [Fact]
    public void Lecture_AtTheLecturePoint_IsExact()
    {
        var hessian = new double[4];
        Curvature.LectureHessian(2, 3, new double[2], hessian);
        Assert.Equal(new[] { 156.0, 36.0, 36.0, 0.0 }, hessian);
    }

    [Theory]
    [InlineData(-1.2, 1.0)]
    [InlineData(1.0, 1.0)]
    [InlineData(0.3, -0.5)]
    public void Rosenbrock_MatchesHandDerivedHessian(double x, double y)
    {
        var gradient = new double[2];
        var hessian = new double[4];
        Curvature.RosenbrockHessian(x, y, gradient, hessian);

        // f = (1-x)² + 100(y-x²)²: f_xx = 2 - 400(y - x²) + 800x², f_xy = -400x, f_yy = 200.
        GradientAssert.Close(new[] { 2 - 400 * (y - x * x) + 800 * x * x, -400 * x, -400 * x, 200.0 }, hessian, 1e-13, 1e-12);
        GradientAssert.Close(new[] { -2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x) }, gradient, 1e-13, 1e-12);
    }

    [Theory]
    [InlineData(2.0, -1.0, -3.0)]
    [InlineData(0.5, 0.8, 0.1)]
    public void Neuron_MatchesHandDerivedHessian(double w, double x, double b)
    {
        var hessian = new double[9];
        Curvature.NeuronHessian(w, x, b, new double[3], hessian);

        // σ'' = σ(1-σ)(1-2σ); ∂z/∂(w, x, b) = (x, w, 1); ∂²z/∂w∂x = 1.
        var s = 1 / (1 + Math.Exp(-(w * x + b)));
        var first = s * (1 - s);
        var second = first * (1 - 2 * s);
        var dz = new[] { x, w, 1.0 };
        var expected = new double[9];
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                expected[i * 3 + j] = second * dz[i] * dz[j] + ((i, j) is (0, 1) or (1, 0) ? first : 0.0);
            }
        }

        GradientAssert.Close(expected, hessian, 1e-12, 1e-14);
    }

    [Theory]
    [InlineData(0.9, 0.4, 0.3, -0.7)]
    [InlineData(-0.4, 1.1, 0.8, 0.2)]
    public void Mixed_MatchesFiniteDifferencesOfTheGradientAndIsSymmetric(double a, double b, double c, double d)
    {
        var point = new[] { a, b, c, d };
        var hessian = new double[16];
        Curvature.MixedHessian(a, b, c, d, new double[4], hessian);

        for (var j = 0; j < 4; j++)
        {
            var column = FiniteDifference.Gradient(p => Gradient(p)[j], point);
            for (var i = 0; i < 4; i++)
            {
                Assert.True(Math.Abs(column[i] - hessian[i * 4 + j]) <= 1e-6 * Math.Max(1, Math.Abs(column[i])), $"H[{i},{j}]: finite difference {column[i]:R}, generated {hessian[i * 4 + j]:R}");
                Assert.Equal(hessian[i * 4 + j], hessian[j * 4 + i]);
            }
        }
    }

    [Fact]
    public void WrongSpanLength_ThrowsNamingTheParameter()
    {
        var tooShort = Assert.Throws<ArgumentException>(() => Curvature.LectureHessian(1, 2, new double[2], new double[3]));
        Assert.Equal("hessian", tooShort.ParamName);
        var tooLong = Assert.Throws<ArgumentException>(() => Curvature.LectureHessian(1, 2, new double[3], new double[4]));
        Assert.Equal("gradient", tooLong.ParamName);
    }

    [Fact]
    public void Hessian_DoesNotAllocate()
    {
        Span<double> gradient = stackalloc double[4];
        Span<double> hessian = stackalloc double[16];
        Curvature.MixedHessian(0.9, 0.4, 0.3, -0.7, gradient, hessian);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            Curvature.MixedHessian(0.9, 0.4, 0.3, -0.7 + i * 1e-6, gradient, hessian);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static double[] Gradient(double[] p)
    {
        Curvature.MixedGradient(p[0], p[1], p[2], p[3], out var da, out var db, out var dc, out var dd);
        return new[] { da, db, dc, dd };
    }

    [Fact]
    public void TenParameters_MatchFiniteDifferencesOfTheGradientAndAreSymmetric()
    {
        var p = new[] { 0.3, -0.5, 0.8, 0.1, -0.9, 0.4, 0.7, -0.2, 0.6, 0.5 };
        var hessian = new double[100];
        var gradient = new double[10];
        Curvature.TenHessian(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], gradient, hessian);
        for (var col = 0; col < 10; col++)
        {
            var column = FiniteDifference.Gradient(q => TenGradient(q)[col], p);
            for (var row = 0; row < 10; row++)
            {
                Assert.True(Math.Abs(column[row] - hessian[row * 10 + col]) <= 1e-6 * Math.Max(1, Math.Abs(column[row])), $"H[{row},{col}]");
                Assert.Equal(hessian[row * 10 + col], hessian[col * 10 + row]);
            }
        }

        GradientAssert.Close(TenGradient(p), gradient, 1e-14, 1e-14);
    }

    private static double[] TenGradient(double[] p)
    {
        Curvature.TenGradient(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], out var a, out var b, out var c, out var d, out var e, out var f, out var g, out var h, out var i, out var j);
        return new[] { a, b, c, d, e, f, g, h, i, j };
    }
}
