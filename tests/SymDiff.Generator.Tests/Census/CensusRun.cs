using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SymDiff.Generator.Tests.Fuzzing;
using SymDiff.Generator.Tests.Infrastructure;

namespace SymDiff.Generator.Tests.Census;

/// <summary>
/// Builds every census case in one compilation, as a real build does (warnings stay warnings), and decides
/// each one: rejected by the compiler (only where its entry says so), diagnosed by SymDiff (an error at
/// the sample), or generated, compiled without warnings and checked numerically. Anything else is a failure.
/// </summary>
internal sealed class CensusRun
{
    public const string Checked = "generated and checked numerically";
    public const string Rejected = "rejected by the compiler";

    private const string SharedSource =
        "using SymDiff;\n\nnamespace Census;\n\npublic static partial class Shared\n{\n"
        + "    public static double Field = 1.5;\n    public static double Property => 2.0;\n    public const double Scale = 2.0;\n"
        + "    public static double Helper(double a) => 2.0 * a;\n\n    [Differentiable]\n    public static double Square(double a) => a * a;\n\n"
        + "    public static double Cube(double a) => a * a * a;\n\n    [DerivativeOf(typeof(Shared), nameof(Cube))]\n    public static double CubeDerivative(double a) => 3 * a * a;\n\n"
        + "    [DerivativeOf(typeof(System.Math), nameof(System.Math.FusedMultiplyAdd))]\n"
        + "    public static double FusedGradient(double a, double b, double c, out double da, out double db, out double dc) { da = b; db = a; dc = 1; return System.Math.FusedMultiplyAdd(a, b, c); }\n}\n";

    private readonly List<string> _failures = new();
    private readonly Dictionary<CensusCase, string> _outcomes = new();

    /// <summary>Which case each input, generated and adapter tree belongs to.</summary>
    private readonly Dictionary<SyntaxTree, CensusCase> _owners = new();

    public IReadOnlyList<string> Failures => _failures;

    /// <summary>What became of each case: <see cref="Checked"/>, <see cref="Rejected"/>, the SymDiff IDs reported, or a failure.</summary>
    public IReadOnlyDictionary<CensusCase, string> Outcomes => _outcomes;

    public FuzzStatistics Statistics { get; } = new();

    public static CensusRun Of(IReadOnlyList<CensusCase> cases)
    {
        var run = new CensusRun();
        run.Build(cases);
        return run;
    }

    private void Build(IReadOnlyList<CensusCase> cases)
    {
        var compilation = GeneratorHarness.Compilation(cases.Select(c => c.Source).Append(SharedSource).ToArray());
        compilation = compilation.WithOptions(compilation.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Default).WithAllowUnsafe(true));
        for (var i = 0; i < cases.Count; i++)
        {
            _owners[compilation.SyntaxTrees[i]] = cases[i];
        }

        var inputErrors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToLookup(d => Owner(d));
        var driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var result = driver.GetRunResult().Results.Single();
        if (result.Exception is { } exception)
        {
            _failures.Add("the generator threw " + exception);
            return;
        }

        var reported = result.Diagnostics.ToLookup(d => Owner(d));
        foreach (var diagnostic in inputErrors[null].Concat(reported[null]))
        {
            _failures.Add("a diagnostic outside the samples: " + diagnostic);
        }

