using Microsoft.CodeAnalysis;
using SymDiff.Generator.Tests.Infrastructure;

namespace SymDiff.Generator.Tests.Diagnostics;

/// <summary>Each diagnostic ID, reported at the exact node that explains it.</summary>
public sealed class DiagnosticTests
{
    private const string Usings = "using System;\nusing SymDiff;\n";

    private static Diagnostic AssertReported(string id, string markedMembers, string typeHeader = "public static partial class C")
    {
        var marked = MarkedSource.Parse(Usings + typeHeader + "\n{\n" + markedMembers + "\n}\n");
        var run = GeneratorHarness.RunAllowingDiagnostics(marked.Text);
        var diagnostic = Assert.Single(run.Result.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);
        Assert.DoesNotContain(run.Result.GeneratedSources, s => s.SourceText.ToString().Contains("Gradient("));
        return diagnostic;
    }

    [Fact]
    public void InstanceMethod_ReportsSD1001_AtName()
        => AssertReported("SD1001", "[Differentiable] public double [|F|](double x) => x;", "public partial class C");

    [Fact]
    public void TypeNotPartial_ReportsSD1002_AtTypeName()
    {
        var marked = MarkedSource.Parse(Usings + "public static class [|C|]\n{\n[Differentiable] public static double F(double x) => x;\n}\n");
        var diagnostic = Assert.Single(GeneratorHarness.RunAllowingDiagnostics(marked.Text).Result.Diagnostics);
        Assert.Equal("SD1002", diagnostic.Id);
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);
        Assert.Contains("'C'", diagnostic.GetMessage());
    }

    [Fact]
    public void OuterTypeNotPartial_ReportsSD1002_AtOuterName()
    {
        var marked = MarkedSource.Parse(Usings + "public class [|Outer|]\n{\npublic static partial class C\n{\n[Differentiable] public static double F(double x) => x;\n}\n}\n");
        var diagnostic = Assert.Single(GeneratorHarness.RunAllowingDiagnostics(marked.Text).Result.Diagnostics);
        Assert.Equal("SD1002", diagnostic.Id);
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);
    }

    [Fact]
    public void ReturnsInt_ReportsSD1003_AtReturnType()
        => AssertReported("SD1003", "[Differentiable] public static [|int|] F(double x) => (int)x;");

    [Fact]
    public void FloatMethodWithDoubleParameter_ReportsSD1004()
        => AssertReported("SD1004", "[Differentiable] public static float F([|double|] x) => (float)x;");

    [Fact]
    public void FloatParameter_ReportsSD1004_AtParameterType()
        => AssertReported("SD1004", "[Differentiable] public static double F(double x, [|float|] n) => x * n;");

    [Fact]
    public void RefParameter_ReportsSD1005_AtModifier()
        => AssertReported("SD1005", "[Differentiable] public static double F([|ref|] double x) => x * x;");

    [Fact]
    public void GenericMethod_ReportsSD1006_AtTypeParameters()
        => AssertReported("SD1006", "[Differentiable] public static double F[|<T>|](double x) => x * x;");

    [Fact]
    public void PartialDefinitionWithoutBody_ReportsSD1007_AtName()
        => AssertReported(
            "SD1007",
            "[Differentiable] public static partial double [|F|](double x);\npublic static partial double F(double x) => x * x;");

    [Fact]
    public void ModuloOperator_ReportsSD2001_AtExpression()
        => AssertReported("SD2001", "[Differentiable] public static double F(double x) => 1 + [|x % 2.0|];");

    [Fact]
    public void FieldRead_ReportsSD2001_AtIdentifier()
        => AssertReported("SD2001", "static double k = 2;\n[Differentiable] public static double F(double x) => x * [|k|];");

    [Fact]
    public void UnknownCall_ReportsSD2002_AtInvocation()
    {
        var diagnostic = AssertReported(
            "SD2002",
            "static double Helper(double v) => v * v;\n[Differentiable] public static double F(double x) => 2 * [|Helper(x)|];");
        Assert.Contains("Helper", diagnostic.GetMessage());
    }

    [Fact]
    public void MathOverloadOnIntegers_ReportsSD2002()
        => AssertReported("SD2002", "[Differentiable] public static double F(double x) => x + [|Math.Abs(-3 + (int)x)|];");

    [Fact]
    public void LoopInsideIf_ReportsSD2003_AtKeyword()
        => AssertReported(
            "SD2003",
            "[Differentiable] public static double F(double x)\n{\n    var s = 0.0;\n    if (x > 0)\n    {\n        [|for|] (var j = 0; j < 3; j++) s += x;\n    }\n\n    return s;\n}");

    [Fact]
    public void WhileLoop_ReportsSD2003_AtKeyword()
        => AssertReported(
            "SD2003",
            "[Differentiable] public static double F(double x)\n{\n    [|while|] (x > 1) x = x / 2;\n    return x;\n}");

    [Fact]
    public void IntLocal_ReportsSD2004_AtLocalType()
        => AssertReported(
            "SD2004",
            "[Differentiable] public static double F(double x)\n{\n    [|long|] n = 3;\n    return x * n;\n}");

    [Fact]
    public void FieldAssignment_ReportsSD2005_AtTarget()
        => AssertReported(
            "SD2005",
            "static double last;\n[Differentiable] public static double F(double x)\n{\n    [|last|] = x;\n    return x * x;\n}");

    [Fact]
    public void ErrorInOneMethod_NeighboursStillGenerated()
    {
        var source = Usings + "public static partial class C\n{\n[Differentiable] public static double Bad(double x) => x % 2.0;\n[Differentiable] public static double Good(double x) => x * x;\n}\n";
        var run = GeneratorHarness.RunAllowingDiagnostics(source);
        Assert.Equal("SD2001", Assert.Single(run.Result.Diagnostics).Id);
        var generated = Assert.Single(run.Result.GeneratedSources).SourceText.ToString();
        Assert.Contains("GoodGradient(", generated);
        Assert.DoesNotContain("BadGradient(", generated);
    }

    /// <summary>A method the fuzzer wrote: its Hessian would be 130,000 lines (two minutes to generate), its H·v overflowed the stack.</summary>
    [Fact]
    public void DerivativeTooLarge_ThatModeIsLeftOutAndTheOthersGenerated()
    {
        var source = Usings + """
        public static partial class C
        {
            [Differentiable(Modes = DerivativeModes.All)]
            public static double Tangled(double x, double y, double z)
            {
                if (!(double.Atan2(3.0, y) < z))
                {
                }
                else
                {
                    if (z > 0.25)
                    {
                        x = (-Math.Cos(x)) * Math.Max(y, y) + (z / z);
                    }
                    y += y;
                    if (y >= 0.0)
                        return z * z * y;
                    else
                    {
                        var b0 = (Math.E != x || (double.Pi <= Math.E + z && Math.Ceiling(z) >= 1));
                    }
                }
                if (z == 2)
                {
                    var v1 = Math.Log(1.0 + double.Tanh((double)x) * double.Tanh((double)x), double.Sqrt(1.0 + Math.Floor(Math.Asin(0.5 * Math.Tanh(x))) * Math.Floor(Math.Asin(0.5 * Math.Tanh(x)))));
                    if ((Math.Acos(double.Pi / (1.0 + double.Abs(double.Pi))) <= y || double.Pi != Math.Min(x, 2.5e-1)))
                    {
                        y -= Math.Max(v1, Math.Min((z - y) * double.Pi, y));
                    }
                    z /= double.Pow(Math.Exp(Math.PI - y), Math.Pow(Math.Exp(y), z));
                }
                else
                {
                }
                double v3;
                if ((double)Math.Sign(z) < y + x)
                {
                    x *= y;
                    v3 = x;
                }
                else
                {
                    v3 = Math.Atan2(y, z) - x;
                }
                var v4 = double.Pi;
                for (int i5 = 1; i5 < 3; i5 += 1)
                {
                    v3 /= Math.Round(-(2.0 / 1.5));
                    for (int i6 = 0; i6 < i5 + 2; i6++)
                    {
                        for (int i7 = 0; i7 < 3; i7++)
                        {
                            z--;
                            y -= i5;
                            double v8 = ((double)i5) - (x < i6 ? double.Pi : i5);
                        }
                        var v9 = ((z + z) / i6) - double.Pi;
                    }
                    v4 = -(-z);
                }
                return -double.Max(v4 * z + 2.0, (z != -v4 ? -2.0 : x));
            }
        }
        """;
        var run = GeneratorHarness.RunAllowingDiagnostics(source);

        var diagnostics = run.Result.Diagnostics.OrderBy(d => d.GetMessage(), StringComparer.Ordinal).ToList();
        Assert.Equal(["SD2010", "SD2010"], diagnostics.Select(d => d.Id));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.StartsWith("'C.TangledHessian' was not generated: its code would exceed 100000 expression nodes.", diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.StartsWith("'C.TangledHessianVector' was not generated", diagnostics[1].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        var generated = Assert.Single(run.Result.GeneratedSources).SourceText.ToString();
        Assert.Contains("TangledGradient(", generated);
        Assert.Contains("TangledTangent(", generated);
        Assert.DoesNotContain("TangledHessian", generated);
    }

    /// <summary>
    /// The same blow-up inside a loop: the loop body's graphs count too (a review found it took 80 s and an 88,000-line
    /// file). Generating it took 95 s even with the budget until the test of whether a conditional adjoint can be zero
    /// kept its answers: its recursion revisited the nested conditionals' shared subgraphs exponentially often.
    /// </summary>
    [Fact]
    public void DerivativeTooLargeInsideALoop_IsReportedToo()
    {
        var body = string.Concat(Enumerable.Repeat("if (x > y) { x = Math.Sin(x * y); y += z; } else { z = Math.Cos(x + z); }\n", 6));
        var source = Usings + "public static partial class C\n{\n[Differentiable(Modes = DerivativeModes.All)]\npublic static double M(double x, double y, double z)\n{\nfor (int k = 0; k < 2; k++)\n{\n" + body + "}\nreturn x * y + z;\n}\n}\n";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = GeneratorHarness.RunAllowingDiagnostics(source);

        Assert.Contains(run.Result.Diagnostics, d => d.Id == "SD2010");
        Assert.All(run.Result.Diagnostics, d => Assert.Equal("SD2010", d.Id));
        Assert.Contains("MGradient(", Assert.Single(run.Result.GeneratedSources).SourceText.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "generation took " + clock.Elapsed);
    }

    [Fact]
    public void CodeWithCompileErrors_ReportsNothingOfItsOwn()
    {
        var source = Usings + "public static partial class C\n{\n[Differentiable] public static double F(double x) => x * undefinedName;\n}\n";
        var run = GeneratorHarness.RunAllowingDiagnostics(source);
        Assert.Empty(run.Result.Diagnostics);
        Assert.Contains(run.Input.GetDiagnostics(), d => d.Id == "CS0103");
    }

    [Theory]
    [InlineData("double a;\nreturn a * x;", "CS0165")]
    [InlineData("if (x > 0)\n{\n    return x;\n}", "CS0161")]
    [InlineData("var a = x * x;\nreturn a + Missing(x);", "CS0103")]
    public void CodeWithErrorsOnlyFlowAnalysisOrBindingFinds_ReportsNothingOfItsOwn(string body, string compilerError)
    {
        var source = Usings + "public static partial class C\n{\n[Differentiable] public static double F(double x)\n{\n" + body + "\n}\n}\n";
        var run = GeneratorHarness.RunAllowingDiagnostics(source);
        Assert.Empty(run.Result.Diagnostics);
        Assert.Contains(run.Input.GetDiagnostics(), d => d.Id == compilerError);
    }

    [Fact]
    public void Diagnostic_LocationIsInTheUsersTree()
    {
        var marked = MarkedSource.Parse(Usings + "public static partial class C\n{\n[Differentiable] public static double F(double x) => [|x % 2.0|];\n}\n");
        var diagnostic = Assert.Single(GeneratorHarness.RunAllowingDiagnostics(marked.Text).Result.Diagnostics);
        Assert.Equal("Source0.cs", diagnostic.Location.SourceTree!.FilePath);
    }

    [Fact]
    public void TupleMethodAskingForHessian_ReportsSD1008_AtAttribute()
        => AssertReported("SD1008", "[[|Differentiable(Modes = DerivativeModes.Hessian)|]] public static (double, double) F(double x) => (x, x * x);");

    [Fact]
    public void TupleReturnedThroughALocal_ReportsSD2001_AtReturnedExpression()
        => AssertReported("SD2001", "[Differentiable] public static (double, double) F(double x)\n{\n    return [|x > 0 ? (x, x) : (1.0, x)|];\n}");

    [Fact]
    public void TupleOfIntegers_ReportsSD1003()
        => AssertReported("SD1003", "[Differentiable] public static [|(double, int)|] F(double x) => (x, 1);");

    [Fact]
    public void Recursion_ReportsSD2006_AtCall()
        => AssertReported("SD2006", "[Differentiable] public static double F(double x) => x < 1 ? x : [|F(x / 2)|];");

    [Fact]
    public void HessianThroughCall_ReportsSD2007_AtCall()
    {
        var marked = MarkedSource.Parse(Usings + "public static partial class C\n{\n[Differentiable] public static double G(double x) => x * x;\n[Differentiable(Modes = DerivativeModes.Hessian)] public static double F(double x) => 3 * [|G(x)|];\n}\n");
        var run = GeneratorHarness.RunAllowingDiagnostics(marked.Text);
        var diagnostic = Assert.Single(run.Result.Diagnostics);
        Assert.Equal("SD2007", diagnostic.Id);
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);
        var generated = Assert.Single(run.Result.GeneratedSources).SourceText.ToString();
        Assert.Contains("GGradient(", generated);
        Assert.DoesNotContain("FGradient(", generated);
    }

    [Fact]
    public void CustomDerivativeWithWrongShape_ReportsSD2008_AtItsName()
        => AssertReported(
            "SD2008",
            "public static double Erf(double x) => Math.Tanh(x);\n[DerivativeOf(typeof(C), nameof(Erf))] public static double [|ErfDerivative|](double x, double y) => 1 - x * x;");

    [Fact]
    public void CustomDerivativeOfMissingFunction_ReportsSD2009_AtAttribute()
        => AssertReported(
            "SD2009",
            "[[|DerivativeOf(typeof(C), \"Missing\")|]] public static double D(double x) => x;");

    [Theory]
    [InlineData("typeof(Math), nameof(Math.Abs)")]
    [InlineData("typeof(double), nameof(double.Exp)")]
    [InlineData("typeof(Math), nameof(Math.Pow)")]
    public void CustomDerivativeOfBuiltInFunction_ReportsSD2011_AtAttribute(string target)
        => Assert.Contains(
            "does not replace",
            AssertReported("SD2011", "[[|DerivativeOf(" + target + ")|]] public static double D(double x) => x;").GetMessage(),
            StringComparison.Ordinal);

    [Fact]
    public void CallCoveredByCustomDerivative_ReportsNothing()
    {
        var source = Usings + "public static partial class C\n{\npublic static double Erf(double x) => Math.Tanh(x);\n[DerivativeOf(typeof(C), nameof(Erf))] public static double ErfDerivative(double x) => 1 - Math.Tanh(x) * Math.Tanh(x);\n[Differentiable] public static double F(double x) => Erf(2 * x);\n}\n";
        var run = GeneratorHarness.Run(source);
        Assert.Contains("ErfDerivative(", run.Source("C.SymDiff.g.cs"));
    }

    [Fact]
    public void MutualRecursion_ReportsSD2006_AtEachCallOnTheCycle()
    {
        var source = Usings + "public static partial class C\n{\n[Differentiable] public static double A(double x) => x < 1 ? x : B(x / 2);\n[Differentiable] public static double B(double x) => A(x) + 1;\n[Differentiable] public static double Leaf(double x) => A(x) * 2;\n}\n";
        var run = GeneratorHarness.RunAllowingDiagnostics(source);
        var diagnostics = run.Result.Diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal("SD2006", d.Id));
        var text = run.Input.SyntaxTrees.Single().GetText();
        Assert.Equal("B(x / 2)", text.ToString(diagnostics[0].Location.SourceSpan));
        Assert.Equal("A(x)", text.ToString(diagnostics[1].Location.SourceSpan));
        var generated = run.Result.GeneratedSources.Single().SourceText.ToString();
        Assert.DoesNotContain("AGradient(double", generated);
        Assert.DoesNotContain("BGradient(double", generated);
        Assert.DoesNotContain("LeafGradient(double", generated);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }

    [Fact]
    public void LocalFunction_ReportsSD1010_AtItsName()
        => AssertReported("SD1010", "public static double Outer(double x)\n{\n    [Differentiable]\n    static double [|Local|](double t) => t * t;\n\n    return Local(x);\n}");

    [Fact]
    public void IntegerDivisionOfSign_ReportsSD2001_AtTheIntPart()
        => AssertReported("SD2001", "[Differentiable] public static double F(double x) => x + [|Math.Sign(x)|] / 2;");

    [Fact]
    public void ComparisonOfAliasedValues_CompilesWithoutWarnings()
    {
        var run = GeneratorHarness.Run(Usings + "public static partial class C\n{\n[Differentiable] public static double F(double x)\n{\n    var v = x;\n    return v < x ? x : v <= x ? 2 * x : 3 * x;\n}\n}\n");
        Assert.Contains("FGradient(", run.Source("C.SymDiff.g.cs"));
    }

    [Fact]
    public void VectorMethodAskingForHessian_ReportsSD1009_AtAttribute()
        => AssertReported(
            "SD1009",
            "[[|Differentiable(Modes = DerivativeModes.Hessian)|]] public static double F(ReadOnlySpan<double> x) => x[0] * x[1];");

    [Fact]
    public void UserMemberWithAGeneratedName_ReportsSD1011_AtMethodName()
    {
        var diagnostic = AssertReported(
            "SD1011",
            "public static double FGradient(double x, out double dx) { dx = 1; return x; }\n[Differentiable] public static double [|F|](double x) => x * x;");
        Assert.Contains("FGradient", diagnostic.GetMessage());
    }

    [Fact]
    public void VectorParameterNamedWithAKeyword_ReportsSD1012_AtItsName()
        => Assert.Contains("'@in'", AssertReported(
            "SD1012",
            "[Differentiable] public static double F(ReadOnlySpan<double> [|@in|]) => @in[0] * @in[1];").GetMessage());

    [Fact]
    public void OutputNamedWithAKeyword_ReportsSD1012_AtItsName()
        => AssertReported(
            "SD1012",
            "[Differentiable] public static void F(ReadOnlySpan<double> x, Span<double> [|@out|])\n{\n    @out[0] = x[0] * x[1];\n}");

    [Fact]
    public void LoopVariableNamedWithAKeyword_ReportsSD1012_AtItsName()
        => Assert.Contains("loop variable '@event'", AssertReported(
            "SD1012",
            "[Differentiable] public static double F(ReadOnlySpan<double> x)\n{\n    var s = 0.0;\n    for (int [|@event|] = 0; @event < x.Length; @event++)\n    {\n        s += x[@event];\n    }\n\n    return s;\n}").GetMessage());

    [Fact]
    public void VoidMethodWritingNoOutput_ReportsSD1003_AtReturnType()
        => Assert.Contains("void", AssertReported("SD1003", "[Differentiable] public static [|void|] F(ReadOnlySpan<double> x) { }").GetMessage());

    [Fact]
    public void OutputWrittenInsideIf_ReportsSD2001_AtTheWrite()
        => Assert.Contains("inside an if", AssertReported(
            "SD2001",
            "[Differentiable] public static void F(ReadOnlySpan<double> x, Span<double> y)\n{\n    y[0] = x[0];\n    if (x[0] > 0)\n    {\n        [|y[1] = x[1]|];\n    }\n}").GetMessage());

    [Fact]
    public void OutputReadBack_ReportsSD2001_AtTheRead()
        => Assert.Contains("is an output", AssertReported(
            "SD2001",
            "[Differentiable] public static void F(ReadOnlySpan<double> x, Span<double> y)\n{\n    y[0] = x[0];\n    y[1] = 2 * [|y[0]|];\n}").GetMessage());

    [Fact]
    public void OutputCompoundAssignment_ReportsSD2001_AtTheWrite()
        => Assert.Contains("write it once", AssertReported(
            "SD2001",
            "[Differentiable] public static void F(ReadOnlySpan<double> x, Span<double> y)\n{\n    y[0] = x[0];\n    [|y[0] += x[1]|];\n}").GetMessage());

    [Fact]
    public void VoidMethodAskingForHessianVector_ReportsSD1008_AtAttribute()
        => AssertReported(
            "SD1008",
            "[[|Differentiable(Modes = DerivativeModes.HessianVector)|]] public static void F(ReadOnlySpan<double> x, Span<double> y) { y[0] = x[0] * x[1]; }");

    [Fact]
    public void OutputWrittenOnEveryIterationOfALoop_ReportsSD2001_AtTheWrite()
        => Assert.Contains("on every iteration of the loop over 'j'", AssertReported(
            "SD2001",
            "[Differentiable] public static void F(ReadOnlySpan<double> x, Span<double> y)\n{\n    for (int i = 0; i < y.Length; i++)\n    {\n        for (int j = 0; j < x.Length; j++)\n        {\n            [|y[i] = x[j]|];\n        }\n    }\n}").GetMessage());

    [Fact]
    public void OutputWrittenInALoopAndElsewhere_ReportsSD2001_AtTheSecondWrite()
        => Assert.Contains("written by another statement too", AssertReported(
            "SD2001",
            "[Differentiable] public static void F(ReadOnlySpan<double> x, Span<double> y)\n{\n    y[0] = x[0];\n    for (int i = 1; i < y.Length; i++)\n    {\n        [|y[i] = x[i] * x[i - 1]|];\n    }\n}").GetMessage());

    [Fact]
    public void BoolAssignedInsideALoop_ReportsSD2001_AtTheAssignment()
        => Assert.Contains("a bool declared before a loop", AssertReported(
            "SD2001",
            "[Differentiable] public static double F(double x)\n{\n    var s = 0.0;\n    var flag = x > 0;\n    for (int i = 0; i < 3; i++)\n    {\n        [|flag = !flag|];\n        s += flag ? x : 1.0;\n    }\n\n    return s;\n}").GetMessage());
}
