using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SymDiff.Generator.Model;

namespace SymDiff.Generator.Parsing;

/// <summary>What Parse returns; split at once into the model (cached by value) and the diagnostics.</summary>
internal readonly record struct ParseResult(MethodModel? Model, ImmutableArray<Diagnostic> Diagnostics);
