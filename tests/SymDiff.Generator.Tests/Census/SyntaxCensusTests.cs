using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace SymDiff.Generator.Tests.Census;

/// <summary>
/// The syntax census: every statement and expression form Roslyn has (read by reflection), in every
/// context, must get an explicit decision from the generator: a SymDiff diagnostic at the form, or code
/// whose numbers are right. A form let through silently, by a new case or a reordered one, fails here.
/// </summary>
public sealed class SyntaxCensusTests
{
    private readonly ITestOutputHelper _output;

    public SyntaxCensusTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void SyntaxForms_EveryStatementAndExpressionKind_HasACensusEntry()
    {
        Assert.Contains((typeof(Microsoft.CodeAnalysis.CSharp.Syntax.ReturnStatementSyntax), SyntaxKind.ReturnStatement), SyntaxForms.All);
        Assert.Contains((typeof(Microsoft.CodeAnalysis.CSharp.Syntax.BinaryExpressionSyntax), SyntaxKind.AddExpression), SyntaxForms.All);
        Assert.Equal(SyntaxForms.All.Count, SyntaxForms.All.Select(f => f.Kind).Distinct().Count());

        _output.WriteLine(SyntaxForms.All.Select(f => f.Type).Distinct().Count() + " syntax types, " + SyntaxForms.All.Count + " kinds; "
            + CensusTable.Entries.Count(e => e.IsSample) + " samples, " + CensusTable.Entries.Count(e => e.CoveredBy is not null) + " forms only nested in a sample, "
            + CensusTable.Entries.Count(e => !e.IsSample && e.CoveredBy is null) + " not in methods");
        var missing = SyntaxForms.All.Where(f => !CensusTable.Entries.Any(e => e.Kind == f.Kind)).Select(f => f.Type.Name + " " + f.Kind).ToList();
        Assert.True(missing.Count == 0, "Forms without a census entry (add a sample to CensusTable):\n" + string.Join("\n", missing));
        var unknown = CensusTable.Entries.Where(e => !SyntaxForms.TypeOf.ContainsKey(e.Kind)).Select(e => e.Name + ": " + e.Kind).ToList();
        Assert.True(unknown.Count == 0, "Entries for kinds that are no statement or expression:\n" + string.Join("\n", unknown));
    }

    [Fact]
    public void CensusEntries_Each_HoldTheFormTheyStandFor()
    {
        var names = CensusTable.Entries.GroupBy(e => e.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(names.Count == 0, "Entry names used twice: " + string.Join(", ", names));

        var problems = new List<string>();
        foreach (var entry in CensusTable.Entries)
        {
            var sample = entry.IsSample ? entry : CensusTable.Entries.SingleOrDefault(e => e.IsSample && e.Name == entry.CoveredBy);
            if (sample is null)
            {
                if (entry.CoveredBy is not null)
                {
                    problems.Add(entry.Name + ": no sample named '" + entry.CoveredBy + "'");
                }
                else if (string.IsNullOrEmpty(entry.Reason))
                {
                    problems.Add(entry.Name + ": an entry without a sample must say why");
                }

                continue;
            }

            var @case = new CensusCase(0, sample, CensusContexts.TopLevel);
            var tree = CSharpSyntaxTree.ParseText(@case.Source, Infrastructure.GeneratorHarness.ParseOptions);
            var nodes = tree.GetRoot().DescendantNodes(@case.SnippetSpan).Where(n => @case.SnippetSpan.Contains(n.Span)).ToList();
            if (!nodes.Any(n => n.IsKind(entry.Kind) && n.GetType() == SyntaxForms.TypeOf[entry.Kind]))
            {
                problems.Add(entry.Name + ": '" + sample.Snippet + "' holds no " + SyntaxForms.TypeOf[entry.Kind].Name + " of kind " + entry.Kind);
            }

            if (tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                problems.Add(entry.Name + ": '" + sample.Snippet + "' does not parse: " + string.Join("; ", tree.GetDiagnostics()));
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void CensusSamples_InEveryContext_AreDiagnosedOrCheckedNumerically()
    {
        var clock = Stopwatch.StartNew();
        // SYMDIFF_CENSUS_FILTER=overflow runs only the samples whose name holds "overflow", when looking into one.
        var filter = Environment.GetEnvironmentVariable("SYMDIFF_CENSUS_FILTER") ?? "";
        var cases = CensusTable.Entries.Where(e => e.IsSample && e.Name.Contains(filter, StringComparison.Ordinal))
            .SelectMany(e => CensusContext.Each.Select(c => (Entry: e, Context: c)))
            .Select((p, i) => new CensusCase(i, p.Entry, p.Context))
            .ToList();
        var run = CensusRun.Of(cases);

        _output.WriteLine(cases.Count + " cases (" + cases.Select(c => c.Entry).Distinct().Count() + " samples, " + CensusContext.Each.Count + " contexts), "
            + clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s");
        _output.WriteLine(run.Statistics.ToString());
        foreach (var sample in cases.GroupBy(c => c.Entry))
        {
            _output.WriteLine(sample.Key.Name + ": " + string.Join(" | ", sample.Select(c => run.Outcomes.TryGetValue(c, out var o) ? o : "?")));
        }

        Assert.True(run.Failures.Count == 0, run.Failures.Count + " census failures:\n\n" + string.Join("\n\n", run.Failures));
    }
}
