using SymDiff.Generator.Diagnostics;

namespace SymDiff.Generator.Parsing;

/// <summary>A diagnostic reported only if no <c>[DerivativeOf]</c> method is registered under <paramref name="Key"/>.</summary>
internal readonly record struct PendingDiagnostic(string Key, DiagnosticInfo Diagnostic);
