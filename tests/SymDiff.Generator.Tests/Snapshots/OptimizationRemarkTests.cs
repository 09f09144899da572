using SymDiff.Generator.Emitting;

namespace SymDiff.Generator.Tests.Snapshots;

/// <summary>
/// Every optimization reports a remark (SD3001) where it applies, and fires on at least one snapshot's example: the
/// remarks are part of the snapshots, so an optimization that stops firing on its example fails there.
/// </summary>
public sealed class OptimizationRemarkTests
{
    [Fact]
    public void EveryOptimization_FiresOnASnapshotExample()
    {
        var remarks = Directory.GetFiles(Path.Combine(Infrastructure.RepositoryPaths.Root(), "tests", "SymDiff.Generator.Tests", "Snapshots"), "*.remarks.verified.txt")
            .SelectMany(File.ReadAllLines)
            .ToList();
        var silent = Enum.GetNames<OptimizationPass>().Where(pass => !remarks.Any(r => r.Contains(": " + pass + ": ", StringComparison.Ordinal))).ToList();
        Assert.True(silent.Count == 0, "No snapshot example shows " + string.Join(", ", silent));
    }

    [Fact]
    public void Remarks_AreOffByDefault_AndNameTheMethodTheModeAndThePass()
    {
        const string source = """
            using SymDiff;
            public static partial class F
            {
                [Differentiable]
                public static double Sum(double[] x)
                {
                    double s = 0.0;
                    for (int i = 0; i < x.Length; i++) { s += x[i] * x[i]; }
                    return s;
                }
            }
            """;
        Assert.DoesNotContain(Infrastructure.GeneratorHarness.Run(source).Result.Diagnostics, d => d.Id == "SD3001");
        Assert.Contains("F.Sum (Gradient): LoopFusion: the backward sweep of the loop over i runs inside its forward loop: its adjoint iterations commute", Infrastructure.GeneratorHarness.Remarks(source));
    }
}
