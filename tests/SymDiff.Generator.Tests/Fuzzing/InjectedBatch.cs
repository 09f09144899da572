using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>
/// Builds methods with injected forms together, as a real build does, and requires of each one of two outcomes:
/// SymDiff diagnostics, every one an error located in an injected form or at the method's signature; or none,
/// generated code that compiles without a warning, and values and derivatives that match the references
/// (<see cref="PointChecker"/>). Anything else is a failure naming the method: the generator threw or failed
/// (SD2999), a diagnostic elsewhere, generated code that does not compile, a wrong number.
/// </summary>
internal sealed class InjectedBatch
{
    public const string Checked = "checked numerically";

    private const int PointsPerMethod = 3;
    private const int PointStream = 24;

    private readonly FuzzStatistics _statistics;
    private readonly FormTally _tally;
    private readonly List<string> _failures;

    public InjectedBatch(FuzzStatistics statistics, FormTally tally, List<string> failures)
    {
        _statistics = statistics;
        _tally = tally;
        _failures = failures;
    }

    /// <summary>The file holding <paramref name="methods"/>, and the disposable struct the <c>using</c> form needs.</summary>
    public static string File(IEnumerable<FuzzMethod> methods)
        => DifferentialFuzzTests.File(methods) + "\npublic readonly struct FuzzScope : IDisposable\n{\n    public void Dispose()\n    {\n    }\n}\n";

    /// <param name="overflowChecks">Built as <c>&lt;CheckForOverflowUnderflow&gt;</c> builds are.</param>
    public void Check(IReadOnlyList<InjectedMethod> methods, bool overflowChecks)
    {
        var file = File(methods.Select(m => m.Method));
        using var build = FuzzBuild.Of(file, checkInput: true, overflowChecks: overflowChecks);
        var ranges = methods.ToDictionary(m => m, m => (Start: file.IndexOf(m.Method.Source, StringComparison.Ordinal), m.Method.Source.Length));
        var diagnostics = build.GeneratorDiagnostics.ToList();
        bool Within(Diagnostic d, (int Start, int Length) r) => d.Location.IsInSource && d.Location.SourceSpan.Start >= r.Start && d.Location.SourceSpan.End <= r.Start + r.Length;

        // SD2010 (a mode too large to emit) is found after the method was read: it has no location, and names the method.
        bool Own(Diagnostic d, InjectedMethod m) => Within(d, ranges[m])
            || (d.Id == "SD2010" && !d.Location.IsInSource && Regex.IsMatch(d.GetMessage(CultureInfo.InvariantCulture), @"\b" + m.Name + @"\b"));
        var problem = build.Run.Result.Exception is { } exception ? "the generator threw " + exception
            : build.InputErrors.Count > 0 ? "the injected source does not compile (a bug of the fuzzer): " + string.Join("; ", build.InputErrors)
            : build.GeneratedCodeProblems.Any() ? "the generated code does not compile cleanly: " + string.Join("; ", build.GeneratedCodeProblems)
            : build.Assembly is null ? "the output does not compile: " + string.Join("; ", build.OutputDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
            : diagnostics.FirstOrDefault(d => !methods.Any(m => Own(d, m))) is { } stray ? "a diagnostic outside the method: " + stray
            : null;
        if (problem is not null)
        {
            if (methods.Count > 1)
            {
                foreach (var method in methods)
                {
                    Check(new[] { method }, overflowChecks);
                }
            }
            else
            {
                Fail(methods[0], problem, "failed: " + (diagnostics.Any(d => d.Id == "SD2999") ? "SD2999" : "build"));
            }

            return;
        }

        var type = build.Assembly!.Assembly.GetType("Fuzz.Generated", throwOnError: true)!;
        var generated = string.Concat(build.Run.Result.GeneratedSources.Select(s => s.SourceText.ToString()));
        var accepted = new List<InjectedMethod>();
        foreach (var method in methods)
        {
            var own = diagnostics.Where(d => Own(d, method)).ToList();
            if (own.Count > 0)
            {
                Diagnosed(method, own, ranges[method].Start);
            }
            else if (!generated.Contains(" " + method.Name + "Gradient(", StringComparison.Ordinal))
            {
                Fail(method, "no diagnostic, but no " + method.Name + "Gradient was generated", "failed: silently skipped");
            }
            else if (method.IsSpan)
            {
                accepted.Add(method);
            }
            else
            {
                var syntax = TakenPathDerivative.Parse(method.Method.Source);
                Numeric(method, _ => new ScalarFunction(type, method.Name, syntax));
            }
        }

        if (accepted.Count > 0)
        {
            CheckSpans(accepted, overflowChecks);
        }
    }

    /// <summary>Span methods the generator accepted, built again with their array wrappers and checked.</summary>
    private void CheckSpans(List<InjectedMethod> methods, bool overflowChecks)
    {
        using var build = FuzzBuild.Of(File(methods.Select(m => m.WithWrappers)), overflowChecks: overflowChecks);
        if (build.Assembly is null)
        {
            foreach (var method in methods)
            {
                Fail(method, "accepted, but its wrappers do not compile: " + string.Join("; ", build.OutputDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)), "failed: build");
            }

            return;
        }

        var type = build.Assembly.Assembly.GetType("Fuzz.Generated", throwOnError: true)!;
        foreach (var method in methods)
        {
            Numeric(method, random => new SpanFunction(type, method.Name, random.Next(0, 6)));
        }
    }

