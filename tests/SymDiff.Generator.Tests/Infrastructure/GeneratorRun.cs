using Microsoft.CodeAnalysis;

namespace SymDiff.Generator.Tests.Infrastructure;

internal sealed record GeneratorRun(GeneratorDriver Driver, Compilation Input, Compilation Output, GeneratorRunResult Result)
{
    /// <summary>The generated file for one type, by its hint name.</summary>
    public string Source(string hintName)
        => Result.GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();
}
