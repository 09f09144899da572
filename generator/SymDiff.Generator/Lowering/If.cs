namespace SymDiff.Generator.Lowering;

/// <summary><c>if (condition) { … } else { … }</c>; each branch is a scope.</summary>
internal sealed class If(Code condition) : Statement
{
    public Code Condition { get; } = condition;

    public Block Then { get; } = new();

    /// <summary>The else branch, or null when there is none.</summary>
    public Block? Else { get; set; }

    public override IEnumerable<Block> Bodies => Else is null ? new[] { Then } : new[] { Then, Else };
}
