using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SymDiff.Generator.Ir;
using SymDiff.Generator.Diagnostics;
using SymDiff.Generator.Model;

namespace SymDiff.Generator.Parsing;

/// <summary>Calls: Math functions, other <c>[Differentiable]</c> methods, and functions given a derivative by <c>[DerivativeOf]</c>.</summary>
internal sealed partial class BodyParser
{
    private ExpressionModel Call(InvocationExpressionSyntax invocation)
    {
        var method = _facts.Symbol(invocation) as IMethodSymbol;
        if (method is { MethodKind: MethodKind.LocalFunction })
        {
            // Its declaration is reported (SD2003): a call would only repeat it.
            return Invalid;
        }

        if (method is not null && IsDifferentiable(method))
        {
            return DifferentiableCall(invocation, method);
        }

        var arguments = invocation.ArgumentList.Arguments;
        if (method is { Name: "WithoutDerivative", ContainingType: { Name: "Derivatives" } holder } && IsIn(holder, "SymDiff")
            && arguments.Count == 1 && arguments[0].NameColon is null && arguments[0].RefKindKeyword.IsKind(SyntaxKind.None) && IsScalar(method.ReturnType))
        {
            return new OperationExpressionModel(Operation.WithoutDerivative, new[] { Numeric(arguments[0].Expression) }.ToEquatableArray());
        }

        var isMath = method is not null && IsMathFunction(invocation, method);
        var ordered = method is null ? null : InParameterOrder(invocation.ArgumentList, method);
        var known = isMath && OperationTable.TryGetMathFunction(method!.Name, method.Parameters.Length, out _);
        if (method is not null && ordered is not null && !known && IsDoubleFunction(method))
        {
            // Math.FusedMultiplyAdd, double.Hypot, a user's function: differentiable through a [DerivativeOf].
            return CustomCall(invocation, method, ordered);
        }

        if (method is null
            || !isMath
            || ordered is null
            || !OperationTable.TryGetMathFunction(method.Name, ordered.Count, out var operation)
            || method.Parameters.Any(p => !IsScalar(p.Type)))
        {
            _diagnostics.Add(Diagnostic.Create(
                DiagnosticDescriptors.CallNotDifferentiable,
                invocation.GetLocation(),
                method?.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) ?? invocation.Expression.ToString(),
                "SymDiff knows these Math (or double) functions of double arguments: " + SupportedFunctions + "; inline the called code or rewrite it with them"));
            return Invalid;
        }

