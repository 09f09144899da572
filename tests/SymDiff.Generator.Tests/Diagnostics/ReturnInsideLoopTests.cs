using Microsoft.CodeAnalysis;
using SymDiff.Generator.Tests.Infrastructure;

namespace SymDiff.Generator.Tests.Diagnostics;

/// <summary>
/// A <c>return</c> inside a loop is SD2003 at the statement, in every mode, until loops with an early exit are
/// differentiated: before, a <c>return</c> with a value was read as the method's only return, and the
/// generated methods returned the wrong value and gradient.
/// </summary>
public sealed class ReturnInsideLoopTests
{
    // The harness builds with warnings as errors; an unconditional return makes the loop's increment unreachable (CS0162).
    private const string Usings = "#pragma warning disable CS0162\nusing System;\nusing SymDiff;\n";

    public static TheoryData<string, string> Loops => new()
    {
        {
            "for",
            "public static double F(ReadOnlySpan<double> x, double a)\n{\n    for (int i = 0; i < x.Length; i++)\n        if (x[i] < 0) [|return|] a * x[i];\n    return a;\n}"
        },
        {
            "for, unconditional",
            "public static double F(ReadOnlySpan<double> x, double a)\n{\n    for (int i = 0; i < x.Length; i++)\n    {\n        [|return|] a * x[i];\n    }\n    return a;\n}"
        },
        {
            "foreach",
            "public static double F(ReadOnlySpan<double> x, double a)\n{\n    foreach (var v in x)\n    {\n        if (v < 0)\n        {\n            [|return|] a * v;\n        }\n    }\n    return a;\n}"
        },
        {
            "nested",
            "public static double F(ReadOnlySpan<double> x, double a)\n{\n    var s = 0.0;\n    for (int i = 0; i < x.Length; i++)\n    {\n        for (int j = 0; j < i; j++)\n        {\n            s += x[i] * x[j];\n            [|return|] s;\n        }\n    }\n    return s * a;\n}"
        },
        {
            "branch in nested",
            "public static double F(ReadOnlySpan<double> x, double a)\n{\n    var s = a;\n    for (int i = 0; i < x.Length; i++)\n        for (int j = 0; j < 2; j++)\n        {\n            if (s > 10) { [|return|] s; } else { s *= x[i]; }\n        }\n    return s;\n}"
        },
        {
            "scalar loop",
            "public static double F(double x, double y)\n{\n    var s = x;\n    for (int i = 0; i < 3; i++)\n    {\n        s = s * y;\n        if (s > 2.0) [|return|] s;\n    }\n    return s + 1;\n}"
        },
    };

    [Theory]
    [MemberData(nameof(Loops))]
    public void ReturnInsideLoop_ReportsSD2003_AtReturnInEveryMode(string loop, string method)
    {
        foreach (var modes in new[] { "", "(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)", "(Modes = DerivativeModes.All)" })
        {
            if (modes.Contains("All", StringComparison.Ordinal) && method.Contains("ReadOnlySpan", StringComparison.Ordinal))
            {
                continue; // A full Hessian needs double parameters (SD1009): nothing more to learn here.
            }

            var marked = MarkedSource.Parse(Usings + "public static partial class C\n{\n[Differentiable" + modes + "]\n" + method + "\n}\n");
            var run = GeneratorHarness.RunAllowingDiagnostics(marked.Text);
            var diagnostic = Assert.Single(run.Result.Diagnostics);
            Assert.Equal("SD2003", diagnostic.Id);
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.True(marked.Span == diagnostic.Location.SourceSpan, loop + " " + modes + ": reported at " + diagnostic.Location.SourceSpan);
            Assert.Contains("return inside a loop", diagnostic.GetMessage(), StringComparison.Ordinal);
            Assert.DoesNotContain(run.Result.GeneratedSources, s => s.SourceText.ToString().Contains("F", StringComparison.Ordinal) && s.SourceText.ToString().Contains(" FGradient(", StringComparison.Ordinal));
        }
    }

    /// <summary>A return before and after a loop, and one in a branch at the top level, stay supported.</summary>
    [Fact]
    public void ReturnOutsideLoops_StillGenerated()
    {
        var source = Usings + "public static partial class C\n{\n[Differentiable]\npublic static double F(ReadOnlySpan<double> x, double a)\n{\n    if (a > 5) return a;\n    var s = 0.0;\n    for (int i = 0; i < x.Length; i++) s += x[i] * a;\n    if (s > 1) { return s; }\n    return -s;\n}\n}\n";
        var run = GeneratorHarness.Run(source);
        Assert.Contains(run.Result.GeneratedSources, s => s.SourceText.ToString().Contains(" FGradient(", StringComparison.Ordinal));
    }
}
