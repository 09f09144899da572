using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SymDiff.Generator;

namespace SymDiff.CodeFixes.Tests.Infrastructure;

/// <summary>
/// A code fix test whose SD diagnostics come from the real generator. SymDiff reports them from its source
/// generator, not from a DiagnosticAnalyzer; Microsoft.CodeAnalysis.Testing 1.1.4 runs the generators that
/// <see cref="GetSourceGenerators"/> names on each compilation and adds their diagnostics to those it checks and
/// fixes, so the analyzer is the framework's <see cref="EmptyDiagnosticAnalyzer"/> and no SD diagnostic is faked.
/// </summary>
internal sealed class GeneratorCodeFixTest<TCodeFix> : CSharpCodeFixTest<EmptyDiagnosticAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    public GeneratorCodeFixTest()
    {
        ReferenceAssemblies = TestReferences.None;
        TestState.AdditionalReferences.AddRange(TestReferences.Assemblies);

        // The generated gradients are the generator tests' business (snapshots there); here they only have to compile.
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
    }

    protected override IEnumerable<Type> GetSourceGenerators() => new[] { typeof(DifferentiableGenerator) };
}
