using Microsoft.CodeAnalysis;

namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>Generated methods built together, a failing batch split so that each failure names one method.</summary>
internal static class FuzzBatch
{
    /// <summary>
    /// The build of <paramref name="methods"/> when it compiles without a problem in the generated code; otherwise null,
    /// after checking each method alone (<paramref name="checkAlone"/>) or, for one method, counting it: as too large
    /// to emit when SD2010 is all it got (not a failure), else as a failure with its diagnostics.
    /// </summary>
    public static FuzzBuild? Build(IReadOnlyList<FuzzMethod> methods, FuzzStatistics statistics, List<string> failures, Action<FuzzMethod> checkAlone, bool overflowChecks = false)
    {
        var build = FuzzBuild.Of(DifferentialFuzzTests.File(methods), overflowChecks: overflowChecks);
        var problems = build.GeneratorDiagnostics.Concat(build.GeneratedCodeProblems).ToList();
        if (build.Assembly is not null && problems.Count == 0)
        {
            return build;
        }

        build.Dispose();
        if (methods.Count > 1)
        {
            foreach (var method in methods)
            {
                checkAlone(method);
            }

            return null;
        }

        statistics.Methods++;
        if (problems.Count > 0 && problems.All(p => p.Id == "SD2010"))
        {
            // A mode left out as too large (branches multiplying the paths): counted, not checked.
            statistics.TooLarge++;
            return null;
        }

        statistics.Failures++;
        var errors = problems.Concat(build.OutputDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)).Distinct();
        failures.Add(methods[0].Name + ": " + string.Join("; ", errors) + "\n" + methods[0].Source);
        return null;
    }
}
