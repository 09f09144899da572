using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SymDiff.Generator.Diagnostics;
using SymDiff.Generator.Differentiation;
using SymDiff.Generator.Emitting;
using SymDiff.Generator.Parsing;

namespace SymDiff.Generator;

/// <summary>
/// Adds <c>NameGradient</c> to the partial type of every <c>[SymDiff.Differentiable]</c> method:
/// Select → Parse → Derive → group by type → Emit. Each stage is a pure static function.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class DifferentiableGenerator : IIncrementalGenerator
{
    private const string AttributeName = "SymDiff.DifferentiableAttribute";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider.ForAttributeWithMetadataName(
            AttributeName,
            static (node, _) => node is MethodDeclarationSyntax or LocalFunctionStatementSyntax,
            MethodParser.Parse);

        var diagnostics = parsed
            .SelectMany(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (production, diagnostic) => production.ReportDiagnostic(diagnostic));

        var customParsed = context.SyntaxProvider.ForAttributeWithMetadataName(
            "SymDiff.DerivativeOfAttribute",
            static (node, _) => node is MethodDeclarationSyntax,
            CustomDerivativeParser.Parse);
        context.RegisterSourceOutput(
            customParsed.SelectMany(static (result, _) => result.Diagnostics),
            static (production, diagnostic) => production.ReportDiagnostic(diagnostic));
        var customDerivatives = customParsed
            .SelectMany(static (result, _) => result.Models)
            .Collect()
            .Select(static (models, _) => models.OrderBy(m => m.Key, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.CustomDerivatives);

        // A call to a function without a derivative is an error only once no [DerivativeOf] covers it.
        var pending = parsed
            .SelectMany(static (result, _) => result.Pending.IsDefault ? ImmutableArray<PendingDiagnostic>.Empty : result.Pending)
            .Combine(customDerivatives)
            .Where(static pair => !pair.Right.Any(c => c.Key == pair.Left.Key))
            .Select(static (pair, _) => pair.Left.Diagnostic)
            .WithTrackingName(TrackingNames.PendingDiagnostics);
        ReportLocated(context, pending);

        // Recursion through other methods: the call graph of the whole compilation.
        var edges = parsed
            .SelectMany(static (result, _) => result.Edges.IsDefault ? ImmutableArray<CallEdge>.Empty : result.Edges)
            .Collect();
        var cyclic = edges
            .Select(static (all, _) => Recursion.Cyclic(all))
            .WithTrackingName(TrackingNames.Recursion);
        var recursive = edges
            .Combine(cyclic)
            .SelectMany(static (pair, _) => pair.Left.Where(e => pair.Right.Contains(e.Caller) && pair.Right.Contains(e.Callee)).Select(e => e.IfRecursive))
            .WithTrackingName(TrackingNames.RecursionDiagnostics);
        ReportLocated(context, recursive);
        var affected = edges
            .Combine(cyclic)
            .Select(static (pair, _) => Recursion.Affected(pair.Left, pair.Right));

        var methods = parsed
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .WithTrackingName(TrackingNames.MethodModels);

        var derivatives = methods
            .Combine(customDerivatives)
            .Combine(affected)
            .Select(static (pair, cancellationToken) => pair.Right.Contains(pair.Left.Left.Key)
                ? MethodDeriver.Skipped(pair.Left.Left)
                : MethodDeriver.Derive(pair.Left.Left, pair.Left.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Derivatives);

        var types = derivatives
            .Collect()
            .SelectMany(TypeGrouping.Group)
            .WithTrackingName(TrackingNames.TypeModels);

        context.RegisterSourceOutput(types, Emit);
    }

    /// <summary>
    /// Reports diagnostics that travelled as values, located again in the compilation's tree of their path. Only
    /// this last step reads the compilation: it runs on every change, over the few diagnostics there are.
    /// </summary>
    private static void ReportLocated(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<DiagnosticInfo> diagnostics)
        => context.RegisterSourceOutput(
            diagnostics.Collect().Combine(context.CompilationProvider),
            static (production, pair) =>
            {
                foreach (var diagnostic in pair.Left)
                {
                    production.ReportDiagnostic(diagnostic.ToDiagnostic(pair.Right));
                }
            });

    private static void Emit(SourceProductionContext production, TypeOutputModel type)
    {
        var remarks = new System.Collections.Generic.List<OptimizationRemark>();
        bool emitted;
        string? source;
        System.Collections.Generic.List<Diagnostic> failures;
        using (OptimizationRemarks.Collect(remarks))
        {
            emitted = TryEmit(type, production.CancellationToken, out source, out failures);
        }

        if (emitted)
        {
            production.AddSource(TypeEmitter.HintName(type.Type), source!);
            foreach (var remark in OptimizationRemarks.InPipelineOrder(remarks))
            {
                production.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.OptimizationApplied, Location.None, type.Type.QualifiedName + "." + remark.Member, remark.Pass, remark.Detail));
            }
        }

        foreach (var failure in failures)
        {
            production.ReportDiagnostic(failure);
        }
    }

    /// <summary>Emits one type's file; any failure becomes an SD2999 diagnostic instead of an exception.</summary>
    internal static bool TryEmit(TypeOutputModel type, System.Threading.CancellationToken cancellationToken, out string? source, out System.Collections.Generic.List<Diagnostic> failures)
    {
        failures = new();
        foreach (var method in type.Methods)
        {
            if (method.Failure is not null)
            {
                failures.Add(InternalError(type, method.Method.Name, method.Failure));
            }

            foreach (var mode in method.TooLarge)
            {
                var consequence = mode == "Gradient" ? ", so the method gets no generated code at all" : "";
                failures.Add(Diagnostic.Create(DiagnosticDescriptors.DerivativeTooLarge, Location.None, type.Type.QualifiedName + "." + method.Method.Name, mode, MethodDeriver.MaxMethodNodes, consequence, method.Method.Name));
            }
        }

        try
        {
            source = TypeEmitter.Emit(type, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            failures.Add(InternalError(type, "*", e.GetType().Name + ": " + e.Message));
            source = null;
            return false;
        }
    }

    private static Diagnostic InternalError(TypeOutputModel type, string method, string message)
        => Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, type.Type.QualifiedName + "." + method, message);
}
