using System.Reflection;
using Microsoft.CodeAnalysis;
using SymDiff.Generator.Tests.Fuzzing;
using SymDiff.Generator.Tests.Infrastructure;

namespace SymDiff.Generator.Tests.Diagnostics;

/// <summary>
/// int arithmetic used as a double was computed in double whenever it held only +, − and ×, but C# wraps an
/// int that overflows: <c>n * n</c> for n = 50000 is −1794967296 in the source and was 2.5e9 in the generated
/// code, a silent wrong value and gradient. And an int local standing for its initializer could make the
/// generated code a constant that overflows at compile time (CS0220). Found by the syntax census.
/// </summary>
public sealed class IntOverflowTests
{
    private const string Header = "using System;\nusing SymDiff;\n\npublic static partial class C\n{\n[Differentiable]\npublic static double F(double x)\n{\n";

    [Theory]
    [InlineData("int n = 50000; return x * (n * n);")]
    [InlineData("int n = 50000; int m = n * n; return x * m;")]
    [InlineData("int n = int.MaxValue; return x * (n + n + 2);")]
    public void IntArithmeticThatOverflows_Generated_WrapsAsTheSourceDoes(string statements)
    {
        using var build = FuzzBuild.Of(Header + statements + "\n}\n}\n");
        Assert.Empty(build.GeneratorDiagnostics);
        Assert.Empty(build.GeneratedCodeProblems);

        var type = build.Assembly!.Assembly.GetType("C", throwOnError: true)!;
        var source = (double)type.GetMethod("F")!.Invoke(null, new object?[] { 2.0 })!;
        var arguments = new object?[] { 2.0, 0.0 };
        var value = (double)type.GetMethod("FGradient", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments)!;
        Assert.Equal(source, value);
        Assert.Equal(source / 2.0, (double)arguments[1]!);
    }

    [Fact]
    public void SignTimesIntsThatMayOverflow_ReportsSD2001_AtTheSign()
    {
        var marked = MarkedSource.Parse(Header + "return x * ([|Math.Sign(x)|] * 1000000 * 10000);\n}\n}\n");
        var diagnostic = Assert.Single(GeneratorHarness.RunAllowingDiagnostics(marked.Text).Result.Diagnostics);
        Assert.Equal("SD2001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);
    }
}