    /// <summary>Every diagnostic an error in the source, in an injected form or at the signature.</summary>
    private void Diagnosed(InjectedMethod method, List<Diagnostic> diagnostics, int start)
    {
        _statistics.Methods++;
        var signature = method.Method.Source.IndexOf("\n    {\n", StringComparison.Ordinal);
        foreach (var diagnostic in diagnostics.Where(d => d.Location.IsInSource))
        {
            var span = diagnostic.Location.SourceSpan;
            var (from, to) = (span.Start - start, span.End - start);
            var inForm = method.Injections.Any(i => from >= i.Start && to <= i.End);
            if (!diagnostic.Id.StartsWith("SD", StringComparison.Ordinal) || diagnostic.Id == "SD2999" || diagnostic.Severity != DiagnosticSeverity.Error)
            {
                Fail(method, "the generator reported " + diagnostic, "failed: " + diagnostic.Id);
                return;
            }

            if (!inForm && to > signature)
            {
                Fail(method, "a diagnostic outside every injected form, at '" + method.Method.Source[from..to] + "': " + diagnostic, "failed: misplaced diagnostic");
                return;
            }
        }

        if (diagnostics.All(d => d.Id == "SD2010"))
        {
            // A mode left out as too large (branches multiplying the paths): counted, not checked, as FuzzBatch does.
            _statistics.TooLarge++;
            foreach (var injection in method.Injections)
            {
                _tally.Count(injection, "SD2010 (too large, not checked)");
            }

            return;
        }

        foreach (var injection in method.Injections)
        {
            var ids = diagnostics
                .Where(d => d.Location.SourceSpan.Start - start >= injection.Start && d.Location.SourceSpan.End - start <= injection.End)
                .Select(d => d.Id)
                .Distinct()
                .OrderBy(id => id, StringComparer.Ordinal)
                .ToList();
            _tally.Count(injection, ids.Count > 0 ? string.Join("+", ids) : "accepted, another form refused");
            if (injection.Form == InjectedForm.ReturnInLoop)
            {
                _statistics.Count("return in a loop at depth " + injection.LoopDepth.ToString(CultureInfo.InvariantCulture) + ": " + (ids.Count > 0 ? string.Join("+", ids) : "no diagnostic in it"));
            }
        }
    }

    /// <summary>Checks an accepted method at a few random points (a new function per point: a span method's size varies).</summary>
    private void Numeric(InjectedMethod method, Func<Random, FuzzFunction> function)
    {
        _statistics.Methods++;
        var random = FuzzSettings.Stream(PointStream, int.Parse(method.Name.AsSpan(1), CultureInfo.InvariantCulture));
        for (var k = 0; k < PointsPerMethod; k++)
        {
            string? failure;
            try
            {
                failure = PointChecker.Check(function(random), random, _statistics);
            }
            catch (InvalidOperationException e)
            {
                failure = e.Message;
            }

            if (failure is not null)
            {
                Fail(method, failure, "failed: wrong number");
                return;
            }
        }

        foreach (var injection in method.Injections)
        {
            _tally.Count(injection, Checked);
        }
    }

    private void Fail(InjectedMethod method, string failure, string outcome)
    {
        _statistics.Failures++;
        foreach (var injection in method.Injections)
        {
            _tally.Count(injection, outcome);
        }

        var forms = string.Join(", ", method.Injections.Select(i => i.Form + " in " + i.Context + (i.Existing ? " (the method's own)" : "") + " at depth " + i.LoopDepth));
        _failures.Add(method.Name + " (" + forms + "): " + failure + "\n" + method.Method.Source);
    }
}
