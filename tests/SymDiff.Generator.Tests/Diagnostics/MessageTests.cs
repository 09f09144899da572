using Microsoft.CodeAnalysis;
using SymDiff.Generator.Tests.Fuzzing;
using SymDiff.Generator.Tests.Infrastructure;

namespace SymDiff.Generator.Tests.Diagnostics;

/// <summary>Messages that misled a new user: each says what is unsupported and what to write instead, at the exact node.</summary>
public sealed class MessageTests
{
    private const string Usings = "using System;\nusing System.Numerics;\nusing SymDiff;\n";

    private static Diagnostic AssertReported(string id, string markedMembers)
    {
        var marked = MarkedSource.Parse(Usings + "public static partial class C\n{\n" + markedMembers + "\n}\n");
        var diagnostic = Assert.Single(GeneratorHarness.RunAllowingDiagnostics(marked.Text).Result.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);
        return diagnostic;
    }

    [Fact]
    public void AssignedLoopVariable_ReportsSD2005_SayingItIsTheLoopsVariable()
    {
        var message = AssertReported("SD2005", "[Differentiable] public static double F(double x)\n{\n    for (int i = 0; i < 4; i++) { [|i|] = i + 1; x *= 2; }\n    return x;\n}").GetMessage();
        Assert.Contains("'i' is the variable of a for loop", message, StringComparison.Ordinal);
        Assert.DoesNotContain("may only assign its own locals", message, StringComparison.Ordinal);
    }

    [Fact]
    public void BareReturnInBranchOfOutputMethod_ReportsSD2003_SayingElementsWouldBeUnwritten()
        => Assert.Contains(
            "unwritten",
            AssertReported("SD2003", "[Differentiable] public static void F(ReadOnlySpan<double> x, Span<double> y)\n{\n    if (x[0] > 0) { [|return|]; }\n    y[0] = x[0] * x[0];\n}").GetMessage(),
            StringComparison.Ordinal);

    [Fact]
    public void DoLoop_ReportsSD2003_NamingADoLoop()
        => Assert.Contains(
            "A do loop",
            AssertReported("SD2003", "[Differentiable] public static double F(double x)\n{\n    [|do|] { x *= 0.5; } while (x > 1);\n    return x;\n}").GetMessage(),
            StringComparison.Ordinal);

    [Fact]
    public void Label_ReportsSD2003_AtTheLabel()
        => Assert.Contains(
            "The label 'done'",
            AssertReported("SD2003", "#pragma warning disable CS0164 // an unused label\n[Differentiable] public static double F(double x)\n{\n    [|done|]: x += 1;\n    return x;\n}").GetMessage(),
            StringComparison.Ordinal);

    [Fact]
    public void PropertyAssignment_ReportsSD2005_SayingReturnTheValue()
        => Assert.Contains(
            "it is a property",
            AssertReported("SD2005", "static double Last { get; set; }\n[Differentiable] public static double F(double x)\n{\n    [|Last|] = x;\n    return x;\n}").GetMessage(),
            StringComparison.Ordinal);

    [Fact]
    public void CounterIntLocal_ReportsSD2004_SayingIntLocalsAreAssignedOnce()
        => Assert.Contains(
            "assigned once",
            AssertReported("SD2004", "[Differentiable] public static double F(double x)\n{\n    [|int|] k = 0;\n    if (x > 0) k++;\n    return x * k;\n}").GetMessage(),
            StringComparison.Ordinal);

    [Fact]
    public void LocalFunction_ReportsSD2003_AtItsNameOnly()
    {
        var message = AssertReported("SD2003", "[Differentiable] public static double F(double x)\n{\n    double [|Square|](double t) => t * t;\n    return Square(x) + x;\n}").GetMessage();
        Assert.Contains("The local function 'Square'", message, StringComparison.Ordinal);
        Assert.Contains("static [Differentiable] method", message, StringComparison.Ordinal);
    }

    [Fact]
    public void INumberConstraint_ReportsSD1006_NamingIFloatingPointIeee754_Once()
        => Assert.Contains(
            "IFloatingPointIeee754<T>",
            AssertReported("SD1006", "[Differentiable] public static T F[|<T>|](T x) where T : INumber<T> => x * x;").GetMessage(),
            StringComparison.Ordinal);

