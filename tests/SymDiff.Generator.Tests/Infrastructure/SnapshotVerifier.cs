using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace SymDiff.Generator.Tests.Infrastructure;

/// <summary>
/// Verify's file convention without Verify: <c>Snapshots/{Class}.{Method}#{Hint}.verified.cs</c> is
/// committed; a mismatch writes <c>.received.cs</c> beside it and fails with a diff. Accept a change by
/// renaming received to verified after reading it. CI never accepts.
/// </summary>
internal static class SnapshotVerifier
{
    public static void Verify(GeneratorRun run, [CallerFilePath] string callerFile = "", [CallerMemberName] string method = "")
    {
        var testClass = Path.GetFileNameWithoutExtension(callerFile);
        var directory = Path.GetDirectoryName(callerFile)!;
        Assert.NotEmpty(run.Result.GeneratedSources);
        foreach (var generated in run.Result.GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            var stem = Path.Combine(directory, testClass + "." + method + "#" + generated.HintName.Replace(".cs", ""));
            Compare(Scrub(generated.SourceText.ToString()), stem + ".verified.cs", stem + ".received.cs");
        }
    }

    /// <summary>
    /// The optimization remarks of a snapshot's source, one per line, in <c>Snapshots/{Class}.{Method}.remarks.verified.txt</c>:
    /// an optimization that stops firing on its example (or starts firing elsewhere) fails here. A source with no remark has
    /// no file.
    /// </summary>
    public static void VerifyRemarks(IReadOnlyList<string> remarks, [CallerFilePath] string callerFile = "", [CallerMemberName] string method = "")
    {
        var stem = Path.Combine(Path.GetDirectoryName(callerFile)!, Path.GetFileNameWithoutExtension(callerFile) + "." + method + ".remarks");
        if (remarks.Count == 0 && !File.Exists(stem + ".verified.txt"))
        {
            return;
        }

        Compare(string.Concat(remarks.Select(r => r + "\n")), stem + ".verified.txt", stem + ".received.txt");
    }

    private static void Compare(string actual, string verifiedPath, string receivedPath)
    {
        var expected = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath) : null;
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        var message = expected is null
            ? "New snapshot " + Path.GetFileName(receivedPath) + ": review it and rename it to .verified.cs."
            : "Snapshot " + Path.GetFileName(verifiedPath) + " differs (received file written):\n" + Diff(expected, actual);
        Assert.Fail(message);
    }

    /// <summary>The generator's version changes with every release; snapshots should not.</summary>
    private static string Scrub(string source)
        => Regex.Replace(source, "GeneratedCode\\(\"SymDiff.Generator\", \"[^\"]*\"\\)", "GeneratedCode(\"SymDiff.Generator\", \"{version}\")");

    private static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var text = new StringBuilder();
        var shown = 0;
        for (var i = 0; i < Math.Max(a.Length, b.Length) && shown < 20; i++)
        {
            var left = i < a.Length ? a[i] : "<end>";
            var right = i < b.Length ? b[i] : "<end>";
            if (left != right)
            {
                text.AppendLine($"line {i + 1}:\n  - {left}\n  + {right}");
                shown++;
            }
        }

        return text.ToString();
    }
}
