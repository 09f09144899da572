using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SymDiff.Generator;

namespace SymDiff.Generator.Tests.Infrastructure;

/// <summary>Runs the generator on sources through a <see cref="CSharpGeneratorDriver"/> with step tracking.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> References = LoadReferences();

    public static CSharpCompilation Compilation(params string[] sources)
        => CSharpCompilation.Create(
            "SymDiffTests",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: "Source" + i + ".cs")),
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                deterministic: true));

    public static GeneratorDriver CreateDriver()
        => CSharpGeneratorDriver.Create(
            new[] { new DifferentiableGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator and fails on any generator diagnostic or any warning or error in the result.</summary>
    public static GeneratorRun Run(params string[] sources)
    {
        var run = RunAllowingDiagnostics(sources);
        Assert.Empty(run.Result.Diagnostics);
        var problems = run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, "The generated code does not compile cleanly:\n" + string.Join("\n", problems));
        return run;
    }

    /// <summary>Runs the generator and returns whatever it reported.</summary>
    public static GeneratorRun RunAllowingDiagnostics(params string[] sources)
    {
        var compilation = Compilation(sources);
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var result = driver.GetRunResult().Results.Single();
        GeneratedCodeDump.Write(compilation, result);
        return new GeneratorRun(driver, compilation, output, result);
    }

    /// <summary>
    /// The optimization remarks (SD3001, off by default) the generator reports for <paramref name="sources"/>, turned on
    /// as a user turns them on, each as "Type.Method (Mode): Pass: detail".
    /// </summary>
    public static IReadOnlyList<string> Remarks(params string[] sources)
    {
        var compilation = Compilation(sources);
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
            compilation.Options.SpecificDiagnosticOptions.SetItem("SD3001", ReportDiagnostic.Info)));
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);
        Assert.DoesNotContain(diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        return driver.GetRunResult().Diagnostics.Where(d => d.Id == "SD3001").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(p => Path.GetFileName(p) is var name && (name.StartsWith("System.") || name is "mscorlib.dll" or "netstandard.dll"))
            .Append(typeof(DifferentiableAttribute).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }
}
