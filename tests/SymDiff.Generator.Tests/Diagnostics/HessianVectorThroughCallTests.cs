using Microsoft.CodeAnalysis;
using SymDiff.Generator.Tests.Infrastructure;

namespace SymDiff.Generator.Tests.Diagnostics;

/// <summary>
/// H·v differentiates the gradient again, as the Hessian does, and cannot go through a call yet either: it was
/// let through the parser (only the Hessian mode was checked) and failed with SD2999. Found by the syntax census.
/// </summary>
public sealed class HessianVectorThroughCallTests
{
    private const string Header = "using System;\nusing SymDiff;\n\npublic static partial class C\n{\n"
        + "[Differentiable] public static double Square(double x) => x * x;\n"
        + "public static double Cube(double x) => x * x * x;\n"
        + "[DerivativeOf(typeof(C), nameof(Cube))] public static double CubeDerivative(double x) => 3 * x * x;\n";

    [Theory]
    [InlineData("[|Square(x)|]")]
    [InlineData("[|Cube(x)|]")]
    public void HessianVectorThroughCall_ReportsSD2007_AtCall(string call)
    {
        var marked = MarkedSource.Parse(Header + "[Differentiable(Modes = DerivativeModes.HessianVector)] public static double F(double x, double y) => y * " + call + ";\n}\n");
        var diagnostic = Assert.Single(GeneratorHarness.RunAllowingDiagnostics(marked.Text).Result.Diagnostics);
        Assert.Equal("SD2007", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);
    }

    [Fact]
    public void TangentThroughCall_StillGenerated()
    {
        var run = GeneratorHarness.Run(Header + "[Differentiable(Modes = DerivativeModes.Tangent)] public static double F(double x, double y) => y * Square(x) + Cube(y);\n}\n");
        Assert.Contains(run.Result.GeneratedSources, s => s.SourceText.ToString().Contains(" FTangent(", StringComparison.Ordinal));
    }
}
