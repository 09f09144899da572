using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>
/// The forms users write that SymDiff refuses today (<see cref="InjectedForm"/>), injected into random scalar and
/// span methods at the top level, in a branch, in a loop and in a nested loop (<see cref="FormInjector"/>): each must
/// give a SymDiff error located in the form, or values and derivatives that match the references
/// (<see cref="InjectedBatch"/>). A build that succeeds with a wrong number fails.
/// </summary>
public sealed class RefusedFormFuzzTests
{
    private const int BatchSize = 20;
    private const int MethodStream = 21;
    private const int SpanMethodStream = 22;
    private const int InjectionStream = 23;

    private static readonly InjectedForm[] Supported = { InjectedForm.AscendingFor, InjectedForm.IfElse };
    private static readonly InjectedForm[] Refused = Enum.GetValues<InjectedForm>().Except(Supported).ToArray();
    private static readonly FormContext[] Contexts = Enum.GetValues<FormContext>();

    private readonly ITestOutputHelper _output;

    public RefusedFormFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void RefusedForms_InEveryContext_ReportLocatedErrorsOrMatchDifferences()
    {
        var (tally, _) = Run(Refused, FuzzSettings.Count);

        // Each form in each context, in a scalar and in a span method, once the run is long enough to cycle through them.
        if (FuzzSettings.Count >= 2 * Refused.Length * Contexts.Length)
        {
            var missing = Refused.SelectMany(f => Contexts.Where(c => !tally.Exercised(f, c)).Select(c => f + " in " + c)).ToList();
            Assert.True(missing.Count == 0, "not exercised: " + string.Join(", ", missing));
        }
    }

    /// <summary>
    /// The numeric path, shown to work: forms supported today, injected the same way, are differentiated and checked
    /// (but where C# or SymDiff refuses them, as a loop inside an if).
    /// </summary>
    [Fact]
    public void SupportedForms_InjectedTheSameWay_AreCheckedNumerically()
    {
        var (tally, statistics) = Run(Supported, Math.Max(2 * Supported.Length * Contexts.Length, FuzzSettings.Count / 12));
        Assert.True(tally.Total(InjectedBatch.Checked) >= statistics.Methods / 2, "too few methods checked numerically:\n" + tally.Table(Supported));
        Assert.True(statistics.PartialsCompared >= 10 * statistics.PartialsSkipped, statistics.ToString());
    }

    private (FormTally Tally, FuzzStatistics Statistics) Run(IReadOnlyList<InjectedForm> forms, int count)
    {
        var clock = Stopwatch.StartNew();
        var scalars = new MethodGenerator(FuzzSettings.Stream(MethodStream));
        var spans = new SpanMethodGenerator(FuzzSettings.Stream(SpanMethodStream));
        var random = FuzzSettings.Stream(InjectionStream);
        var injector = new FormInjector(random);
        var statistics = new FuzzStatistics();
        var tally = new FormTally();
        var failures = new List<string>();
        var batch = new InjectedBatch(statistics, tally, failures);
        var pairs = forms.Count * Contexts.Length;
        var methods = new List<InjectedMethod>();
        for (var i = 0; i < count; i++)
        {
            // Every form in every context, by turns; in a scalar and in a span method, by turns too.
            var pair = i % pairs;
            var isSpan = ((i / pairs) + i) % 2 == 1;
            var injected = new List<(InjectedForm, FormContext)> { (forms[pair / Contexts.Length], Contexts[pair % Contexts.Length]) };
            if (random.NextDouble() < 0.25)
            {
                injected.Add((forms[random.Next(forms.Count)], Contexts[random.Next(Contexts.Length)]));
            }

            var name = (isSpan ? "S" : "M") + i.ToString(CultureInfo.InvariantCulture);
            methods.Add(injector.Inject(isSpan ? spans.Next(name) : scalars.Next(name), isSpan, injected));
            foreach (var injection in methods[^1].Injections)
            {
                statistics.Count(injection.Existing || injection.Context == FormContext.TopLevel
                    ? "forms placed in the method's own statement lists"
                    : "forms placed in a branch or loops written around them");
            }

            if (methods.Count == BatchSize || i == count - 1)
            {
                batch.Check(methods, overflowChecks: i / BatchSize % 2 == 1);
                methods.Clear();
            }
        }

        _output.WriteLine("seed " + FuzzSettings.Seed + ", " + count + " methods, " + clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s");
        _output.WriteLine(statistics.ToString());
        _output.WriteLine(tally.Table(forms));
        Assert.True(failures.Count == 0, failures.Count + " failures (seed " + FuzzSettings.Seed + "):\n\n" + string.Join("\n\n", failures.Take(10)));
        return (tally, statistics);
    }
}