    [Fact]
    public void DoubleMathInFloatMethod_ReportsSD2001_PointingToMathF()
        => Assert.Contains(
            "call MathF.Sin (or float.Sin)",
            AssertReported("SD2001", "[Differentiable] public static float F(float x) => (float)[|Math.Sin(x)|] * x;").GetMessage(),
            StringComparison.Ordinal);

    [Theory]
    [InlineData("static readonly double K = 2.0;", "[|K|]", "readonly field")]
    [InlineData("static readonly double K = 2.0;", "[|C.K|]", "readonly field")]
    [InlineData("static double K => 2.0;", "[|K|]", "property")]
    [InlineData("static double K => 2.0;", "[|C.K|]", "property")]
    [InlineData("static double K = 2.0;", "[|C.K|]", "field")]
    public void FieldOrPropertyRead_ReportsSD2001_SayingPassItOrMakeItConst(string member, string read, string what)
    {
        var message = AssertReported("SD2001", member + "\n[Differentiable] public static double F(double x) => x * " + read + ";").GetMessage();
        Assert.Contains("it reads a " + what, message, StringComparison.Ordinal);
        Assert.Contains("make it a const", message, StringComparison.Ordinal);
    }

    [Fact]
    public void MathFunctionWithoutRule_ReportsSD2002_NamingDerivativeOf()
    {
        var message = AssertReported("SD2002", "[Differentiable] public static double F(double x, double y) => [|Math.FusedMultiplyAdd(x, y, 1.0)|];").GetMessage();
        Assert.Contains("[DerivativeOf(typeof(Math), nameof(Math.FusedMultiplyAdd))]", message, StringComparison.Ordinal);
    }

    [Fact]
    public void MathFunctionWithDerivativeOf_IsDifferentiatedThroughIt()
        => GeneratorHarness.Run(Usings + """
            public static partial class C
            {
                [Differentiable] public static double F(double x, double y) => double.Hypot(y: y, x: x);

                [DerivativeOf(typeof(double), nameof(double.Hypot))]
                public static double HypotGradient(double x, double y, out double dx, out double dy)
                {
                    var r = double.Hypot(x, y);
                    dx = x / r;
                    dy = y / r;
                    return r;
                }
            }
            """);

    [Fact]
    public void NamedArgumentsOfMathFunction_AreNotAnError()
        => GeneratorHarness.Run(Usings + "public static partial class C\n{\n[Differentiable] public static double F(double x, double y) => Math.Atan2(y: y, x: x);\n}\n");

    [Fact]
    public void LengthInDoubleArithmetic_IsNotAnError()
        => GeneratorHarness.Run(Usings + "public static partial class C\n{\n[Differentiable] public static double F(ReadOnlySpan<double> x)\n{\n    if (x.Length == 0) return 0;\n    double n = x.Length;\n    return x[0] / x.Length + n * (double)x.Length;\n}\n}\n");

    [Fact]
    public void SignatureError_StillListsTheBodysErrors_AndNotTheRejectedParametersReads()
    {
        var source = Usings + "public static partial class C\n{\n[Differentiable] public static double F(double x, long n)\n{\n    var s = x * n + n;\n    s += x % 2.0;\n    return s;\n}\n}\n";
        var diagnostics = GeneratorHarness.RunAllowingDiagnostics(source).Result.Diagnostics.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(["SD1004", "SD2001"], diagnostics.Select(d => d.Id));
        Assert.Equal("x % 2.0", source.Substring(diagnostics[1].Location.SourceSpan.Start, diagnostics[1].Location.SourceSpan.Length));
    }

    /// <summary>Mutant 421 of seed 4242: a type error the compiler reports is not the generator's (it failed with SD2999).</summary>
    [Theory]
    [InlineData("y += true;")]
    [InlineData("y = true;")]
    [InlineData("var b = x > 0; y *= b;")]
    [InlineData("if (y) { y = 1; }")]
    [InlineData("y = !y ? 1 : 2;")]
    public void TypeErrorInBody_LeftToTheCompiler(string statement)
    {
        using var build = FuzzBuild.Of(Usings + "public static partial class C\n{\n[Differentiable] public static double F(double x, double y)\n{\n    " + statement + "\n    return x * y;\n}\n}\n", checkInput: true);
        Assert.NotEmpty(build.InputErrors);
        Assert.Null(build.Run.Result.Exception);
        Assert.Empty(build.GeneratorDiagnostics);
    }
}
