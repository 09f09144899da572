namespace SymDiff.Generator.Tests.Census;

/// <summary>The statements wrapped around a sample in each context.</summary>
internal static class CensusContext
{
    public static IReadOnlyList<CensusContexts> Each { get; } = new[] { CensusContexts.TopLevel, CensusContexts.InBranch, CensusContexts.InLoop, CensusContexts.InNestedLoop };

    public static (string Open, string Close) Around(CensusContexts context) => context switch
    {
        CensusContexts.TopLevel => ("", ""),
        CensusContexts.InBranch => ("if (x > 0)\n{\n", "}\n"),
        CensusContexts.InLoop => ("for (int i = 0; i < 3; i++)\n{\n", "}\n"),
        CensusContexts.InNestedLoop => ("for (int i = 0; i < 3; i++)\n{\nfor (int j = 0; j < 2; j++)\n{\n", "}\n}\n"),
        _ => throw new ArgumentOutOfRangeException(nameof(context)),
    };

    public static string Describe(CensusContexts context) => context switch
    {
        CensusContexts.TopLevel => "at the top level",
        CensusContexts.InBranch => "inside an if",
        CensusContexts.InLoop => "inside a loop",
        CensusContexts.InNestedLoop => "inside a nested loop",
        _ => context.ToString(),
    };
}
