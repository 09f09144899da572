using SymDiff.Generator.Differentiation;
using SymDiff.Generator.Model;

namespace SymDiff.Generator.Tests.Unit;

/// <summary>An exception inside the generator becomes SD2999, never an escaped exception (CS8785).</summary>
public sealed class InternalErrorTests
{
    private static readonly ContainingTypeModel Type = new("Samples", new[] { new TypeHeaderModel("class", "C", "", true) }.ToEquatableArray());

    private static MethodModel Method(params StatementModel[] body)
        => new(Type, "F", "public", new[] { "x" }.ToEquatableArray(), body.ToEquatableArray());

    [Fact]
    public void DeriveOfMalformedModel_ReturnsFailureInsteadOfThrowing()
    {
        var method = Method(new ReturnStatementModel(new VariableExpressionModel("notDeclared")));
        var derived = MethodDeriver.Derive(method, CancellationToken.None);
        Assert.NotNull(derived.Failure);
        Assert.Contains("notDeclared", derived.Failure);
    }

    [Fact]
    public void DerivationFailure_IsReportedAsSD2999AndOtherMethodsStillEmit()
    {
        var bad = MethodDeriver.Derive(Method(new ReturnStatementModel(new VariableExpressionModel("notDeclared"))), CancellationToken.None);
        var good = MethodDeriver.Derive(Method(new ReturnStatementModel(new VariableExpressionModel("x"))) with { Name = "G" }, CancellationToken.None);
        var type = new TypeOutputModel(Type, new[] { bad, good }.ToEquatableArray());

        Assert.True(DifferentiableGenerator.TryEmit(type, CancellationToken.None, out var source, out var failures));
        var failure = Assert.Single(failures);
        Assert.Equal("SD2999", failure.Id);
        Assert.Contains("Samples.C.F", failure.GetMessage());
        Assert.Contains("GGradient(", source);
        Assert.DoesNotContain("FGradient(", source);
    }

    [Fact]
    public void EmitterException_IsReportedAsSD2999()
    {
        var good = MethodDeriver.Derive(Method(new ReturnStatementModel(new VariableExpressionModel("x"))), CancellationToken.None);
        var corrupt = good with { Gradient = good.Gradient! with { Values = new[] { 99 }.ToEquatableArray() } };
        var type = new TypeOutputModel(Type, new[] { corrupt }.ToEquatableArray());

        Assert.False(DifferentiableGenerator.TryEmit(type, CancellationToken.None, out var source, out var failures));
        Assert.Null(source);
        Assert.Equal("SD2999", Assert.Single(failures).Id);
    }

    [Fact]
    public void ParserFailure_BecomesSD2999AtTheMethodName()
    {
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class C { static double F(double x) => x; }");
        var method = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().Single();
        var result = Parsing.MethodParser.Failure(method, new InvalidOperationException("boom"));
        Assert.Null(result.Model);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SD2999", diagnostic.Id);
        Assert.Equal(method.Identifier.Span, diagnostic.Location.SourceSpan);
        Assert.Contains("boom", diagnostic.GetMessage());
    }

    [Fact]
    public void Cancellation_IsNotSwallowed()
    {
        var method = Method(new ReturnStatementModel(new VariableExpressionModel("x")));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => MethodDeriver.Derive(method, cancelled.Token));
    }
}
