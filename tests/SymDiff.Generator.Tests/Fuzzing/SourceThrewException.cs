namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>The fuzzed source method itself threw (its derivatives did not): <see cref="Exception.InnerException"/> is what it threw.</summary>
internal sealed class SourceThrewException(string message, Exception inner) : InvalidOperationException(message, inner);
