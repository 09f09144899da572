using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SymDiff.Generator.Diagnostics;

namespace SymDiff.Generator.Parsing;

/// <summary>
/// Parse stage: the only code that touches symbols and syntax. Checks the signature, hands the
/// body to <see cref="BodyParser"/>, and returns a Roslyn-free <see cref="MethodModel"/> or the
/// diagnostics that explain why there is none.
/// </summary>
internal static class MethodParser
{
    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetNode is LocalFunctionStatementSyntax local)
        {
            return new ParseResult(null, ImmutableArray.Create(Diagnostic.Create(DiagnosticDescriptors.LocalFunctionNotSupported, local.Identifier.GetLocation(), local.Identifier.ValueText)));
        }

        var syntax = (MethodDeclarationSyntax)context.TargetNode;
        try
        {
            // Code that does not compile is the compiler's to report; differentiating it would only add noise.
            if (CompileErrors.InSyntax(syntax))
            {
                return new ParseResult(null, ImmutableArray<Diagnostic>.Empty);
            }

            var result = ParseChecked(context, syntax, cancellationToken);
            var doubtful = !result.Diagnostics.IsDefaultOrEmpty || !result.Pending.IsDefaultOrEmpty || CompileErrors.MayFailFlowAnalysis(syntax);
            return doubtful && CompileErrors.InMethod(syntax, context.SemanticModel, cancellationToken)
                ? new ParseResult(null, ImmutableArray<Diagnostic>.Empty)
                : result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return CompileErrors.InMethod(syntax, context.SemanticModel, cancellationToken)
                ? new ParseResult(null, ImmutableArray<Diagnostic>.Empty)
                : Failure(syntax, e);
        }
    }

    private static ParseResult ParseChecked(GeneratorAttributeSyntaxContext context, MethodDeclarationSyntax syntax, CancellationToken cancellationToken)
    {
        var modes = Modes(context.Attributes);
        var result = ParseCore(syntax, (IMethodSymbol)context.TargetSymbol, context.SemanticModel, modes, cancellationToken);
        if (result.Model is not { } model)
        {
            return result;
        }

        // The generator never sees its own output, so a member already there with a generated name is the user's.
        var taken = GeneratedNames(model, modes).FirstOrDefault(n => ((IMethodSymbol)context.TargetSymbol).ContainingType.GetMembers(n).Length > 0);
        if (taken is not null)
        {
            return new ParseResult(null, ImmutableArray.Create(Diagnostic.Create(DiagnosticDescriptors.GeneratedNameTaken, syntax.Identifier.GetLocation(), model.Name, taken)));
        }

        // The adapter is a convenience: a type of the user's with its name (an adapter written by hand) is left alone.
        if (model.AdapterSuffix is { } adapter && ((IMethodSymbol)context.TargetSymbol).ContainingType.GetMembers(model.Name + adapter).Length > 0)
        {
            model = model with { HasOwnAdapter = true };
        }

        var attribute = context.Attributes[0].ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();
        if (!model.IsScalar && (modes.HasFlag(DerivativeModes.Hessian) || model.Output.IsTuple))
        {
            return new ParseResult(null, ImmutableArray.Create(Diagnostic.Create(DiagnosticDescriptors.ModesRequireDoubleParameters, attribute, model.Name)));
        }

        var secondOrder = (modes & (DerivativeModes.Hessian | DerivativeModes.HessianVector)) != 0;
        if ((model.Output.IsTuple || model.Output.IsVoid) && secondOrder)
        {
            return new ParseResult(null, ImmutableArray.Create(Diagnostic.Create(DiagnosticDescriptors.ModesRequireScalarResult, attribute, model.Name)));
        }

        return result with { Model = model with { Modes = modes } };
    }

    /// <summary>The members the generator will add for <paramref name="model"/>.</summary>
    private static IEnumerable<string> GeneratedNames(MethodModel model, DerivativeModes modes)
    {
        var suffixes = model.Output.IsVoid
            ? new[] { "Jacobian", "Vjp", "Tangent" }
            : model.Output.IsTuple
            ? new[] { "Jacobian", "Vjp", "Graph" }.Concat(modes.HasFlag(DerivativeModes.Tangent) ? new[] { "Tangent" } : Array.Empty<string>())
            : new[] { "Gradient", "Pullback", "Derivatives", "Graph" }
                .Concat(modes.HasFlag(DerivativeModes.Tangent) ? new[] { "Tangent" } : Array.Empty<string>())
                .Concat(modes.HasFlag(DerivativeModes.Hessian) ? new[] { "Hessian" } : Array.Empty<string>())
                .Concat(modes.HasFlag(DerivativeModes.HessianVector) ? new[] { "HessianVector" } : Array.Empty<string>());
        return suffixes.Select(s => model.Name + s);
    }


    /// <summary>The attribute's <c>Modes</c>; the gradient is always generated.</summary>
    private static DerivativeModes Modes(ImmutableArray<AttributeData> attributes)
    {
        var modes = DerivativeModes.Gradient;
        foreach (var attribute in attributes)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == "Modes" && argument.Value.Value is int value)
                {
                    modes |= (DerivativeModes)value;
                }
            }
        }

        return modes;
    }

    /// <summary>Turns an unexpected exception into SD2999 at the method name, so it never reaches the compiler.</summary>
    public static ParseResult Failure(MethodDeclarationSyntax syntax, Exception exception)
        => new(null, ImmutableArray.Create(Diagnostic.Create(
            DiagnosticDescriptors.InternalError,
            syntax.Identifier.GetLocation(),
            syntax.Identifier.ValueText,
            exception.GetType().Name + ": " + exception.Message)));

    private static ParseResult ParseCore(MethodDeclarationSyntax syntax, IMethodSymbol symbol, SemanticModel semanticModel, DerivativeModes modes, CancellationToken cancellationToken)
    {
        var diagnostics = new List<Diagnostic>();
        var name = syntax.Identifier.ValueText;
        var type = ContainingType(syntax, symbol, name, diagnostics);
        var outputs = symbol.ReturnsVoid ? OutputVectors(syntax, symbol) : new List<string>();
        var rejectedParameters = CheckSignature(syntax, symbol, name, diagnostics);
        if (symbol.ReturnsVoid && outputs.Count == 0)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.ReturnTypeMustBeDouble, syntax.ReturnType.GetLocation(), name, "void"));
        }

        var body = EquatableArray<StatementModel>.Empty;
        var pending = ImmutableArray<PendingDiagnostic>.Empty;
        var edges = ImmutableArray<CallEdge>.Empty;
        if (syntax.Body is null && syntax.ExpressionBody is null)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.MethodMustHaveBody, syntax.Identifier.GetLocation(), name));
        }
        else if (Scalar(symbol) is { } scalar && Result(symbol) is { } result)
        {
            // Read even when the signature has errors, so that one build lists them all; reads of a
            // parameter whose type was reported report nothing more.
            var secondOrder = (modes & (DerivativeModes.Hessian | DerivativeModes.HessianVector)) != 0;
            var bodyParser = new BodyParser(semanticModel, symbol, scalar, diagnostics, result.Count, secondOrder, new HashSet<string>(outputs), rejectedParameters, cancellationToken)
            {
                CallInLoopNotSupported = result.IsTuple
                    ? "the derivatives of a method returning a tuple cannot go through a call inside a loop yet; inline the call"
                    : modes.HasFlag(DerivativeModes.Tangent) && !symbol.ReturnsVoid
                    ? "the tangent cannot go through a call inside a loop yet; inline the call, or drop DerivativeModes.Tangent (the gradient goes through it)"
                    : null,
            };
            body = bodyParser.ParseBody(syntax);
            pending = bodyParser.Pending.ToImmutableArray();
            edges = bodyParser.Edges.ToImmutableArray();
        }

        if (diagnostics.Count > 0)
        {
            return new ParseResult(null, diagnostics.ToImmutableArray());
        }

        var model = new MethodModel(
            type,
            name,
            Accessibility(symbol.DeclaredAccessibility),
            syntax.ParameterList.Parameters.Select(p => p.Identifier.ValueText).ToEquatableArray(),
            body,
            Key: symbol.ToDisplayString(),
            Result: Result(symbol) is { IsTuple: true } or { IsVoid: true } ? Result(symbol) : null,
            ParameterTypes: symbol.Parameters.All(p => p.Type.SpecialType == SpecialType.System_Double)
                ? default
                : symbol.Parameters.Select(p => ParameterType(p.Type) ?? p.Type.ToDisplayString()).ToEquatableArray(),
            Scalar: Scalar(symbol)!.ToDisplayString(),
            TypeParameterClause: symbol.IsGenericMethod ? "<" + symbol.TypeParameters[0].Name + ">" : "",
            Constraints: symbol.IsGenericMethod ? Constraints(symbol.TypeParameters[0]) : "",
            Outputs: outputs.ToEquatableArray());
        return new ParseResult(model, ImmutableArray<Diagnostic>.Empty, pending, edges);
    }

    /// <summary>
    /// The <c>Span&lt;double&gt;</c> and <c>double[]</c> parameters a <c>void</c> method writes with <c>y[i] = ...</c>, in
    /// parameter order: its results.
    /// </summary>
    private static List<string> OutputVectors(MethodDeclarationSyntax syntax, IMethodSymbol symbol)
    {
        var written = new HashSet<string>(
            syntax.DescendantNodes()
                .OfType<AssignmentExpressionSyntax>()
                .Select(a => a.Left)
                .OfType<ElementAccessExpressionSyntax>()
                .Select(e => e.Expression)
                .OfType<IdentifierNameSyntax>()
                .Select(i => i.Identifier.ValueText));
        return symbol.Parameters
            .Where(p => written.Contains(p.Name) && VectorType(p.Type) is { } vector && !vector.Contains("ReadOnlySpan"))
            .Select(p => p.Name)
            .ToList();
    }

    /// <summary><c> where T : global::System.Numerics.IFloatingPointIeee754&lt;T&gt;</c>: the generic method's constraints, repeated.</summary>
    private static string Constraints(ITypeParameterSymbol parameter)
        => " where " + parameter.Name + " : " + string.Join(", ", parameter.ConstraintTypes.Select(c => c.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)));

    /// <summary><c>double</c>, <c>int</c>, or a vector's type; null for a type that cannot be a parameter.</summary>
    public static string? ParameterType(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Double => "double",
        SpecialType.System_Int32 => "int",
        _ => VectorType(type),
    };

    /// <summary>The C# type of a vector of doubles (<c>ReadOnlySpan&lt;double&gt;</c>, <c>Span&lt;double&gt;</c>, <c>double[]</c>), or null.</summary>
    public static string? VectorType(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Double })
        {
            return "double[]";
        }

        if (type is INamedTypeSymbol { TypeArguments.Length: 1 } named && named.TypeArguments[0].SpecialType == SpecialType.System_Double
            && named.ContainingNamespace?.ToDisplayString() == "System" && named.Name is "ReadOnlySpan" or "Span")
        {
            return "global::System." + named.Name + "<double>";
        }

        return null;
    }

    /// <summary>
    /// The real type of a method: <c>double</c>, <c>float</c>, or its type parameter <c>T</c> when constrained
    /// to <c>IFloatingPointIeee754&lt;T&gt;</c>; its return type tells (a tuple's elements are doubles).
    /// </summary>
    public static ITypeSymbol? Scalar(IMethodSymbol symbol)
    {
        if (symbol.ReturnsVoid)
        {
            // A method writing output vectors computes in double, the vectors' element type.
            return symbol.Parameters
                .Select(p => p.Type is IArrayTypeSymbol array ? array.ElementType : p.Type is INamedTypeSymbol { TypeArguments.Length: 1 } named ? named.TypeArguments[0] : p.Type)
                .FirstOrDefault(t => t.SpecialType == SpecialType.System_Double);
        }

        var type = symbol.ReturnType is INamedTypeSymbol { IsTupleType: true } tuple && tuple.TupleElements.Length > 0
            ? tuple.TupleElements[0].Type
            : symbol.ReturnType;
        if (type.SpecialType is SpecialType.System_Double or SpecialType.System_Single)
        {
            return type;
        }

        return type is ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } parameter && IsFloatingPoint(parameter) ? parameter : null;
    }

    private static bool IsFloatingPoint(ITypeParameterSymbol parameter)
        => parameter.ConstraintTypes.Any(c => c.OriginalDefinition.ToDisplayString() == "System.Numerics.IFloatingPointIeee754<TSelf>"
            || c.AllInterfaces.Any(i => i.OriginalDefinition.ToDisplayString() == "System.Numerics.IFloatingPointIeee754<TSelf>"));

    /// <summary>One real (<see cref="Scalar(IMethodSymbol)"/>), or a tuple of two or more doubles; null for anything else.</summary>
    private static ResultModel? Result(IMethodSymbol symbol)
    {
        var type = symbol.ReturnType;
        if (type.SpecialType == SpecialType.System_Double)
        {
            return ResultModel.Scalar(symbol.Name);
        }

        if (symbol.ReturnsVoid)
        {
            return ResultModel.Void;
        }

        if (Scalar(symbol) is { } scalar && SymbolEqualityComparer.Default.Equals(scalar, type))
        {
            return ResultModel.Scalar(symbol.Name, type.ToDisplayString());
        }

        if (type is not INamedTypeSymbol { IsTupleType: true } tuple || tuple.TupleElements.Any(e => e.Type.SpecialType != SpecialType.System_Double))
        {
            return null;
        }

        var elements = tuple.TupleElements;
        var text = "(" + string.Join(", ", elements.Select(e => e.IsExplicitlyNamedTupleElement ? "double " + e.Name : "double")) + ")";
        return new ResultModel(text, elements.Select(e => e.Name).ToEquatableArray());
    }

    /// <summary>Reports what is wrong with the signature; returns the parameters whose type was reported.</summary>
    private static HashSet<string> CheckSignature(MethodDeclarationSyntax syntax, IMethodSymbol symbol, string name, List<Diagnostic> diagnostics)
    {
        var rejected = new HashSet<string>();
        if (!symbol.IsStatic)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.MethodMustBeStatic, syntax.Identifier.GetLocation(), name));
        }

        var scalar = Scalar(symbol);
        var generic = scalar is ITypeParameterSymbol && symbol.TypeParameters.Length == 1;
        if (syntax.TypeParameterList is not null && !generic)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.MethodMustNotBeGeneric, syntax.TypeParameterList.GetLocation(), name));
        }

        // A T that SD1006 reported is not reported again in the return and parameter types.
        bool IsReportedTypeParameter(ITypeSymbol? type) => !generic && type is ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method };

        if ((Result(symbol) is null || symbol.ReturnsByRef || symbol.ReturnsByRefReadonly) && !IsReportedTypeParameter(symbol.ReturnType))
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.ReturnTypeMustBeDouble, syntax.ReturnType.GetLocation(), name, syntax.ReturnType.ToString()));
        }

        foreach (var parameter in syntax.ParameterList.Parameters)
        {
            var parameterName = parameter.Identifier.ValueText;
            foreach (var modifier in parameter.Modifiers)
            {
                if (!modifier.IsKind(SyntaxKind.ThisKeyword))
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.ParameterModifierNotSupported, modifier.GetLocation(), parameterName, name, modifier.ValueText));
                }
            }

            var parameterSymbol = symbol.Parameters.FirstOrDefault(p => p.Name == parameterName);
            var allowed = parameterSymbol is not null && (scalar is null || scalar.SpecialType == SpecialType.System_Double
                ? ParameterType(parameterSymbol.Type) is not null
                : SymbolEqualityComparer.Default.Equals(parameterSymbol.Type, scalar));
            if (parameter.Type is not null && !allowed)
            {
                rejected.Add(parameterName);
                if (IsReportedTypeParameter(parameterSymbol?.Type))
                {
                    continue;
                }

                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.ParameterTypeMustBeDouble, parameter.Type.GetLocation(), parameterName, name, parameter.Type.ToString()));
            }
            else if (parameterSymbol is not null && VectorType(parameterSymbol.Type) is not null && SyntaxFacts.GetKeywordKind(parameterName) != SyntaxKind.None)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.KeywordNameNotSupported, parameter.Identifier.GetLocation(), "vector parameter", parameterName, name));
            }
        }

        return rejected;
    }

    private static ContainingTypeModel ContainingType(MethodDeclarationSyntax syntax, IMethodSymbol symbol, string methodName, List<Diagnostic> diagnostics)
    {
        var headers = new List<TypeHeaderModel>();
        for (var node = syntax.Parent; node is TypeDeclarationSyntax type; node = node.Parent)
        {
            if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.ContainingTypeMustBePartial, type.Identifier.GetLocation(), type.Identifier.ValueText, methodName));
            }

            var keyword = type is RecordDeclarationSyntax record
                ? (record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record")
                : type.Keyword.ValueText;
            var typeParameters = type.TypeParameterList is null
                ? ""
                : "<" + string.Join(", ", type.TypeParameterList.Parameters.Select(p => p.Identifier.Text)) + ">";
            headers.Insert(0, new TypeHeaderModel(keyword, type.Identifier.Text, typeParameters, type.Modifiers.Any(SyntaxKind.StaticKeyword)));
        }

        var containingNamespace = symbol.ContainingType.ContainingNamespace;
        var namespaceName = containingNamespace.IsGlobalNamespace ? "" : containingNamespace.ToDisplayString();
        return new ContainingTypeModel(namespaceName, headers.ToEquatableArray());
    }

    private static string Accessibility(Accessibility accessibility) => accessibility switch
    {
        Microsoft.CodeAnalysis.Accessibility.Public => "public",
        Microsoft.CodeAnalysis.Accessibility.Internal => "internal",
        Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
        Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => "protected internal",
        Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };
}