        return new OperationExpressionModel(operation, ordered.Select(Numeric).ToEquatableArray());
    }

    /// <summary>
    /// The arguments in the order of the method's parameters (named arguments placed where they belong), or
    /// null when they are not one plain value per parameter (<c>ref</c>, <c>out</c>, <c>params</c>, defaults).
    /// Reading them in another order than the source's is safe: an argument has no side effect here.
    /// </summary>
    private static List<ExpressionSyntax>? InParameterOrder(ArgumentListSyntax list, IMethodSymbol method)
    {
        var arguments = list.Arguments;
        if (arguments.Count != method.Parameters.Length || arguments.Any(a => !a.RefKindKeyword.IsKind(SyntaxKind.None)))
        {
            return null;
        }

        var ordered = new ExpressionSyntax?[arguments.Count];
        for (var i = 0; i < arguments.Count; i++)
        {
            var position = arguments[i].NameColon is { } name
                ? method.Parameters.IndexOf(method.Parameters.FirstOrDefault(p => p.Name == name.Name.Identifier.ValueText)!)
                : i;
            if (position < 0 || ordered[position] is not null)
            {
                return null;
            }

            ordered[position] = arguments[i].Expression;
        }

        return ordered.ToList()!;
    }

    /// <summary>
    /// A call to a static double function the generator cannot see into: differentiable only through a
    /// user's <c>[DerivativeOf]</c> method, looked up later; until then its SD2002 is pending.
    /// </summary>
    private ExpressionModel CustomCall(InvocationExpressionSyntax invocation, IMethodSymbol method, List<ExpressionSyntax> arguments)
    {
        if (_hessian)
        {
            _diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.HessianThroughCallNotSupported, invocation.GetLocation(), _method.Name, method.Name));
            return Invalid;
        }

        if (_loopDepth > 0 && CallInLoopNotSupported is { } why)
        {
            return NotSupported(invocation, why);
        }

        var name = method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + method.Name;
        var key = CalleeModel.KeyOf(name, method.Parameters.Length);
        Pending.Add(new PendingDiagnostic(key, DiagnosticInfo.Create(
            DiagnosticDescriptors.CallNotDifferentiable,
            invocation.GetLocation(),
            method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
            "SymDiff knows these Math (or double) functions of double arguments: " + SupportedFunctions + ", [Differentiable] methods, and functions given a derivative: "
                + "give it one with [DerivativeOf(typeof(" + method.ContainingType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "), nameof("
                + method.ContainingType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "." + method.Name + "))] on a static method (see SD2008 for its shapes), or inline the called code")));
        var callee = new CalleeModel(method.Name, name, CallForm.Gradient, "", key);
        return new CallExpressionModel(callee, arguments.Select(Numeric).ToEquatableArray());
    }

    /// <summary>Static, returning double, taking only doubles by value.</summary>
    public static bool IsDoubleFunction(IMethodSymbol method)
        => method.IsStatic && !method.IsGenericMethod && IsDouble(method.ReturnType) && !method.ReturnsByRef
            && method.Parameters.All(p => IsDouble(p.Type) && p.RefKind == RefKind.None);

    /// <summary>Calls to other [Differentiable] methods, to find recursion through several methods.</summary>
    public List<CallEdge> Edges { get; } = new();

    /// <summary>Calls whose SD2002 stands only if no [DerivativeOf] method covers them.</summary>
    public List<PendingDiagnostic> Pending { get; } = new();

    /// <summary>Why the modes asked for cannot go through a call inside a loop yet (forward mode through a loop pushes the callee's gradient, which is a call itself), or null.</summary>
    public string? CallInLoopNotSupported { get; set; }

    private static bool IsDifferentiable(IMethodSymbol method)
        => method.GetAttributes().Any(a => a.AttributeClass is { Name: "DifferentiableAttribute" } attribute && IsIn(attribute, "SymDiff"));

    /// <summary>Whether <paramref name="type"/> is declared in the top-level namespace <paramref name="name"/> (no display strings: this runs for every call).</summary>
    private static bool IsIn(INamedTypeSymbol type, string name)
        => type.ContainingType is null && type.ContainingNamespace is { } space && space.Name == name && space.ContainingNamespace is { IsGlobalNamespace: true };

    /// <summary>A call to another [Differentiable] method: differentiated through its generated gradient.</summary>
    private ExpressionModel DifferentiableCall(InvocationExpressionSyntax invocation, IMethodSymbol callee)
    {
        if (SymbolEqualityComparer.Default.Equals(callee.OriginalDefinition, _method.OriginalDefinition))
        {
            _diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.RecursionNotSupported, invocation.GetLocation(), callee.Name, "it calls itself"));
            return Invalid;
        }

        Edges.Add(new CallEdge(
            _method.ToDisplayString(),
            callee.ToDisplayString(),
            DiagnosticInfo.Create(DiagnosticDescriptors.RecursionNotSupported, invocation.GetLocation(), _method.Name, "through its call to '" + callee.Name + "'")));

        if (_hessian)
        {
            _diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.HessianThroughCallNotSupported, invocation.GetLocation(), _method.Name, callee.Name));
            return Invalid;
        }

        if (_loopDepth > 0 && CallInLoopNotSupported is { } why)
        {
            return NotSupported(invocation, why);
        }

        var arguments = InParameterOrder(invocation.ArgumentList, callee);
        if (!callee.IsStatic || callee.IsGenericMethod || !IsDouble(callee.ReturnType) || callee.Parameters.Any(p => !IsDouble(p.Type) || p.RefKind != RefKind.None)
            || arguments is null)
        {
            _diagnostics.Add(Diagnostic.Create(
                DiagnosticDescriptors.CallNotDifferentiable,
                invocation.GetLocation(),
                callee.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
                "a [Differentiable] method is called through its gradient when it takes double parameters by value and returns double, and every argument is given; call it so, or inline it"));
            return Invalid;
        }

        var name = callee.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + callee.Name;
        var model = new CalleeModel(callee.Name, name, CallForm.Gradient, name + "Gradient", "");
        return new CallExpressionModel(model, arguments.Select(Numeric).ToEquatableArray());
    }
}