        var generated = result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SyntaxTree);
        var accepted = new List<CensusCase>();
        var decided = new List<SyntaxTree>();
        for (var i = 0; i < cases.Count; i++)
        {
            var @case = cases[i];
            var code = generated.TryGetValue(Hint(@case), out var tree) ? tree : null;
            var outcome = Decide(@case, inputErrors[@case].ToList(), reported[@case].ToList(), code);
            if (outcome is not null)
            {
                _outcomes[@case] = outcome;
                decided.Add(compilation.SyntaxTrees[i]);
                decided.AddRange(code is null ? Array.Empty<SyntaxTree>() : new[] { code });
                continue;
            }

            _owners[code!] = @case;
            accepted.Add(@case);
        }

        Run(accepted, output.RemoveSyntaxTrees(decided), generated.Values.ToHashSet());
    }

    /// <summary>The outcome of a case decided without running it, or null for a case to run.</summary>
    private string? Decide(CensusCase @case, List<Diagnostic> inputErrors, List<Diagnostic> reported, SyntaxTree? code)
    {
        foreach (var diagnostic in reported)
        {
            if (diagnostic.Id is "CS8785" or "SD2999" || !diagnostic.Id.StartsWith("SD", StringComparison.Ordinal))
            {
                return Fail(@case, "the generator reported " + diagnostic);
            }

            // SD2010 (too large to emit) is found after the method was read: it names the method instead.
            var located = diagnostic.Location.SourceTree is { } tree && _owners.GetValueOrDefault(tree) == @case && @case.SnippetSpan.Contains(diagnostic.Location.SourceSpan);
            if (diagnostic.Severity != DiagnosticSeverity.Error || !(located || diagnostic.Id == "SD2010"))
            {
                return Fail(@case, "a SymDiff diagnostic must be an error located in the sample: " + diagnostic);
            }
        }

        if (inputErrors.Count > 0)
        {
            return @case.MayBeRejected
                ? Count(Rejected)
                : Fail(@case, "the sample does not compile here, and its entry does not say it may not: " + string.Join("; ", inputErrors));
        }

        if (@case.MayBeRejected)
        {
            return Fail(@case, "the entry says the compiler rejects it (" + @case.Entry.Reason + "), but it compiles");
        }

        // A type whose methods all failed still gets its (empty) file.
        var members = code?.GetRoot().DescendantNodes(n => n is not MemberDeclarationSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
            .OfType<MethodDeclarationSyntax>().Select(m => m.Identifier.ValueText).ToHashSet() ?? new HashSet<string>();
        if (reported.Count > 0)
        {
            return members.Count > 0
                ? Fail(@case, "diagnosed (" + Ids(reported) + "), but code was generated all the same")
                : Count("diagnosed " + Ids(reported));
        }

        var template = @case.Entry.Template;
        var missing = new[] { "MGradient", "MTangent" }
            .Concat(template.HasHessianVector ? new[] { "MHessianVector" } : Array.Empty<string>())
            .Concat(template.HasHessian ? new[] { "MHessian" } : Array.Empty<string>())
            .Where(m => !members.Contains(m))
            .ToList();
        return missing.Count == 0
            ? null
            : Fail(@case, members.Count == 0 ? "no diagnostic, and no code generated: the method was skipped silently" : "no diagnostic, but no " + string.Join(", ", missing) + " was generated");
    }

    /// <summary>
    /// Compiles the accepted cases with their adapters, once if all goes well: a case whose generated code has a
    /// warning or an error, or that breaks the build, fails and is left out. Then checks the others numerically.
    /// </summary>
    private void Run(List<CensusCase> accepted, Compilation output, HashSet<SyntaxTree> generated)
    {
        foreach (var @case in accepted)
        {
            var adapter = CSharpSyntaxTree.ParseText("using System;\n\nnamespace Census;\n\n" + @case.Entry.Template.Adapter(@case.AdapterName, @case.TypeName), GeneratorHarness.ParseOptions, path: @case.AdapterName + ".cs");
            _owners[adapter] = @case;
            output = output.AddSyntaxTrees(adapter);
        }

        while (true)
        {
            var assembly = CollectibleAssembly.TryLoad(output, out var diagnostics);
            var problems = diagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && generated.Contains(tree)))
                .ToList();
            if (problems.Any(d => Owner(d) is null))
            {
                _failures.Add("the census does not compile: " + string.Join("; ", problems.Where(d => Owner(d) is null).Take(10)));
                assembly?.Dispose();
                return;
            }

            foreach (var group in problems.GroupBy(d => Owner(d)!))
            {
                _outcomes[group.Key] = Fail(group.Key, "the generated code does not compile cleanly: " + string.Join("; ", group.Take(5)));
                accepted.Remove(group.Key);
                output = output.RemoveSyntaxTrees(_owners.Where(o => o.Value == group.Key && output.ContainsSyntaxTree(o.Key)).Select(o => o.Key));
            }

            if (assembly is not null)
            {
                using (assembly)
                {
                    Check(accepted, assembly);
                }

                return;
            }
        }
    }

    private void Check(List<CensusCase> accepted, CollectibleAssembly assembly)
    {
        foreach (var @case in accepted)
        {
            var adapter = assembly.Assembly.GetType("Census." + @case.AdapterName, throwOnError: true)!;
            Statistics.Methods++;
            var failure = CensusNumerics.Check(adapter, @case.Entry.Template, new Random(@case.Index), Statistics);
            _outcomes[@case] = failure is null ? Count(Checked) : Fail(@case, failure);
        }
    }

    /// <summary>The case a diagnostic is about: by its tree, or by the method it names (SD2010, and SD2999 from emitting, have no location).</summary>
    private CensusCase? Owner(Diagnostic diagnostic)
    {
        if (diagnostic.Location.SourceTree is { } tree)
        {
            return _owners.GetValueOrDefault(tree);
        }

        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        return _owners.Values.FirstOrDefault(c => message.Contains("Census." + c.TypeName + ".", StringComparison.Ordinal));
    }

    private static string Hint(CensusCase @case) => "Census." + @case.TypeName + ".SymDiff.g.cs";

    private static string Ids(IEnumerable<Diagnostic> diagnostics) => string.Join("+", diagnostics.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal));

    private string Count(string outcome)
    {
        Statistics.Count(outcome);
        return outcome;
    }

    private string Fail(CensusCase @case, string reason)
    {
        Statistics.Failures++;
        _failures.Add(@case.Describe + "\n    " + reason);
        return "FAILED: " + reason;
    }
}
