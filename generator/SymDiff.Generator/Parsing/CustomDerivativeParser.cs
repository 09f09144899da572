using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SymDiff.Generator.Diagnostics;

namespace SymDiff.Generator.Parsing;

/// <summary>
/// Reads a <c>[DerivativeOf(typeof(T), nameof(T.F))]</c> method: finds the overload of <c>T.F</c> it
/// matches and which of the three shapes it has, or reports why it matches none.
/// </summary>
internal static class CustomDerivativeParser
{
    public static (ImmutableArray<CustomDerivativeModel> Models, ImmutableArray<Diagnostic> Diagnostics) Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var syntax = (MethodDeclarationSyntax)context.TargetNode;
        var derivative = (IMethodSymbol)context.TargetSymbol;
        var models = ImmutableArray.CreateBuilder<CustomDerivativeModel>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        try
        {
            foreach (var attribute in context.Attributes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var location = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? syntax.Identifier.GetLocation();
                if (attribute.ConstructorArguments.Length != 2
                    || attribute.ConstructorArguments[0].Value is not INamedTypeSymbol type
                    || attribute.ConstructorArguments[1].Value is not string name)
                {
                    continue;
                }

                var targets = type.GetMembers(name).OfType<IMethodSymbol>().Where(BodyParser.IsDoubleFunction).ToList();
                if (targets.Count == 0)
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.CustomDerivativeTargetNotFound, location, type.ToDisplayString(), name));
                    continue;
                }

                if (IsBuiltIn(type, name, targets))
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.CustomDerivativeOfBuiltInFunction, location, type.ToDisplayString() + "." + name));
                    continue;
                }

                var match = targets.Select(t => (Target: t, Form: FormOf(derivative, t.Parameters.Length))).FirstOrDefault(m => m.Form is not null);
                if (match.Target is null || derivative.DeclaredAccessibility == Accessibility.Private && !SymbolEqualityComparer.Default.Equals(derivative.ContainingType, match.Target.ContainingType))
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.CustomDerivativeSignatureMismatch, syntax.Identifier.GetLocation(), derivative.Name, type.ToDisplayString() + "." + name));
                    continue;
                }

                var value = match.Target.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + match.Target.Name;
                var method = derivative.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + derivative.Name;
                models.Add(new CustomDerivativeModel(CalleeModel.KeyOf(value, match.Target.Parameters.Length), match.Form!.Value, method));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InternalError, syntax.Identifier.GetLocation(), derivative.Name, e.GetType().Name + ": " + e.Message));
        }

        return (models.ToImmutable(), diagnostics.ToImmutable());
    }

    /// <summary>Whether SymDiff differentiates <c>type.name</c> with a rule of its own (<c>Math.Sin</c>, <c>double.Exp</c>, ...).</summary>
    private static bool IsBuiltIn(INamedTypeSymbol type, string name, System.Collections.Generic.List<IMethodSymbol> targets)
        => (type.SpecialType is SpecialType.System_Double or SpecialType.System_Single
                || type.Name is "Math" or "MathF" && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true })
            && targets.Any(t => OperationTable.TryGetMathFunction(name, t.Parameters.Length, out _));

    /// <summary>The shape of <paramref name="derivative"/> for a function of <paramref name="arity"/> doubles, or null.</summary>
    private static CallForm? FormOf(IMethodSymbol derivative, int arity)
    {
        var parameters = derivative.Parameters;
        bool ValuesFirst() => parameters.Take(arity).All(p => p.Type.SpecialType == SpecialType.System_Double && p.RefKind == RefKind.None);
        bool Tail(int start, RefKind kind) => parameters.Skip(start).All(p => p.Type.SpecialType == SpecialType.System_Double && p.RefKind == kind);

        if (!derivative.IsStatic || derivative.IsGenericMethod)
        {
            return null;
        }

        var returnsDouble = derivative.ReturnType.SpecialType == SpecialType.System_Double && !derivative.ReturnsByRef;
        if (returnsDouble && arity == 1 && parameters.Length == 1 && ValuesFirst())
        {
            return CallForm.Derivative;
        }

        if (returnsDouble && parameters.Length == 2 * arity && ValuesFirst() && Tail(arity, RefKind.Out))
        {
            return CallForm.Gradient;
        }

        if (derivative.ReturnsVoid && parameters.Length == 2 * arity + 1 && ValuesFirst()
            && parameters[arity].Type.SpecialType == SpecialType.System_Double && parameters[arity].RefKind == RefKind.None
            && Tail(arity + 1, RefKind.Ref))
        {
            return CallForm.Pullback;
        }

        return null;
    }
}
