using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SymDiff.Generator.Parsing;

/// <summary>What Parse returns; split at once into the model (cached by value) and the diagnostics.</summary>
/// <param name="Model">The method, or null when it has an error.</param>
/// <param name="Diagnostics">Its errors.</param>
/// <param name="Pending">Errors that stand only if no [DerivativeOf] method covers a call.</param>
/// <param name="Edges">Its calls to other [Differentiable] methods.</param>
internal readonly record struct ParseResult(MethodModel? Model, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<PendingDiagnostic> Pending = default, ImmutableArray<CallEdge> Edges = default);
