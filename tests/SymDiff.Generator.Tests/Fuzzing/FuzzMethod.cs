namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>A generated <c>[Differentiable]</c> method: its name, its number of parameters and its source.</summary>
internal sealed record FuzzMethod(string Name, int Arity, string Source);
