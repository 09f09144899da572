namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>
/// What an injected form may read and how it names what it declares: the kind of method, its double parameters,
/// the innermost loop variable around it (if any) and how many loops are around it, the accumulator it updates
/// (added to every result), a fresh name for a double, and names for a loop variable and for an int local (reused
/// names where C# allows them).
/// </summary>
internal sealed record FormScope(
    bool IsSpan,
    IReadOnlyList<string> Parameters,
    string? Index,
    int LoopDepth,
    string Accumulator,
    Func<string> Fresh,
    Func<string> LoopIndex,
    Func<string> IntLocal);
