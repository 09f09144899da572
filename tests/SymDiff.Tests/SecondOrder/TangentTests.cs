using SymDiff.Tests.Functions;
using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.SecondOrder;

/// <summary>Forward mode agrees with reverse mode: tangent = ∇F·t to 1e-12 relative.</summary>
public sealed class TangentTests
{
    private const double Relative = 1e-12;

    [Theory]
    [InlineData(2.0, 3.0, 1.0, 0.0)]
    [InlineData(2.0, 3.0, 0.0, 1.0)]
    [InlineData(-1.3, 0.7, 0.6, -0.8)]
    public void Lecture_TangentEqualsGradientDotDirection(double x, double y, double tx, double ty)
    {
        var value = Curvature.LectureTangent(x, y, tx, ty, out var tangent);
        var expectedValue = Curvature.LectureGradient(x, y, out var dx, out var dy);
        Assert.Equal(expectedValue, value);
        AssertClose(dx * tx + dy * ty, tangent);
    }

    [Fact]
    public void Lecture_TangentAlongAxes_IsTheLectureGradient()
    {
        Curvature.LectureTangent(2, 3, 1, 0, out var alongX);
        Curvature.LectureTangent(2, 3, 0, 1, out var alongY);
        Assert.Equal(140.0, alongX, 12);
        Assert.Equal(24.0, alongY, 12);
    }

    [Theory]
    [InlineData(-1.2, 1.0, 0.3, 0.4)]
    [InlineData(1.0, 1.0, 1.0, 1.0)]
    public void Rosenbrock_TangentEqualsGradientDotDirection(double x, double y, double tx, double ty)
    {
        Curvature.RosenbrockTangent(x, y, tx, ty, out var tangent);
        Curvature.RosenbrockGradient(x, y, out var dx, out var dy);
        AssertClose(dx * tx + dy * ty, tangent);
    }

    [Fact]
    public void Neuron_TangentEqualsGradientDotDirection()
    {
        Curvature.NeuronTangent(2, -1, -3, 0.5, 0.25, -1, out var tangent);
        Curvature.NeuronGradient(2, -1, -3, out var dw, out var dx, out var db);
        AssertClose(dw * 0.5 + dx * 0.25 - db, tangent);
    }

    [Theory]
    [InlineData(0.9, 0.4, 0.3, -0.7)]
    [InlineData(-0.4, 1.1, 0.8, 0.2)]
    public void Mixed_TangentEqualsGradientDotDirectionOnBothBranches(double a, double b, double c, double d)
    {
        Curvature.MixedTangent(a, b, c, d, 0.3, -0.2, 0.5, 0.7, out var tangent);
        Curvature.MixedGradient(a, b, c, d, out var da, out var db, out var dc, out var dd);
        AssertClose(da * 0.3 - db * 0.2 + dc * 0.5 + dd * 0.7, tangent);

        var f = (double[] p) => Curvature.Mixed(p[0], p[1], p[2], p[3]);
        var direction = new[] { 0.3, -0.2, 0.5, 0.7 };
        var h = 1e-6;
        var forward = f(new[] { a + h * direction[0], b + h * direction[1], c + h * direction[2], d + h * direction[3] });
        var backward = f(new[] { a - h * direction[0], b - h * direction[1], c - h * direction[2], d - h * direction[3] });
        Assert.Equal((forward - backward) / (2 * h), tangent, 6);
    }

    private static void AssertClose(double expected, double actual)
        => Assert.True(Math.Abs(expected - actual) <= Relative * Math.Max(1.0, Math.Abs(expected)), $"expected {expected:R}, actual {actual:R}");
}
