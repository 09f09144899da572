using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit.Abstractions;

namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>
/// Robustness fuzzing: valid methods broken by random mutations. Whatever the input, the generator
/// must not throw (CS8785) nor fail internally (SD2999); for input the compiler accepts, it must
/// either report SymDiff diagnostics or generate code that compiles without warnings. Mutants that
/// still produce a gradient are checked numerically like the differential fuzzer's methods.
/// </summary>
public sealed class MutationFuzzTests
{
    private const int MethodStream = 3;
    private const int MutationStream = 4;
    private const int PointStream = 5;
    private const int PointsPerMutant = 2;

    private static readonly string[] Headers =
    {
        "public static partial class Generated",
        "public static class Generated",
        "public partial class Generated",
        "public partial struct Generated",
        "public partial record Generated",
        "public static partial class Generated<T>",
        "public partial class Outer { public static partial class Generated",
        "public class Outer { public static partial class Generated",
    };

    private readonly ITestOutputHelper _output;

    public MutationFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void MutatedMethods_Always_ReportDiagnosticsOrGenerateCompilingCode()
    {
        var clock = Stopwatch.StartNew();
        var generator = new MethodGenerator(FuzzSettings.Stream(MethodStream));
        var mutator = new SourceMutator(FuzzSettings.Stream(MutationStream));
        var statistics = new FuzzStatistics();
        var failures = new List<string>();
        for (var i = 0; i < FuzzSettings.Count; i++)
        {
            var method = generator.Next("M" + i.ToString(CultureInfo.InvariantCulture));
            var (mutant, description) = mutator.Mutate(method.Source);
            var header = i % 10 == 0 ? Headers[(i / 10) % Headers.Length] : Headers[0];
            var source = File(header, mutant);
            var (failure, outcome) = Check(source, FuzzSettings.Stream(PointStream, i), statistics);
            statistics.Count(failure is null ? outcome : "FAILED: " + outcome);
            if (failure is not null)
            {
                failures.Add("mutant " + i + " (" + description + "): " + failure + "\n" + source);
            }
        }

        _output.WriteLine("seed " + FuzzSettings.Seed + ", " + FuzzSettings.Count + " mutants, " + clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s");
        _output.WriteLine(statistics.ToString());
        Assert.True(failures.Count == 0, failures.Count + " failures (seed " + FuzzSettings.Seed + "):\n\n" + string.Join("\n\n", failures.Take(10)));
    }

    private static string File(string header, string method)
        => "using System;\nusing System.Threading.Tasks;\nusing SymDiff;\n\nnamespace Fuzz;\n\n" + header + "\n{\n"
            + "    public static double Field = 1.5;\n    public static double Property => 2.0;\n    public const double Scale = 2.0;\n"
            + "    public static double Helper(double a) => 2.0 * a;\n\n" + method + "}\n" + (header.Contains("Outer", StringComparison.Ordinal) ? "}\n" : "");

    /// <summary>Runs one mutant: why it breaks the property (or null), and what happened to it.</summary>
    private static (string? Failure, string Outcome) Check(string source, Random random, FuzzStatistics statistics)
    {
        using var build = FuzzBuild.Of(source, checkInput: true);
        if (build.Run.Result.Exception is { } exception)
        {
            return ("the generator threw " + exception, "generator threw");
        }

        var generatorDiagnostics = build.GeneratorDiagnostics.ToList();
        foreach (var diagnostic in generatorDiagnostics)
        {
            if (diagnostic.Id is "CS8785" or "SD2999" || !diagnostic.Id.StartsWith("SD", StringComparison.Ordinal))
            {
                return ("the generator reported " + diagnostic, diagnostic.Id);
            }

            // SD2010 (a derivative too large to emit) is found after the method was read, so it names the method instead.
            if (diagnostic.Severity != DiagnosticSeverity.Error || (!diagnostic.Location.IsInSource && diagnostic.Id != "SD2010"))
            {
                return ("a SymDiff diagnostic must be an error located in the source: " + diagnostic, "misplaced diagnostic");
            }
        }

        if (build.InputErrors.Count > 0)
        {
            return (null, "input does not compile" + (generatorDiagnostics.Count > 0 ? ", SymDiff reported " + Ids(generatorDiagnostics) : ""));
        }

        var problems = build.GeneratedCodeProblems.ToList();
        if (problems.Count > 0)
        {
            return ("the generated code does not compile cleanly: " + string.Join("; ", problems), "generated code does not compile");
        }

        var generated = string.Concat(build.Run.Result.GeneratedSources.Select(s => s.SourceText.ToString()));
        var methods = AttributedMethods(build.Run.Input).ToList();
        var members = methods.Where(m => !m.IsLocalFunction).Select(m => m.Name).ToList();
        if (generatorDiagnostics.Count > 0)
        {
            return (null, "SymDiff reported " + Ids(generatorDiagnostics));
        }

        foreach (var (name, isLocalFunction) in methods)
        {
            if (!generated.Contains(" " + name + "Gradient(", StringComparison.Ordinal))
            {
                return ("no diagnostic, but no " + name + "Gradient was generated", "silently skipped");
            }
        }

        if (build.Assembly is null)
        {
            return ("the output does not compile: " + string.Join("; ", build.OutputDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)), "output does not compile");
        }

        var type = build.Assembly.Assembly.GetTypes().SingleOrDefault(t => !t.IsGenericTypeDefinition && t.Name == "Generated");
        var declarations = build.Run.Input.SyntaxTrees.Single().GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
            .Where(m => members.Count == 1 && m.Identifier.ValueText == members[0])
            .ToList();
        if (type is null || declarations.Count != 1)
        {
            return (null, "generated and compiled");
        }

        statistics.Methods++;
        var model = build.Run.Input.GetSemanticModel(declarations[0].SyntaxTree);
        try
        {
            return (GradientChecker.Check(type, members[0], declarations[0], random, PointsPerMutant, statistics, model), "generated, compiled and checked numerically");
        }
        catch (NotSupportedException)
        {
            // A mutant the generator now differentiates (a loop) but the reference interpreter does not run.
            return (null, "generated and compiled; not checked numerically (the reference interpreter does not run loops)");
        }
    }

    private static string Ids(IEnumerable<Diagnostic> diagnostics) => string.Join("+", diagnostics.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal));

    /// <summary>The names of the methods (and local functions) the source marks [Differentiable].</summary>
    private static IEnumerable<(string Name, bool IsLocalFunction)> AttributedMethods(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var attribute in tree.GetRoot().DescendantNodes().OfType<AttributeSyntax>())
            {
                if (model.GetSymbolInfo(attribute).Symbol?.ContainingType.ToDisplayString() != "SymDiff.DifferentiableAttribute")
                {
                    continue;
                }

                switch (attribute.Parent?.Parent)
                {
                    case MethodDeclarationSyntax method:
                        yield return (method.Identifier.ValueText, false);
                        break;
                    case LocalFunctionStatementSyntax local:
                        yield return (local.Identifier.ValueText, true);
                        break;
                }
            }
        }
    }
}
