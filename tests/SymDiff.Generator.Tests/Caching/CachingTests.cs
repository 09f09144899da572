using System.Collections;
using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SymDiff.Generator.Tests.Infrastructure;

namespace SymDiff.Generator.Tests.Caching;

/// <summary>The pipeline is incremental: edits elsewhere re-use every step; models hold no Roslyn objects.</summary>
public sealed class CachingTests
{
    private const string Functions = """
        using System;
        using SymDiff;

        namespace Samples;

        public static partial class Functions
        {
            [Differentiable]
            public static double F(double x, double y) => x * x * x * (x + 3 * y);

            [Differentiable]
            public static double Neuron(double w, double x, double b)
            {
                var z = w * x + b;
                return 1.0 / (1.0 + Math.Exp(-z));
            }
        }

        public static partial class Other
        {
            [Differentiable]
            public static double H(double t) => Math.Sin(t) * t;
        }
        """;

    private const string Unrelated = "namespace Samples; public static class Unrelated { public static int Answer() => 42; }";

    private static readonly string[] StepNames = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.NonPublic)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    [Fact]
    public void UnrelatedEdit_EveryStepCachedOrUnchanged()
    {
        var first = GeneratorHarness.Compilation(Functions, Unrelated);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(first);

        var second = Edit(first, 1, Unrelated.Replace("42", "43"));
        var result = driver.RunGenerators(second).GetRunResult().Results.Single();

        foreach (var name in StepNames)
        {
            // A diagnostics step is tracked only in a run that has some (see DiagnosticsTravellingAsValues_...).
            Assert.True(result.TrackedSteps.ContainsKey(name) || name is TrackingNames.Diagnostics or TrackingNames.PendingDiagnostics or TrackingNames.RecursionDiagnostics, "Step " + name + " was not tracked.");
            if (!result.TrackedSteps.TryGetValue(name, out var steps))
            {
                continue;
            }

            var reasons = steps.SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.All(reasons, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, name + ": " + r));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o =>
            Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, "output: " + o.Reason));
    }

    /// <summary>
    /// An SD2002 that waits for a [DerivativeOf] and an SD2006 found on the call graph travel through Combine and
    /// Collect as values (no Diagnostic, which holds its syntax tree); an unrelated edit leaves them cached, and
    /// they are still reported at their call, in the source tree (where #pragma warning disable reaches them).
    /// </summary>
    [Fact]
    public void DiagnosticsTravellingAsValues_UnrelatedEdit_CachedAndStillLocatedInSource()
    {
        const string Calls = """
            using SymDiff;

            namespace Samples;

            public static partial class Calls
            {
                static double Helper(double v) => v * v;

                [Differentiable]
                public static double Pending(double x) => Helper(x) + x;

                [Differentiable]
                public static double Ping(double x) => Pong(x) * 2;

                [Differentiable]
                public static double Pong(double x) => Ping(x) + 1;

                [Differentiable]
                public static double Twice(double x) => Helper(x) * x;
            }
            """;
        var first = GeneratorHarness.Compilation(Calls, Unrelated);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(first);
        var result = driver.RunGenerators(Edit(first, 1, Unrelated.Replace("42", "43"))).GetRunResult().Results.Single();

        foreach (var name in new[] { TrackingNames.PendingDiagnostics, TrackingNames.RecursionDiagnostics })
        {
            var outputs = result.TrackedSteps[name].SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, name + ": " + o.Reason));
            foreach (var output in outputs)
            {
                AssertNoRoslynObjects(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }

        var diagnostics = result.Diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(["SD2002", "SD2002", "SD2006", "SD2006"], diagnostics.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
        Assert.All(diagnostics, d => Assert.True(d.Location.IsInSource, d.ToString()));
        Assert.Equal("Helper(x)", Calls.Substring(diagnostics[0].Location.SourceSpan.Start, diagnostics[0].Location.SourceSpan.Length));
        Assert.Equal(first.SyntaxTrees.First().FilePath, diagnostics[0].Location.SourceTree!.FilePath);
    }

    [Fact]
    public void BodyEdit_OnlyThatMethodIsDerivedAgain()
    {
        var first = GeneratorHarness.Compilation(Functions, Unrelated);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(first);

        var second = Edit(first, 0, Functions.Replace("Math.Sin(t) * t", "Math.Cos(t) * t"));
        var result = driver.RunGenerators(second).GetRunResult().Results.Single();

        var derivatives = result.TrackedSteps[TrackingNames.Derivatives].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, derivatives.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(2, derivatives.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));

        var types = result.TrackedSteps[TrackingNames.TypeModels].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Contains(IncrementalStepRunReason.Modified, types);
        Assert.Contains(IncrementalStepRunReason.Unchanged, types);
        Assert.Contains("Math.Cos(t)", result.GeneratedSources.Single(s => s.HintName == "Samples.Other.SymDiff.g.cs").SourceText.ToString());
    }

    [Fact]
    public void AddingAMethod_DerivesOnlyTheNewOne()
    {
        var first = GeneratorHarness.Compilation(Functions, Unrelated);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(first);

        var second = Edit(first, 0, Functions.Replace(
            "public static double H(double t) => Math.Sin(t) * t;",
            "public static double H(double t) => Math.Sin(t) * t;\n\n    [Differentiable]\n    public static double K(double u) => u * u;"));
        var result = driver.RunGenerators(second).GetRunResult().Results.Single();

        var derivatives = result.TrackedSteps[TrackingNames.Derivatives].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, derivatives.Count(r => r == IncrementalStepRunReason.New));
        Assert.Equal(3, derivatives.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.Contains("KGradient(", result.GeneratedSources.Single(s => s.HintName == "Samples.Other.SymDiff.g.cs").SourceText.ToString());
    }

    [Fact]
    public void RenamingAParameter_ReDerivesThatMethodWithTheNewNames()
    {
        var first = GeneratorHarness.Compilation(Functions, Unrelated);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(first);

        var second = Edit(first, 0, Functions.Replace("H(double t) => Math.Sin(t) * t", "H(double time) => Math.Sin(time) * time"));
        var result = driver.RunGenerators(second).GetRunResult().Results.Single();

        var derivatives = result.TrackedSteps[TrackingNames.Derivatives].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, derivatives.Count(r => r == IncrementalStepRunReason.Modified));
        var other = result.GeneratedSources.Single(s => s.HintName == "Samples.Other.SymDiff.g.cs").SourceText.ToString();
        Assert.Contains("HGradient(double time, out double dtime)", other);
        var types = result.TrackedSteps[TrackingNames.TypeModels].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Contains(IncrementalStepRunReason.Modified, types);
        Assert.Contains(IncrementalStepRunReason.Unchanged, types);
    }

    [Fact]
    public void StepOutputs_HoldNoRoslynObjects()
    {
        var result = GeneratorHarness.Run(Functions).Result;
        foreach (var name in new[] { TrackingNames.MethodModels, TrackingNames.Derivatives, TrackingNames.TypeModels })
        {
            foreach (var output in result.TrackedSteps[name].SelectMany(s => s.Outputs))
            {
                AssertNoRoslynObjects(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    [Fact]
    public void SameSourceParsedTwice_ModelsEqualButNotSame()
    {
        var first = Models(GeneratorHarness.Run(Functions).Result);
        var second = Models(GeneratorHarness.Run(Functions).Result);
        Assert.Equal(first.Count, second.Count);
        for (var i = 0; i < first.Count; i++)
        {
            Assert.Equal(first[i], second[i]);
            Assert.Equal(first[i].GetHashCode(), second[i].GetHashCode());
            Assert.NotSame(first[i], second[i]);
        }
    }

    [Fact]
    public void EmittingTwice_GivesByteIdenticalOutput()
    {
        var first = GeneratorHarness.Run(Functions).Result.GeneratedSources.Select(s => s.SourceText.ToString()).ToList();
        var second = GeneratorHarness.Run(Functions).Result.GeneratedSources.Select(s => s.SourceText.ToString()).ToList();
        Assert.Equal(first, second);
    }

    [Fact]
    public void Culture_DoesNotChangeOutput()
    {
        const string source = "using SymDiff; public static partial class C { [Differentiable] public static double F(double x) => 0.25 * x * 1.5e-7 + 1234567.5 / x; }";
        var invariant = GeneratorHarness.Run(source).Result.GeneratedSources.Single().SourceText.ToString();
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var german = GeneratorHarness.Run(source).Result.GeneratedSources.Single().SourceText.ToString();
            Assert.Equal(invariant, german);
            Assert.Contains("0.25", german);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private static List<object> Models(GeneratorRunResult result)
        => result.TrackedSteps[TrackingNames.MethodModels].SelectMany(s => s.Outputs).Select(o => o.Value).ToList();

    private static Compilation Edit(Compilation compilation, int treeIndex, string newText)
    {
        var old = compilation.SyntaxTrees.ElementAt(treeIndex);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(newText, GeneratorHarness.ParseOptions, old.FilePath));
    }

    private static void AssertNoRoslynObjects(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(
            value is ISymbol or SyntaxNode or SyntaxTree or Location or Compilation or SemanticModel,
            path + " holds a " + value.GetType().Name);

        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                AssertNoRoslynObjects(item, path + "[" + index++ + "]", seen);
            }

            return;
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynObjects(field.GetValue(value), path + "." + field.Name, seen);
        }
    }
}
