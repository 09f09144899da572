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
}
