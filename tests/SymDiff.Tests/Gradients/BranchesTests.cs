using SymDiff.Tests.Functions;
using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Gradients;

/// <summary>
/// Branching code, at points strictly inside one branch: the gradient is the taken branch's gradient
/// (hand formula, 1e-12 relative) and matches finite differences (1e-6 relative).
/// </summary>
public sealed class BranchesTests
{
    [Theory]
    [InlineData(2.0, 1.0)]
    [InlineData(-1.0, 0.5)]
    public void Ternary_EitherBranch_TakenBranchDerivative(double x, double y)
    {
        var value = Branches.TernaryGradient(x, y, out var dx, out var dy);

        var formula = x > y ? new[] { y, x } : [1.0, -1.0];
        GradientCheck.Verify(p => Branches.Ternary(p[0], p[1]), [x, y], value, [dx, dy], formula);
    }

    [Theory]
    [InlineData(2.5, 3.0)]
    [InlineData(0.5, -2.0)]
    public void TernaryInside_EitherBranch_ProductWithTakenBranch(double x, double y)
    {
        var value = Branches.TernaryInsideGradient(x, y, out var dx, out var dy);

        var formula = x > 1 ? new[] { y / x, Math.Log(x) } : [y, x - 1];
        GradientCheck.Verify(p => Branches.TernaryInside(p[0], p[1]), [x, y], value, [dx, dy], formula);
    }

    [Theory]
    [InlineData(1.0, 2.0, 2.0, 1.0)]          // x < y: xy
    [InlineData(5.0, 1.0, 1.0, -2.0)]         // x > y + 2: x − y²
    [InlineData(2.5, 1.0, 5.0, 0.0)]          // x ≥ y + 1: x²
    [InlineData(1.2, 1.0, 0.0, 3.0)]          // x ≤ y + 0.5: y³
    public void Comparisons_PolynomialBranches_TakenBranchDerivative(double x, double y, double expectedDx, double expectedDy)
    {
        var value = Branches.ComparisonsGradient(x, y, out var dx, out var dy);

        GradientCheck.Verify(p => Branches.Comparisons(p[0], p[1]), [x, y], value, [dx, dy], [expectedDx, expectedDy]);
    }

    [Fact]
    public void Comparisons_NotEqualBranch_SineTimesY()
    {
        var (x, y) = (1.6, 1.0);
        var value = Branches.ComparisonsGradient(x, y, out var dx, out var dy);

        GradientCheck.Verify(p => Branches.Comparisons(p[0], p[1]), [x, y], value, [dx, dy], [Math.Cos(x) * y, Math.Sin(x)]);
    }

    [Fact]
    public void Comparisons_EqualityElseBranch_QuotientRule()
    {
        // x == y + 0.75 exactly: the final else; a single point, so no finite differences.
        var (x, y) = (1.75, 1.0);
        var value = Branches.ComparisonsGradient(x, y, out var dx, out var dy);

        Assert.Equal(Branches.Comparisons(x, y), value);
        GradientAssert.Exact([1 / y, -x / (y * y)], [dx, dy]);
    }

    [Fact]
    public void Equality_EqualArguments_SquareBranch()
    {
        var value = Branches.EqualityGradient(1.5, 1.5, out var dx, out var dy);

        Assert.Equal(2.25, value);
        GradientAssert.Exact([3.0, 0.0], [dx, dy]);
    }

    [Theory]
    [InlineData(2.0, 1.5)]
    [InlineData(-0.5, 3.0)]
    public void Equality_DifferentArguments_ProductBranch(double x, double y)
    {
        var value = Branches.EqualityGradient(x, y, out var dx, out var dy);

        GradientCheck.Verify(p => Branches.Equality(p[0], p[1]), [x, y], value, [dx, dy], [y, x]);
    }

    [Theory]
    [InlineData(1.0, 2.0, 2.0, 1.0)]          // x > 0 && y > 0: xy
    [InlineData(-2.0, 0.5, 1.0, 2.0)]         // x < −1 || …: x + 2y
    [InlineData(0.5, -3.0, 1.0, 2.0)]         // … || y < −1: x + 2y
    [InlineData(-0.5, 0.5, 1.0, -1.0)]        // !(x > y): x − y
    [InlineData(0.5, -0.5, -0.5, 0.25)]       // fall-through: x²y
    public void Logical_EachBranch_TakenBranchDerivative(double x, double y, double expectedDx, double expectedDy)
    {
        var value = Branches.LogicalGradient(x, y, out var dx, out var dy);

        GradientCheck.Verify(p => Branches.Logical(p[0], p[1]), [x, y], value, [dx, dy], [expectedDx, expectedDy]);
    }

    [Theory]
    [InlineData(-2.0, 3.0)]
    [InlineData(1.5, -0.5)]
    public void EarlyReturn_EitherPath_TakenPathDerivative(double x, double y)
    {
        var value = Branches.EarlyReturnGradient(x, y, out var dx, out var dy);

        var t = (x * y) + 1;
        var formula = x < 0 ? new[] { -y, -x } : [2 * t * y, 2 * t * x];
        GradientCheck.Verify(p => Branches.EarlyReturn(p[0], p[1]), [x, y], value, [dx, dy], formula);
    }

    [Theory]
    [InlineData(3.0, 2.0)]
    [InlineData(1.0, 2.5)]
    public void IfWithoutElse_EitherCase_ReassignmentOnlyWhenTaken(double x, double y)
    {
        var value = Branches.IfWithoutElseGradient(x, y, out var dx, out var dy);

        // x > y: f = x²y + y; otherwise f = xy + y.
        var formula = x > y ? new[] { 2 * x * y, (x * x) + 1 } : [y, x + 1];
        GradientCheck.Verify(p => Branches.IfWithoutElse(p[0], p[1]), [x, y], value, [dx, dy], formula);
    }

    [Theory]
    [InlineData(2.0, 3.0, 3.0, 2.0)]          // x > 0, y > 0: xy
    [InlineData(2.0, -3.0, 1.0, -1.0)]        // x > 0, y ≤ 0: x − y
    [InlineData(-2.0, 3.0, 1.0, 6.0)]         // x ≤ 0, y > 0: x + y²
    [InlineData(-2.0, -3.0, 3.0, 2.0)]        // x ≤ 0, y ≤ 0: −xy
    public void Nested_EachQuadrant_TakenBranchDerivative(double x, double y, double expectedDx, double expectedDy)
    {
        var value = Branches.NestedGradient(x, y, out var dx, out var dy);

        GradientCheck.Verify(p => Branches.Nested(p[0], p[1]), [x, y], value, [dx, dy], [expectedDx, expectedDy]);
    }

    [Theory]
    [InlineData(2.0, 0.5)]
    [InlineData(-0.5, 3.0)]
    public void DeclaredThenAssigned_EitherBranch_TakenAssignmentDerivative(double x, double y)
    {
        var value = Branches.DeclaredThenAssignedGradient(x, y, out var dx, out var dy);

        var formula = x > 1 ? new[] { 2 * x * y, x * x } : [Math.Exp(x) * y, Math.Exp(x)];
        GradientCheck.Verify(p => Branches.DeclaredThenAssigned(p[0], p[1]), [x, y], value, [dx, dy], formula);
    }
}
