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
}
