using System.Collections.Immutable;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SymDiff.Generator.Benchmarks;

/// <summary>
/// The generator's own cost: 500 [Differentiable] methods (50 files of 10) run cold through a new
/// driver, and one edit inside one method run through a warm driver (the incremental case an IDE sees
/// on every keystroke).
/// </summary>
[MemoryDiagnoser]
public class CompileTimeBenchmarks
{
    private const int Files = 50;
    private const int MethodsPerFile = 10;
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warm = null!;

    [GlobalSetup]
    public void Setup()
    {
        var trees = Enumerable.Range(0, Files).Select(f => CSharpSyntaxTree.ParseText(Source(f, edited: false), ParseOptions, "File" + f + ".cs")).ToList();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(DifferentiableAttribute).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        _compilation = CSharpCompilation.Create("Bench", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _edited = _compilation.ReplaceSyntaxTree(trees[7], CSharpSyntaxTree.ParseText(Source(7, edited: true), ParseOptions, "File7.cs"));

        _warm = NewDriver().RunGenerators(_compilation);
        var generated = _warm.GetRunResult();
        if (generated.Diagnostics.Length > 0 || generated.GeneratedTrees.Length != Files)
        {
            throw new InvalidOperationException("The benchmark's sources do not all generate: " + string.Join("; ", generated.Diagnostics));
        }
    }

    [Benchmark(Description = "500 methods, cold")]
    public GeneratorDriver Cold() => NewDriver().RunGenerators(_compilation);

    [Benchmark(Description = "one edit, incremental")]
    public GeneratorDriver Incremental() => _warm.RunGenerators(_edited);

    private static GeneratorDriver NewDriver()
        => CSharpGeneratorDriver.Create(new[] { new DifferentiableGenerator().AsSourceGenerator() }, parseOptions: ParseOptions);

    /// <summary>A file of ten varied methods: branches, locals, Math functions, calls between them.</summary>
    private static string Source(int file, bool edited)
    {
        var text = new StringBuilder("using System;\nusing SymDiff;\n\nnamespace Bench;\n\npublic static partial class Type" + file + "\n{\n");
        for (var m = 0; m < MethodsPerFile; m++)
        {
            var k = file * MethodsPerFile + m + (edited && m == 3 ? 1000 : 0);
            text.Append("    [Differentiable]\n    public static double M" + m + "(double x, double y, double z)\n    {\n");
            text.Append("        var a = x * y + " + k + ".5 * z;\n");
            text.Append("        var b = Math.Sin(a) * Math.Exp(-z * z) + Math.Log(1 + x * x);\n");
            text.Append("        if (a > " + (k % 7) + ")\n        {\n            b += Math.Sqrt(y * y + 1) / (1 + a * a);\n        }\n");
            text.Append("        else\n        {\n            b -= Math.Tanh(x - y) * Math.Pow(z, 3);\n        }\n");
            text.Append("        return b * b + Math.Atan2(y, 1 + x * x)" + (m > 0 ? " + M" + (m - 1) + "(y, z, x)" : "") + ";\n    }\n\n");
        }

        return text.Append("}\n").ToString();
    }
}
