using SymDiff.Tests.Functions;
using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.SecondOrder;

/// <summary>Full Hessians and tuple Jacobians of methods with loops, against central differences and the other modes.</summary>
public sealed class LoopCurvatureTests
{
    [Theory]
    [InlineData(0.3, 0.7)]
    [InlineData(-1.1, 0.4)]
    public void Series_Hessian_MatchesDifferencesOfTheGradient_AndIsSymmetric(double x, double y)
    {
        Span<double> gradient = stackalloc double[2];
        Span<double> hessian = stackalloc double[4];
        var value = LoopCurvature.SeriesHessian(x, y, gradient, hessian);
        Assert.Equal(LoopCurvature.Series(x, y), value, 1e-12);
        Assert.Equal(hessian[1], hessian[2]);

        var expected = new double[4];
        for (var i = 0; i < 2; i++)
        {
            var row = FiniteDifference.Gradient(
                p =>
                {
                    LoopCurvature.SeriesGradient(p[0], p[1], out var dx, out var dy);
                    return i == 0 ? dx : dy;
                },
                new[] { x, y });
            expected[i * 2] = row[0];
            expected[i * 2 + 1] = row[1];
        }

        GradientAssert.Close(expected, hessian.ToArray(), 1e-6, 1e-6);
        LoopCurvature.SeriesGradient(x, y, out var gx, out var gy);
        GradientAssert.Close(new[] { gx, gy }, gradient.ToArray(), 1e-12, 1e-12);
    }

    [Fact]
    public void Series_Hessian_AgreesWithHessianVector()
    {
        Span<double> gradient = stackalloc double[2];
        Span<double> hessian = stackalloc double[4];
        LoopCurvature.SeriesHessian(0.9, -0.3, gradient, hessian);
        LoopCurvature.SeriesHessianVector(0.9, -0.3, 0.6, -0.8, out _, out _, out var hvx, out var hvy);
        Assert.Equal(hessian[0] * 0.6 + hessian[1] * -0.8, hvx, 1e-10);
        Assert.Equal(hessian[2] * 0.6 + hessian[3] * -0.8, hvy, 1e-10);
    }

    [Theory]
    [InlineData(0.4, 0.9)]
    [InlineData(-0.7, 1.3)]
    public void Orbit_ForwardModeJacobian_MatchesDifferences_AndTangent(double a, double b)
    {
        Span<double> jacobian = stackalloc double[4];
        var value = LoopCurvature.OrbitJacobian(a, b, jacobian);
        Assert.Equal(LoopCurvature.Orbit(a, b), value);
        var growth = FiniteDifference.Gradient(p => LoopCurvature.Orbit(p[0], p[1]).Growth, new[] { a, b });
        var mass = FiniteDifference.Gradient(p => LoopCurvature.Orbit(p[0], p[1]).Mass, new[] { a, b });
        GradientAssert.Close(growth.Concat(mass).ToArray(), jacobian.ToArray(), 1e-6, 1e-8);

        LoopCurvature.OrbitTangent(a, b, 0.3, -1.2, out var tGrowth, out var tMass);
        Assert.Equal(jacobian[0] * 0.3 + jacobian[1] * -1.2, tGrowth, 1e-12);
        Assert.Equal(jacobian[2] * 0.3 + jacobian[3] * -1.2, tMass, 1e-12);
    }

    [Fact]
    public void Wide_ReverseModeJacobian_MatchesDifferences_AndVjp()
    {
        Span<double> jacobian = stackalloc double[6];
        LoopCurvature.WideJacobian(0.5, -1.5, 2.0, jacobian);
        var first = FiniteDifference.Gradient(p => LoopCurvature.Wide(p[0], p[1], p[2]).First, new[] { 0.5, -1.5, 2.0 });
        var second = FiniteDifference.Gradient(p => LoopCurvature.Wide(p[0], p[1], p[2]).Second, new[] { 0.5, -1.5, 2.0 });
        GradientAssert.Close(first.Concat(second).ToArray(), jacobian.ToArray(), 1e-6, 1e-8);

        LoopCurvature.WideVjp(0.5, -1.5, 2.0, 0.7, -0.2, out var da, out var db, out var dc);
        Assert.Equal(0.7 * jacobian[0] - 0.2 * jacobian[3], da, 1e-12);
        Assert.Equal(0.7 * jacobian[1] - 0.2 * jacobian[4], db, 1e-12);
        Assert.Equal(0.7 * jacobian[2] - 0.2 * jacobian[5], dc, 1e-12);
    }

    [Fact]
    public void Taped_ReverseModeJacobian_SweepsTheTapedLoopOncePerOutput()
    {
        Span<double> jacobian = stackalloc double[6];
        var point = new[] { 0.8, -0.6, 1.1 };
        var value = LoopCurvature.TapedJacobian(point[0], point[1], point[2], jacobian);
        Assert.Equal(LoopCurvature.Taped(point[0], point[1], point[2]), value);
        var p = FiniteDifference.Gradient(x => LoopCurvature.Taped(x[0], x[1], x[2]).P, point);
        var q = FiniteDifference.Gradient(x => LoopCurvature.Taped(x[0], x[1], x[2]).Q, point);
        GradientAssert.Close(p.Concat(q).ToArray(), jacobian.ToArray(), 1e-6, 1e-8);
    }

    [Fact]
    public void Nested_ReverseModeJacobian_TwoSweepsThroughRecordedInnerLoops()
    {
        Span<double> jacobian = stackalloc double[6];
        var point = new[] { 0.4, -0.3, 0.9 };
        var value = LoopCurvature.NestedJacobian(point[0], point[1], point[2], jacobian);
        Assert.Equal(LoopCurvature.Nested(point[0], point[1], point[2]), value);
        var p = FiniteDifference.Gradient(x => LoopCurvature.Nested(x[0], x[1], x[2]).P, point);
        var q = FiniteDifference.Gradient(x => LoopCurvature.Nested(x[0], x[1], x[2]).Q, point);
        GradientAssert.Close(p.Concat(q).ToArray(), jacobian.ToArray(), 1e-6, 1e-8);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            LoopCurvature.NestedJacobian(point[0], point[1], point[2], jacobian);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData(0.7, 0.2, 1.5)]
    [InlineData(-0.4, 1.6, 0.3)]
    [InlineData(0.9, 2.5, -1.0)]
    public void FuzzFound_GradientAndHessian_MatchDifferences(double x, double y, double w)
    {
        var point = new[] { x, y, w };
        LoopCurvature.FuzzFoundGradient(x, y, w, out var dx, out var dy, out var dw);
        var expected = FiniteDifference.Gradient(p => LoopCurvature.FuzzFound(p[0], p[1], p[2]), point);
        GradientAssert.Close(expected, new[] { dx, dy, dw }, 1e-6, 1e-8);

        Span<double> gradient = stackalloc double[3];
        Span<double> hessian = stackalloc double[9];
        LoopCurvature.FuzzFoundHessian(x, y, w, gradient, hessian);
        for (var i = 0; i < 3; i++)
        {
            var row = FiniteDifference.Gradient(
                p =>
                {
                    LoopCurvature.FuzzFoundGradient(p[0], p[1], p[2], out var gx, out var gy, out var gw);
                    return i == 0 ? gx : i == 1 ? gy : gw;
                },
                point);
            GradientAssert.Close(row, hessian.Slice(i * 3, 3).ToArray(), 1e-6, 1e-6);
        }
    }
}
