namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>
/// A generated C# expression: its text, whether C# types it as <c>int</c> (integer literals, integer
/// constants, <c>Math.Sign</c>), whether it reads a variable (so that a comparison of it is not a
/// compile-time constant), and whether it can be an operand without parentheses.
/// </summary>
internal readonly record struct Code(string Text, bool IsInt, bool HasVariable, bool IsAtom)
{
    public override string ToString() => Text;

    /// <summary>The text, parenthesized unless it is an atom.</summary>
    public string Operand => IsAtom ? Text : "(" + Text + ")";
}
