using SymDiff.Generator.Emitting;

namespace SymDiff.Generator.Passes;

/// <summary>
/// Allocation hoisting, a pass over the lowered program of one loop of the method's top level. The lowering rents
/// each tape where its loop runs, and gives it back after its last sweep: inside the top-level loop, that is once
/// per iteration. A tape whose length is the same on every iteration is rented once instead, before the top-level
/// loop, and given back after it (<see cref="HoistedTapes"/> says which qualify, and guards a length that divides).
/// </summary>
internal static class AllocationHoisting
{
    /// <summary>
    /// Takes the rentals <paramref name="rentals"/> accepts out of the loop bodies in <paramref name="region"/> and adds
    /// them to its list, in program order; their releases, which stand in those bodies too, go with them. A tape rented
    /// at the region's own level, outside every loop of it, runs once already and stays.
    /// </summary>
    public static void Run(IEnumerable<Statement> region, HoistedTapes rentals)
    {
        var statements = region.ToList();
        var hoisted = new HashSet<string>();
        foreach (var statement in statements)
        {
            Hoist(statement, rentals, depth: 0, hoisted);
        }

        if (hoisted.Count > 0)
        {
            foreach (var statement in statements)
            {
                DropReleases(statement, hoisted);
            }
        }
    }

    private static void Hoist(Statement statement, HoistedTapes rentals, int depth, HashSet<string> hoisted)
    {
        switch (statement)
        {
            case Block block:
                for (var k = 0; k < block.Statements.Count; k++)
                {
                    if (depth > 0 && block.Statements[k] is Rent { Tape: { } tape } rent
                        && rentals.TryHoist(tape.Start, tape.End, tape.Size, rent.Buffer, tape.Around))
                    {
                        OptimizationRemarks.Report(OptimizationPass.AllocationHoisting, tape.Name + " of the loop over " + tape.Loop + " is rented once, before the top-level loop");
                        hoisted.Add(rent.Buffer.Array);
                        block.Statements.RemoveAt(k--);
                    }
                    else
                    {
                        Hoist(block.Statements[k], rentals, depth, hoisted);
                    }
                }

                break;
            default:
                // A loop's body runs once per iteration; a branch's, at most once where the statement stands.
                foreach (var body in statement.Bodies)
                {
                    Hoist(body, rentals, statement is Loop ? depth + 1 : depth, hoisted);
                }

                break;
        }
    }

    /// <summary>Removes the releases of the hoisted buffers, each with the blank line after it.</summary>
    private static void DropReleases(Statement statement, HashSet<string> hoisted)
    {
        foreach (var block in Blocks(statement).ToList())
        {
            var list = block.Statements;
            for (var k = 0; k < list.Count; k++)
            {
                if (list[k] is Release release && hoisted.Contains(release.Buffer.Array))
                {
                    list.RemoveAt(k);
                    if (k < list.Count && list[k] is Separator)
                    {
                        list.RemoveAt(k);
                    }

                    k--;
                }
            }
        }
    }

    /// <summary>Every block in <paramref name="statement"/>, itself included when it is one.</summary>
    private static IEnumerable<Block> Blocks(Statement statement)
        => statement is Block self ? self.Statements.SelectMany(Blocks).Prepend(self) : statement.Bodies.SelectMany(Blocks);
}
