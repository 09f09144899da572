using Microsoft.CodeAnalysis;
using SymDiff.Generator.Tests.Infrastructure;

namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>
/// One source file run through the generator as a real build runs it (warnings stay warnings),
/// then compiled and, when it compiles, loaded.
/// </summary>
internal sealed class FuzzBuild : IDisposable
{
    private FuzzBuild(GeneratorRun run, IReadOnlyList<Diagnostic> inputErrors, IReadOnlyList<Diagnostic> outputDiagnostics, CollectibleAssembly? assembly)
    {
        Run = run;
        InputErrors = inputErrors;
        OutputDiagnostics = outputDiagnostics;
        Assembly = assembly;
    }

    public GeneratorRun Run { get; }

    /// <summary>Compiler errors in the source as written, before generation.</summary>
    public IReadOnlyList<Diagnostic> InputErrors { get; }

    /// <summary>Every diagnostic of compiling the source together with the generated files.</summary>
    public IReadOnlyList<Diagnostic> OutputDiagnostics { get; }

    /// <summary>The compiled result, when it compiled.</summary>
    public CollectibleAssembly? Assembly { get; }

    /// <summary>What the generator reported (SD diagnostics, and CS8785 if it threw).</summary>
    public IEnumerable<Diagnostic> GeneratorDiagnostics => Run.Result.Diagnostics;

    /// <summary>Warnings and errors located in generated files.</summary>
    public IEnumerable<Diagnostic> GeneratedCodeProblems
    {
        get
        {
            var generated = Run.Result.GeneratedSources.Select(s => s.SyntaxTree).ToHashSet();
            return OutputDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && generated.Contains(tree));
        }
    }

    /// <param name="overflowChecks">Compile as <c>&lt;CheckForOverflowUnderflow&gt;true&lt;/CheckForOverflowUnderflow&gt;</c> does.</param>
    public static FuzzBuild Of(string source, bool checkInput = false, bool overflowChecks = false)
    {
        var compilation = GeneratorHarness.Compilation(source);
        compilation = compilation.WithOptions(compilation.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Default).WithOverflowChecks(overflowChecks));
        var driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var result = driver.GetRunResult().Results.Single();
        GeneratedCodeDump.Write(compilation, result);
        var run = new GeneratorRun(driver, compilation, output, result);
        var inputErrors = checkInput
            ? compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList()
            : (IReadOnlyList<Diagnostic>)Array.Empty<Diagnostic>();
        var assembly = CollectibleAssembly.TryLoad(output, out var diagnostics);
        return new FuzzBuild(run, inputErrors, diagnostics, assembly);
    }

    public void Dispose() => Assembly?.Dispose();
}
