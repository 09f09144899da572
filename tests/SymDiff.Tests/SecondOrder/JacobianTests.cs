using SymDiff.Tests.Functions;
using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.SecondOrder;

/// <summary>Jacobians of tuple-returning methods against finite differences and hand-derived entries; VJPs against uᵀJ.</summary>
public sealed class JacobianTests
{
    [Theory]
    [InlineData(0.5, -1.2, 0.8)]
    [InlineData(2.0, 3.0, -1.0)]
    public void Wide_ReverseModeJacobian_MatchesHandDerivedAndFiniteDifferences(double x, double y, double z)
    {
        var jacobian = new double[6];
        var value = VectorValued.WideJacobian(x, y, z, jacobian);

        Assert.Equal(VectorValued.Wide(x, y, z), value);
        var expected = new[] { 1, z, y, y * Math.Sin(z), x * Math.Sin(z), x * y * Math.Cos(z) };
        GradientAssert.Close(expected, jacobian, 1e-14, 1e-15);
        GradientAssert.Close(FiniteJacobian(p => { var (a, b) = VectorValued.Wide(p[0], p[1], p[2]); return new[] { a, b }; }, new[] { x, y, z }), jacobian, 1e-6, 1e-8);
    }

    [Theory]
    [InlineData(2.0, 0.3)]
    [InlineData(0.7, -2.5)]
    public void Tall_ForwardModeJacobian_MatchesHandDerivedAndFiniteDifferences(double r, double theta)
    {
        var jacobian = new double[6];
        var value = VectorValued.TallJacobian(r, theta, jacobian);

        Assert.Equal(VectorValued.Tall(r, theta), value);
        var expected = new[] { Math.Cos(theta), -r * Math.Sin(theta), Math.Sin(theta), r * Math.Cos(theta), 2 * r, 0 };
        GradientAssert.Close(expected, jacobian, 1e-14, 1e-15);
        GradientAssert.Close(FiniteJacobian(p => { var (a, b, c) = VectorValued.Tall(p[0], p[1]); return new[] { a, b, c }; }, new[] { r, theta }), jacobian, 1e-6, 1e-8);
    }

    [Theory]
    [InlineData(1.5, 0.5)]
    [InlineData(-0.5, 0.75)]
    public void Piecewise_JacobianIsTheTakenBranchs(double a, double b)
    {
        var jacobian = new double[4];
        VectorValued.PiecewiseJacobian(a, b, jacobian);
        GradientAssert.Close(FiniteJacobian(p => { var (u, v) = VectorValued.Piecewise(p[0], p[1]); return new[] { u, v }; }, new[] { a, b }), jacobian, 1e-6, 1e-8);
    }

    [Fact]
    public void Vjp_EqualsCotangentTimesJacobian()
    {
        var jacobian = new double[6];
        VectorValued.WideJacobian(0.5, -1.2, 0.8, jacobian);
        var value = VectorValued.WideVjp(0.5, -1.2, 0.8, 2.0, -3.0, out var dx, out var dy, out var dz);
        Assert.Equal(VectorValued.Wide(0.5, -1.2, 0.8), value);
        GradientAssert.Close(
            new[] { 2 * jacobian[0] - 3 * jacobian[3], 2 * jacobian[1] - 3 * jacobian[4], 2 * jacobian[2] - 3 * jacobian[5] },
            new[] { dx, dy, dz },
            1e-14,
            1e-15);

        var tall = new double[6];
        VectorValued.TallJacobian(2.0, 0.3, tall);
        VectorValued.TallVjp(2.0, 0.3, 1.0, 0.5, -0.25, out var dr, out var dtheta);
        GradientAssert.Close(new[] { tall[0] + 0.5 * tall[2] - 0.25 * tall[4], tall[1] + 0.5 * tall[3] - 0.25 * tall[5] }, new[] { dr, dtheta }, 1e-14, 1e-15);
    }

    [Fact]
    public void WrongJacobianLength_ThrowsNamingTheParameter()
        => Assert.Equal("jacobian", Assert.Throws<ArgumentException>(() => VectorValued.WideJacobian(1, 2, 3, new double[5])).ParamName);

    /// <summary>Row-major k×n Jacobian by central differences, h = 1e-5·max(1, |p|).</summary>
    private static double[] FiniteJacobian(Func<double[], double[]> f, double[] point)
    {
        var k = f(point).Length;
        var n = point.Length;
        var jacobian = new double[k * n];
        for (var i = 0; i < k; i++)
        {
            var column = FiniteDifference.Gradient(p => f(p)[i], point);
            Array.Copy(column, 0, jacobian, i * n, n);
        }

        return jacobian;
    }

    [Theory]
    [InlineData(0.3, -1.2, 0.8, 1.0, 0.5, -2.0)]
    [InlineData(2.0, 0.0, -1.0, 0.0, 0.0, 1.0)]
    public void Wide_TangentIsJacobianTimesDirection(double x, double y, double z, double tx, double ty, double tz)
    {
        var (sum, product) = VectorValued.WideTangent(x, y, z, tx, ty, tz, out var tSum, out var tProduct);
        Span<double> jacobian = stackalloc double[6];
        var value = VectorValued.WideJacobian(x, y, z, jacobian);
        Assert.Equal(value, (sum, product));
        Assert.Equal(jacobian[0] * tx + jacobian[1] * ty + jacobian[2] * tz, tSum, 1e-12);
        Assert.Equal(jacobian[3] * tx + jacobian[4] * ty + jacobian[5] * tz, tProduct, 1e-12);
    }

    [Fact]
    public void Tall_TangentIsJacobianTimesDirection()
    {
        var value = VectorValued.TallTangent(1.5, 0.7, -0.4, 2.0, out var t1, out var t2, out var t3);
        Span<double> jacobian = stackalloc double[6];
        Assert.Equal(VectorValued.TallJacobian(1.5, 0.7, jacobian), value);
        Assert.Equal(jacobian[0] * -0.4 + jacobian[1] * 2.0, t1, 1e-12);
        Assert.Equal(jacobian[2] * -0.4 + jacobian[3] * 2.0, t2, 1e-12);
        Assert.Equal(jacobian[4] * -0.4 + jacobian[5] * 2.0, t3, 1e-12);
    }
}
