using SymDiff.Tests.Functions;
using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Gradients;

/// <summary>Bodies, locals and assignments, against hand formulas and finite differences (1e-6 relative).</summary>
public sealed class LocalsTests
{
    [Theory]
    [InlineData(0.5, 2.0)]
    [InlineData(-1.5, -0.75)]
    public void ExpressionBodied_SmoothPoints_MatchesFormula(double x, double y)
    {
        var value = Locals.ExpressionBodiedGradient(x, y, out var dx, out var dy);

        GradientCheck.Verify(p => Locals.ExpressionBodied(p[0], p[1]), [x, y], value, [dx, dy], [y + Math.Cos(x), x]);
    }

    [Theory]
    [InlineData(0.5, 2.0)]
    [InlineData(-1.5, -0.75)]
    public void BlockBodied_SameFunctionAsExpressionBodied_SameGradient(double x, double y)
    {
        var value = Locals.BlockBodiedGradient(x, y, out var dx, out var dy);
        var expressionValue = Locals.ExpressionBodiedGradient(x, y, out var ex, out var ey);

        GradientCheck.Verify(p => Locals.BlockBodied(p[0], p[1]), [x, y], value, [dx, dy], [y + Math.Cos(x), x]);
        Assert.Equal(expressionValue, value);
        GradientAssert.Exact([ex, ey], [dx, dy]);
    }

    [Theory]
    [InlineData(0.5, 2.0)]
    [InlineData(-1.5, -0.75)]
    [InlineData(3.0, 0.1)]
    public void VarAndDouble_SmoothPoints_MatchesExpandedPolynomial(double x, double y)
    {
        var value = Locals.VarAndDoubleGradient(x, y, out var dx, out var dy);

        // f = x²y² + x²y.
        GradientCheck.Verify(
            p => Locals.VarAndDouble(p[0], p[1]),
            [x, y],
            value,
            [dx, dy],
            [(2 * x * y * y) + (2 * x * y), (2 * x * x * y) + (x * x)]);
    }

    [Theory]
    [InlineData(0.5, 2.0)]
    [InlineData(-1.5, -0.75)]
    [InlineData(3.0, 0.1)]
    public void CompoundAssignments_SmoothPoints_MatchesUnrolledFormula(double x, double y)
    {
        var value = Locals.CompoundAssignmentsGradient(x, y, out var dx, out var dy);

        // a = 2(x² + y − 1)/3 + 1, f = a·y: ∂x = 4xy/3, ∂y = 2y/3 + a.
        var a = (2 * ((x * x) + y - 1) / 3) + 1;
        GradientCheck.Verify(
            p => Locals.CompoundAssignments(p[0], p[1]),
            [x, y],
            value,
            [dx, dy],
            [4 * x * y / 3, (2 * y / 3) + a]);
    }

    [Theory]
    [InlineData(-2.0)]
    [InlineData(0.25)]
    [InlineData(5.0)]
    public void Decrements_AnyPoint_TwiceXMinusOne(double x)
    {
        var value = Locals.DecrementsGradient(x, out var dx);

        GradientCheck.Verify(p => Locals.Decrements(p[0]), [x], value, [dx], [2 * (x - 1)]);
    }

    [Theory]
    [InlineData(0.5, 2.0)]
    [InlineData(-1.5, -0.75)]
    public void ParameterReassigned_SmoothPoints_DerivativeWithRespectToOriginalValue(double x, double y)
    {
        var value = Locals.ParameterReassignedGradient(x, y, out var dx, out var dy);

        // f = (x² + y)·y in terms of the argument x, not its overwritten value.
        GradientCheck.Verify(
            p => Locals.ParameterReassigned(p[0], p[1]),
            [x, y],
            value,
            [dx, dy],
            [2 * x * y, (x * x) + (2 * y)]);
    }

    [Theory]
    [InlineData(0.5, 2.0)]
    [InlineData(-1.5, -0.75)]
    public void SelfReferencing_SmoothPoints_MatchesSineSquared(double x, double y)
    {
        var value = Locals.SelfReferencingGradient(x, y, out var dx, out var dy);

        var s = Math.Sin(x);
        GradientCheck.Verify(
            p => Locals.SelfReferencing(p[0], p[1]),
            [x, y],
            value,
            [dx, dy],
            [2 * s * Math.Cos(x) * y, s * s]);
    }

    [Theory]
    [InlineData(0.5, 2.0)]
    [InlineData(-1.5, -0.75)]
    public void TwoDeclarators_SmoothPoints_ProductRule(double x, double y)
    {
        var value = Locals.TwoDeclaratorsGradient(x, y, out var dx, out var dy);

        GradientCheck.Verify(p => Locals.TwoDeclarators(p[0], p[1]), [x, y], value, [dx, dy], [2 * y, 2 * (x + 1)]);
    }
}
