using SymDiff.Generator.Tests.Infrastructure;

namespace SymDiff.Generator.Tests.Structure;

/// <summary>
/// The generator's shape, as the loop-IR issue fixes it: only Parsing/ parses C# text, and nothing runs a regex or
/// splits on spaces (the names a piece of generated code reads are known from how it was built); text is written
/// by appending, never inserted into; no file is over 600 lines.
/// </summary>
public sealed class GeneratorStructureTests
{
    private static readonly string Root = Path.Combine(RepositoryPaths.Root(), "generator", "SymDiff.Generator");

    [Fact]
    public void OnlyParsing_ParsesCSharpText()
    {
        var offenders = SourceFiles()
            .Where(f => !f.StartsWith("Parsing/", StringComparison.Ordinal))
            .Where(f => Text(f).Contains("SyntaxFactory.Parse", StringComparison.Ordinal) || Text(f).Contains("Split(' ')", StringComparison.Ordinal)
                || Text(f).Contains("Regex", StringComparison.Ordinal))
            .ToList();
        Assert.True(offenders.Count == 0, "C# text parsed outside Parsing/: " + string.Join(", ", offenders));
    }

    [Fact]
    public void TheWriterOfText_OnlyAppends_AndThePrinterWalksTheLoweredProgram()
    {
        var writer = Text("Emitting/SourceWriter.cs");
        Assert.DoesNotContain("Insert(", writer, StringComparison.Ordinal);
        Assert.DoesNotContain("Mark(", writer, StringComparison.Ordinal);
        var offenders = SourceFiles().Where(f => Text(f).Contains(".Insert(", StringComparison.Ordinal) && Text(f).Contains("SourceWriter", StringComparison.Ordinal)).ToList();
        Assert.True(offenders.Count == 0, "Text inserted into written code: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Files_StayUnderSixHundredLines()
    {
        var lengths = SourceFiles().ToDictionary(f => f, f => File.ReadAllLines(Path.Combine(Root, f)).Length);
        var tooLong = lengths.Where(p => p.Value > 600).Select(p => p.Key + " (" + p.Value + ")").ToList();
        Assert.True(tooLong.Count == 0, "Over 600 lines: " + string.Join(", ", tooLong));
    }

    private static IEnumerable<string> SourceFiles()
        => Directory.EnumerateFiles(Root, "*.cs", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/'))
            .Where(p => !p.StartsWith("obj/", StringComparison.Ordinal) && !p.StartsWith("bin/", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal);

    private static string Text(string file) => File.ReadAllText(Path.Combine(Root, file));
}
