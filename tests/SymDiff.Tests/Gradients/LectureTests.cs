using SymDiff.Tests.Functions;
using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Gradients;

/// <summary>The worked examples of the issue, with their published values.</summary>
public sealed class LectureTests
{
    [Fact]
    public void G_AtOneThree_ValueAndGradientAreExact()
    {
        // (2 + 9)² + 3 = 124; ∂x1 = 2·2·11 = 44; ∂x2 = 3·2·11 = 66.
        var value = Lecture.GGradient(1, 3, out var dx1, out var dx2);

        Assert.Equal(124.0, value);
        GradientAssert.Exact([44.0, 66.0], [dx1, dx2]);
    }

    [Fact]
    public void G_SymmetricDifferenceWithStepTwoHundredths_GivesFortyFour()
    {
        // g is quadratic, so the central difference is exact up to rounding for any step.
        var lecture = FiniteDifference.GradientWithStep(p => Lecture.G(p[0], p[1]), [1.0, 3.0], 0.02);
        Lecture.GGradient(1, 3, out var dx1, out _);

        Assert.InRange(lecture[0], 44.0 - 1e-9, 44.0 + 1e-9);
        Assert.InRange(dx1, lecture[0] - 1e-9, lecture[0] + 1e-9);
    }

    [Theory]
    [InlineData(1.0, 3.0)]
    [InlineData(-0.7, 0.4)]
    [InlineData(2.5, -1.25)]
    public void G_SmoothPoints_MatchesFormulaAndFiniteDifferences(double x1, double x2)
    {
        var value = Lecture.GGradient(x1, x2, out var dx1, out var dx2);

        var inner = 2 * x1 + 3 * x2;
        GradientCheck.Verify(p => Lecture.G(p[0], p[1]), [x1, x2], value, [dx1, dx2], [4 * inner, 6 * inner]);
    }

    [Fact]
    public void F_AtTwoThree_ValueAndGradientAreExact()
    {
        // 8·(2 + 9) = 88; ∂x = 3x²(x + 3y) + x³ = 132 + 8 = 140; ∂y = 3x³ = 24.
        var value = Lecture.FGradient(2, 3, out var dx, out var dy);

        Assert.Equal(88.0, value);
        GradientAssert.Exact([140.0, 24.0], [dx, dy]);
    }

    [Theory]
    [InlineData(2.0, 3.0)]
    [InlineData(-1.5, 0.5)]
    [InlineData(0.3, -2.0)]
    public void F_SmoothPoints_MatchesFormulaAndFiniteDifferences(double x, double y)
    {
        var value = Lecture.FGradient(x, y, out var dx, out var dy);

        GradientCheck.Verify(
            p => Lecture.F(p[0], p[1]),
            [x, y],
            value,
            [dx, dy],
            [(3 * x * x * (x + 3 * y)) + (x * x * x), 3 * x * x * x]);
    }

    [Fact]
    public void Neuron_LecturePoint_MatchesPublishedThreeDecimals()
    {
        var value = Lecture.NeuronGradient(2, -1, -3, -2, -3, out var dw0, out var dx0, out var dw1, out var dx1, out var dw2);

        Assert.Equal(0.731, Math.Round(value, 3));
        GradientAssert.Close([-0.196, 0.393, -0.393, -0.590, 0.197], [dw0, dx0, dw1, dx1, dw2], 0, 0.0015);
    }

    [Theory]
    [InlineData(2.0, -1.0, -3.0, -2.0, -3.0)]
    [InlineData(0.5, 1.5, -0.25, 2.0, 0.1)]
    [InlineData(-1.0, 3.0, 2.0, -0.5, 1.0)]
    public void Neuron_SmoothPoints_MatchesSigmoidFormulaAndFiniteDifferences(double w0, double x0, double w1, double x1, double w2)
    {
        var value = Lecture.NeuronGradient(w0, x0, w1, x1, w2, out var dw0, out var dx0, out var dw1, out var dx1, out var dw2);

        // σ'(z) = σ(z)(1 − σ(z)), times the other factor of each product.
        var sigma = 1.0 / (1.0 + Math.Exp(-(w0 * x0 + w1 * x1 + w2)));
        var slope = sigma * (1 - sigma);
        GradientCheck.Verify(
            p => Lecture.Neuron(p[0], p[1], p[2], p[3], p[4]),
            [w0, x0, w1, x1, w2],
            value,
            [dw0, dx0, dw1, dx1, dw2],
            [slope * x0, slope * w0, slope * x1, slope * w1, slope]);
    }
}
