using Microsoft.CodeAnalysis;
using SymDiff.Generator.Tests.Infrastructure;

namespace SymDiff.Generator.Tests.Diagnostics;

/// <summary>
/// Forward mode through a loop (the tangent, and a tuple result's Jacobian) pushes a called method's gradient,
/// which is a call itself, and failed with SD2999; such a call is SD2001 at the call until that is possible. The
/// gradient, and a call outside the loops, are still generated. Found by the syntax census.
/// </summary>
public sealed class CallInLoopTests
{
    private const string Header = "using System;\nusing SymDiff;\n\npublic static partial class C\n{\n"
        + "[Differentiable] public static double Square(double x) => x * x;\n"
        + "public static double Cube(double x) => x * x * x;\n"
        + "[DerivativeOf(typeof(C), nameof(Cube))] public static double CubeDerivative(double x) => 3 * x * x;\n";

    [Theory]
    [InlineData("Tangent", "double", "[|Square(s)|]", "s * y", "the tangent")]
    [InlineData("Tangent", "double", "[|Cube(s)|]", "s * y", "the tangent")]
    [InlineData("Gradient", "(double, double)", "[|Square(s)|]", "(s, s * y)", "a tuple")]
    public void CallInsideLoop_ForwardMode_ReportsSD2001_AtCall(string modes, string result, string call, string returned, string why)
    {
        var marked = MarkedSource.Parse(Header + "[Differentiable(Modes = DerivativeModes." + modes + ")]\npublic static " + result + " F(double x, double y)\n{\n"
            + "var s = x;\nfor (int i = 0; i < 3; i++)\n{\ns = " + call + " * y + x;\n}\nreturn " + returned + ";\n}\n}\n");
        var diagnostic = Assert.Single(GeneratorHarness.RunAllowingDiagnostics(marked.Text).Result.Diagnostics);
        Assert.Equal("SD2001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);
        Assert.Contains(why, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("inside a loop", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void CallInsideLoopForTheGradient_AndCallBeforeLoopForTheTangent_StillGenerated()
    {
        var run = GeneratorHarness.Run(Header
            + "[Differentiable]\npublic static double G(double x, double y)\n{\nvar s = x;\nfor (int i = 0; i < 3; i++)\n{\ns = Cube(s) * y + x;\n}\nreturn s * y;\n}\n"
            + "[Differentiable(Modes = DerivativeModes.Tangent)]\npublic static double T(double x, double y)\n{\nvar s = Square(x);\nfor (int i = 0; i < 3; i++)\n{\ns = s * y + x;\n}\nreturn s * y;\n}\n}\n");
        var generated = string.Concat(run.Result.GeneratedSources.Select(s => s.SourceText.ToString()));
        Assert.Contains(" GGradient(", generated, StringComparison.Ordinal);
        Assert.Contains(" TTangent(", generated, StringComparison.Ordinal);
    }
}
