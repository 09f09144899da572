using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;

namespace SymDiff.Generator.Tests.Infrastructure;

/// <summary>
/// With <c>SYMDIFF_DUMP_GENERATED=&lt;folder&gt;</c>, every generator run of the tests writes what it generated there,
/// one file per input named by the input's hash: the byte-for-byte oracle of a refactoring of the emitter
/// (dump before, dump after, compare the folders).
/// </summary>
internal static class GeneratedCodeDump
{
    private static readonly string? Folder = Environment.GetEnvironmentVariable("SYMDIFF_DUMP_GENERATED");

    public static void Write(Compilation input, GeneratorRunResult result)
    {
        if (string.IsNullOrEmpty(Folder))
        {
            return;
        }

        var source = string.Join("\n", input.SyntaxTrees.Select(t => t.ToString()));
        var name = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..16];
        var text = new StringBuilder();
        foreach (var generated in result.GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            text.Append("//// ").Append(generated.HintName).Append('\n').Append(generated.SourceText);
        }

        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, name + ".txt"), text.ToString());
    }
}
