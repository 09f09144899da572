using SymDiff.Tests.Functions;

namespace SymDiff.Tests.Gradients;

/// <summary>Behaviours the differential fuzzer found wrong, kept fixed.</summary>
public sealed class FuzzRegressionTests
{
    [Fact]
    public void SignOfNaNOnTheUntakenBranch_DoesNotThrow()
    {
        var value = Hygiene.SignOfLogOnOneBranchGradient(-1.0, out var dx);
        Assert.Equal(-1.0, value);
        Assert.Equal(1.0, dx);
    }

    [Fact]
    public void SignOnTheTakenBranch_IsTheSourcesValue()
    {
        var value = Hygiene.SignOfLogOnOneBranchGradient(3.0, out var dx);
        Assert.Equal(Hygiene.SignOfLogOnOneBranch(3.0), value);
        Assert.Equal(1.0, dx);
    }

    [Theory]
    [InlineData(1.5, -2.0)]
    [InlineData(-0.5, 3.0)]
    public void IntArithmeticOnSigns_IsDifferentiated(double x, double y)
    {
        var value = Hygiene.SignArithmeticGradient(x, y, out var dx, out var dy);
        var k = -Math.Sign(x) + 2 * Math.Sign(y);
        Assert.Equal(Hygiene.SignArithmetic(x, y), value);
        Assert.Equal(k * y, dx);
        Assert.Equal(k * x, dy);
    }

    [Fact]
    public void IntOperands_AreConvertedNotDividedAsInts()
    {
        // round(i) sums to 12, i/j (real) to 9, max(i, 2.5) to 16 over i = 1..3, j = 1..2.
        var value = IntegerOperands.IndicesGradient(2.0, out var dx);
        Assert.Equal(37.0, dx, 1e-13);
        Assert.Equal(74.0, value, 1e-12);
        Assert.Equal(IntegerOperands.Indices(2.0), value, 1e-12);
    }

    [Fact]
    public void MethodNamedNameof_LengthChecksStillNameTheSpan()
    {
        var error = Assert.Throws<ArgumentException>(() => NameofShadowed.SumGradient([1.0, 2.0], new double[1]));
        Assert.Equal("dx", error.ParamName);
        var hessian = new double[4];
        NameofShadowed.PairHessian(2.0, 3.0, new double[2], hessian);
        Assert.Equal([0.0, 1.0, 1.0, 0.0], hessian);
    }

    [Fact]
    public void IntExpressionsConvertedInTheSource_AreNotComputedAsInts()
    {
        var value = IntegerExpressions.MixedGradient(2.0, 2, 3, 2, out var dx);
        Assert.Equal(2.5 + 6.0 + 5.0, dx, 1e-15);
        Assert.Equal(IntegerExpressions.Mixed(2.0, 2, 3, 2), value);

        IntegerExpressions.MixedGradient(1.0, 100_000, 100_000, 1, out var large);
        Assert.Equal(200_000.0 + 1e10 + 200_000.0, large, 1e-6);
    }
}
