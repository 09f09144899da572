using System.Globalization;

namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>What a fuzzing run did: how much was compared, how much was skipped and why.</summary>
internal sealed class FuzzStatistics
{
    private readonly SortedDictionary<string, int> _outcomes = new(StringComparer.Ordinal);

    public int Methods { get; set; }

    public int Points { get; set; }

    /// <summary>Points where the function's value was NaN or ±∞ (or it threw): nothing to compare.</summary>
    public int NonFinitePoints { get; set; }

    public int ValuesCompared { get; set; }

    public int PartialsCompared { get; set; }

    /// <summary>Partials whose numerical reference was not trustworthy (kink, jump, pole, rounding).</summary>
    public int PartialsSkipped { get; set; }

    public int Failures { get; set; }

    /// <summary>Methods with a mode left out as too large to emit (SD2010): not checked.</summary>
    public int TooLarge { get; set; }

    /// <summary>Counts one more occurrence of a named outcome (for mutants: which diagnostic, which error).</summary>
    public void Count(string outcome) => _outcomes[outcome] = _outcomes.TryGetValue(outcome, out var n) ? n + 1 : 1;

    public override string ToString()
    {
        var lines = new List<string>
        {
            string.Format(
                CultureInfo.InvariantCulture,
                "methods {0}, points {1} ({2} with a non-finite value), values compared {3}, partials compared {4}, partials skipped {5} ({6:P1}), failures {7}, too large to emit (SD2010) {8}",
                Methods,
                Points,
                NonFinitePoints,
                ValuesCompared,
                PartialsCompared,
                PartialsSkipped,
                PartialsCompared + PartialsSkipped == 0 ? 0.0 : (double)PartialsSkipped / (PartialsCompared + PartialsSkipped),
                Failures,
                TooLarge),
        };
        lines.AddRange(_outcomes.Select(o => string.Format(CultureInfo.InvariantCulture, "  {0,6}  {1}", o.Value, o.Key)));
        return string.Join("\n", lines);
    }
}
