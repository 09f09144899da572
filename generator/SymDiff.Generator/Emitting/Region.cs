namespace SymDiff.Generator.Emitting;

/// <summary>
/// Where a node is evaluated: at the top of the method, or inside one branch of a conditional
/// (nested). A node only needed on one branch is computed inside that branch, so an untaken branch
/// never evaluates, and its NaN or ∞ can never reach the result.
/// </summary>
internal sealed class Region
{
    public static readonly Region Root = new(null, -1, false);

    private Region(Region? parent, int select, bool branch)
    {
        Parent = parent;
        Select = select;
        Branch = branch;
        Depth = parent is null ? 0 : parent.Depth + 1;
    }

    public Region? Parent { get; }

    /// <summary>The conditional node whose branch this is; -1 for the root.</summary>
    public int Select { get; }

    public bool Branch { get; }

    public int Depth { get; }

    /// <summary>A new region for one branch of <paramref name="select"/>, evaluated in this region.</summary>
    public Region Child(int select, bool branch) => new(this, select, branch);
}
