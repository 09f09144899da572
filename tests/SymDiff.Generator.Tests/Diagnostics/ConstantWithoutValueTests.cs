using SymDiff.Generator.Tests.Fuzzing;

namespace SymDiff.Generator.Tests.Diagnostics;

/// <summary>
/// A constant whose initializer the compiler rejects (<c>const int c0 = double.PositiveInfinity;</c>) has no
/// value: it was read as a name the generated code never declares, which the lowered program's declaration check
/// reported as SD2999, a SymDiff bug. Now the read is refused (SD2001), which the parse stage withdraws because the
/// compiler reports the method's own error: nothing is generated for it and SymDiff adds nothing to the compiler's
/// error. Found by the mutation fuzzer (seed 14142, mutant 1391; a double constant at seed 16180, mutant 505).
/// </summary>
public sealed class ConstantWithoutValueTests
{
    [Theory]
    [InlineData("const int c0 = double.PositiveInfinity;", "return -(double.Sign((double)c0) - Math.Sign(x));")]
    [InlineData("const int c0 = \"three\";", "return x * c0;")]
    [InlineData("const double c0 = \"s\";", "return x * c0;")]
    [InlineData("const double c0 = 1.5; const double c1 = \"s\" + c0;", "return Math.Sin(x) - c1;")]
    public void ConstantWithoutValue_LeavesTheCompilersErrorAlone_NoInternalError(string constant, string use)
    {
        using var build = FuzzBuild.Of("using System;\nusing SymDiff;\n\npublic static partial class C\n{\n[Differentiable]\npublic static double F(double x)\n{\n"
            + constant + "\n" + use + "\n}\n}\n", checkInput: true);

        Assert.NotEmpty(build.InputErrors);
        Assert.Empty(build.GeneratorDiagnostics);
        Assert.DoesNotContain(build.Run.Result.GeneratedSources, s => s.SourceText.ToString().Contains("FGradient", StringComparison.Ordinal));
    }
}
