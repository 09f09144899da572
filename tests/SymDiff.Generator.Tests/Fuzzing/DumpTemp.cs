namespace SymDiff.Generator.Tests.Fuzzing;
public sealed class DumpTemp
{
    [Fact]
    public void Dump()
    {
        var source = System.IO.File.ReadAllText("/tmp/dump-in.cs");
        using var build = FuzzBuild.Of(source);
        System.IO.File.WriteAllText("/tmp/dump-out.g.cs", string.Join("\n", build.Run.Result.GeneratedSources.Select(s => s.SourceText.ToString())));
        System.IO.File.WriteAllText("/tmp/dump-out.txt", string.Join("\n", build.GeneratorDiagnostics.Concat(build.GeneratedCodeProblems)));
    }
}
