using SymDiff.Generator.Diagnostics;

namespace SymDiff.Generator.Parsing;

/// <summary>A call from one [Differentiable] method to another, with the diagnostic to report if the two are on a cycle.</summary>
internal readonly record struct CallEdge(string Caller, string Callee, DiagnosticInfo IfRecursive);
