using System.Globalization;

namespace SymDiff.GradBench.Tests.Infrastructure;

/// <summary>GradBench's request lines, written the way its evals write them.</summary>
public static class Messages
{
    public static string Start(int id, string eval) => $$"""{"id":{{id}},"kind":"start","eval":"{{eval}}"}""";

    public static string Define(int id, string module) => $$"""{"id":{{id}},"kind":"define","module":"{{module}}"}""";

    public static string Evaluate(int id, string module, string function, string input) =>
        $$"""{"id":{{id}},"kind":"evaluate","module":"{{module}}","function":"{{function}}","input":{{input}}}""";

    public static string Analysis(int id, int of) => $$"""{"id":{{id}},"kind":"analysis","of":{{of}},"valid":true}""";

    /// <summary>An input object <c>{"x":[…],…,"min_runs":…,"min_seconds":…}</c>.</summary>
    public static string VectorInput(double[] x, string extra = "", int minRuns = 1, string minSeconds = "0") =>
        $$"""{"x":[{{string.Join(",", x.Select(Number))}}]{{extra}},"min_runs":{{minRuns}},"min_seconds":{{minSeconds}}}""";

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
