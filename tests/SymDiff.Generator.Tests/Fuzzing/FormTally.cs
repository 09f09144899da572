using System.Globalization;
using System.Text;

namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>What happened to each injected form in each context: which diagnostics, checked numerically, failed.</summary>
internal sealed class FormTally
{
    private static readonly FormContext[] Contexts = Enum.GetValues<FormContext>();

    private readonly Dictionary<(InjectedForm, FormContext), SortedDictionary<string, int>> _outcomes = new();

    public void Count(Injection injection, string outcome)
    {
        var key = (injection.Form, injection.Context);
        if (!_outcomes.TryGetValue(key, out var counts))
        {
            _outcomes[key] = counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        }

        counts[outcome] = counts.TryGetValue(outcome, out var n) ? n + 1 : 1;
    }

    public bool Exercised(InjectedForm form, FormContext context) => _outcomes.ContainsKey((form, context));

    /// <summary>How many injections had <paramref name="outcome"/>, over every form and context.</summary>
    public int Total(string outcome) => _outcomes.Values.Sum(c => c.TryGetValue(outcome, out var n) ? n : 0);

    /// <summary>A row per form (its outcomes in each context), then the totals per context.</summary>
    public string Table(IEnumerable<InjectedForm> forms)
    {
        var text = new StringBuilder();
        foreach (var form in forms)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {form,-17}");
            text.AppendLine(string.Join(" | ", Contexts.Select(c => Name(c) + ": " + Describe(_outcomes.GetValueOrDefault((form, c))))));
        }

        foreach (var context in Contexts)
        {
            var total = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var ((_, c), counts) in _outcomes.Where(o => o.Key.Item2 == context))
            {
                foreach (var (outcome, n) in counts)
                {
                    total[outcome] = total.GetValueOrDefault(outcome) + n;
                }
            }

            text.AppendLine("  all forms, " + Name(context) + ": " + Describe(total));
        }

        return text.ToString();
    }

    private static string Describe(SortedDictionary<string, int>? counts)
        => counts is null ? "none" : string.Join(", ", counts.Select(c => c.Value.ToString(CultureInfo.InvariantCulture) + " " + c.Key));

    private static string Name(FormContext context) => context switch
    {
        FormContext.TopLevel => "top level",
        FormContext.Branch => "branch",
        FormContext.Loop => "loop",
        _ => "nested loop",
    };
}
