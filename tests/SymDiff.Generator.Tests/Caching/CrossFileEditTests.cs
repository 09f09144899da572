using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SymDiff.Generator.Tests.Infrastructure;

namespace SymDiff.Generator.Tests.Caching;

/// <summary>
/// Parse reads a method again whenever the compilation changes, so an edit in another file that
/// changes what a call means changes the output, through a warm driver as in an IDE.
/// </summary>
public sealed class CrossFileEditTests
{
    private const string Caller = """
        using SymDiff;

        namespace Samples;

        public static partial class Model
        {
            [Differentiable]
            public static double F(double x) => Library.G(x) * x;
        }
        """;

    private const string Callee = """
        using SymDiff;

        namespace Samples;

        public static partial class Library
        {
            [Differentiable]
            public static double G(double x) => x * x;
        }
        """;

    [Fact]
    public void CalleeLosesItsAttribute_CallerReportsSD2002()
    {
        var result = RunEdited(Callee.Replace("[Differentiable]", ""));
        Assert.Equal("SD2002", Assert.Single(result.Diagnostics).Id);
        Assert.DoesNotContain(result.GeneratedSources, s => s.SourceText.ToString().Contains("FGradient("));
    }

    [Fact]
    public void CalleeLosesItsAttributeButGetsADerivative_CallerUsesIt()
    {
        var result = RunEdited(
            Callee.Replace("[Differentiable]", "")
                .Replace("x * x;", "x * x;\n\n    [DerivativeOf(typeof(Library), nameof(G))]\n    public static double GDerivative(double x) => 2 * x;"));
        Assert.Empty(result.Diagnostics);
        Assert.Contains("GDerivative(", result.GeneratedSources.Single(s => s.HintName == "Samples.Model.SymDiff.g.cs").SourceText.ToString());
    }

    [Fact]
    public void CalleeSignatureChanges_CallerLeftToTheCompiler()
    {
        var result = RunEdited(Callee.Replace("G(double x) => x * x", "G(double x, double y) => x * y"));
        Assert.Empty(result.Diagnostics);
        Assert.DoesNotContain(result.GeneratedSources, s => s.SourceText.ToString().Contains("FGradient("));
    }

    [Fact]
    public void CalleeSignatureChangesBack_CallerGeneratedAgain()
    {
        var first = GeneratorHarness.Compilation(Caller, Callee);
        var broken = Edit(first, Callee.Replace("G(double x) => x * x", "G(double x, double y) => x * y"));
        var driver = GeneratorHarness.CreateDriver().RunGenerators(first).RunGenerators(broken);

        var result = driver.RunGenerators(Edit(broken, Callee)).GetRunResult().Results.Single();
        Assert.Empty(result.Diagnostics);
        Assert.Contains("FGradient(", result.GeneratedSources.Single(s => s.HintName == "Samples.Model.SymDiff.g.cs").SourceText.ToString());
    }

    /// <summary>Runs a warm driver on the caller and callee, then on the caller and <paramref name="callee"/>.</summary>
    private static GeneratorRunResult RunEdited(string callee)
    {
        var first = GeneratorHarness.Compilation(Caller, Callee);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(first);
        Assert.Empty(driver.GetRunResult().Diagnostics);
        return driver.RunGenerators(Edit(first, callee)).GetRunResult().Results.Single();
    }

    private static Compilation Edit(Compilation compilation, string callee)
    {
        var old = compilation.SyntaxTrees.ElementAt(1);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(callee, GeneratorHarness.ParseOptions, old.FilePath));
    }
}
