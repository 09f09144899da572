namespace SymDiff.Generator.Emitting;

/// <summary>
/// The parts of an index, as the source writes it, that do not read a loop's variable and multiply or divide
/// (<c>ix * d</c> in <c>ix * d + j</c>, <c>(i - lo) * d</c>): each is read from a local computed before the loop.
/// The arithmetic is the source's own, on the same operands, only earlier.
/// </summary>
internal static class InvariantParts
{
    /// <summary>
    /// <paramref name="index"/> with each largest such part that <paramref name="name"/> gives a local for read from
    /// it; <paramref name="index"/> itself when there is none.
    /// </summary>
    public static IntExpr Rewrite(IntExpr index, string variable, Func<IntExpr, string?> name)
    {
        if (Multiplies(index) && !index.Reads(variable) && index.CannotThrow && name(index) is { } local)
        {
            return IntExpr.Named(local);
        }

        // Parts inside unchecked(...) stay there: taken out, constant arithmetic would be folded and checked by C#.
        return index.Op switch
        {
            IntOp.Group => IntExpr.Grouped(Rewrite(index.Left!, variable, name)) is var g && g.Left!.Equals(index.Left) ? index : g,
            IntOp.Negate => Rewrite(index.Left!, variable, name) is var o && o.Equals(index.Left) ? index : IntExpr.Negated(o),
            IntOp.Add or IntOp.Subtract or IntOp.Multiply or IntOp.Divide or IntOp.Remainder
                => (Rewrite(index.Left!, variable, name), Rewrite(index.Right!, variable, name)) is var (l, r) && l.Equals(index.Left) && r.Equals(index.Right)
                    ? index
                    : IntExpr.Binary(index.Op, l, r),
            _ => index,
        };
    }

    /// <summary>Whether <paramref name="expression"/> multiplies, divides or takes a remainder: an addition costs nothing in an address.</summary>
    private static bool Multiplies(IntExpr expression)
        => System.Linq.Enumerable.Any(expression.DescendantsAndSelf(), e => e.Op is IntOp.Multiply or IntOp.Divide or IntOp.Remainder);
}
