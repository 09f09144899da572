using System.Globalization;

namespace SymDiff.Generator.Emitting;

/// <summary>
/// The writes of one fused loop iteration into one gradient buffer, when they all fall at <c>i + c</c>
/// and <c>i + c + 1</c>: slot <c>i + c</c> then gets a single write, and the <c>i + c + 1</c> part is
/// carried in a local to the next iteration, whose own <c>i + c</c> it is.
/// </summary>
/// <param name="Vector">The vector whose elements were read.</param>
/// <param name="Offset">c.</param>
/// <param name="Index">The source's index for <c>i + c</c>.</param>
/// <param name="Lower">Positions, in the loop's element list, of the writes at <c>i + c</c>.</param>
/// <param name="Upper">Positions of the writes at <c>i + c + 1</c>; empty when nothing is carried.</param>
internal sealed record SlidingWrite(string Vector, int Offset, IntExpr Index, IReadOnlyList<int> Lower, IReadOnlyList<int> Upper)
{
    public bool Carries => Upper.Count > 0;

    /// <summary>
    /// The sliding write of <paramref name="vector"/> among <paramref name="elements"/> (element nodes of
    /// <paramref name="body"/>), or null when an index is not the loop variable plus a constant, or the
    /// offsets span more than two slots.
    /// </summary>
    public static SlidingWrite? Of(DerivativeGraphModel body, IReadOnlyList<int> elements, string vector, string loopIndex)
    {
        var offsets = new List<(int Position, int Offset, IntExpr Index)>();
        for (var e = 0; e < elements.Count; e++)
        {
            var (name, index) = body.ElementParts(elements[e]);
            if (name != vector)
            {
                continue;
            }

            if (OffsetOf(index, loopIndex) is not int offset || IsGuarded(body, body.Outputs[body.Outputs.Count - elements.Count + e]))
            {
                return null;
            }

            offsets.Add((e, offset, index));
        }

        if (offsets.Count == 0)
        {
            return null;
        }

        var low = offsets.Min(o => o.Offset);
        if (offsets.Any(o => o.Offset > low + 1))
        {
            return null;
        }

        var lower = offsets.First(o => o.Offset == low);
        return new SlidingWrite(
            vector,
            low,
            lower.Index,
            offsets.Where(o => o.Offset == low).Select(o => o.Position).ToList(),
            offsets.Where(o => o.Offset == low + 1).Select(o => o.Position).ToList());
    }

    /// <summary>
    /// Whether an element's adjoint is zero unless a condition holds (<c>c ? a : 0</c>, or a sum with such a term):
    /// the source reads it in a branch, so its slot may not exist on every iteration (<c>x[i + 1]</c> read while
    /// <c>i + 1 &lt; n</c>).
    /// </summary>
    private static bool IsGuarded(DerivativeGraphModel body, int adjoint)
    {
        var node = body.Nodes[adjoint];
        return node.Operation == Operation.Add ? IsGuarded(body, node.Operand0) || IsGuarded(body, node.Operand1) : body.IsGuarded(adjoint);
    }

    /// <summary>c when <paramref name="index"/> is <c>i</c>, <c>i + c</c>, <c>i - c</c> or <c>c + i</c> for the loop variable i and a literal c.</summary>
    public static int? OffsetOf(IntExpr index, string loopIndex)
    {
        bool IsLoopIndex(IntExpr e) => e.Op == IntOp.Name && e.Name == loopIndex;
        bool IsLiteral(IntExpr e) => e is { Op: IntOp.Constant, Value: >= 0 };
        return IsLoopIndex(index) ? 0
            : index.Op is IntOp.Add or IntOp.Subtract && IsLoopIndex(index.Left!) && IsLiteral(index.Right!) ? (index.Op == IntOp.Add ? index.Right!.Value : -index.Right!.Value)
            : index.Op == IntOp.Add && IsLiteral(index.Left!) && IsLoopIndex(index.Right!) ? index.Left!.Value
            : null;
    }

    /// <summary><paramref name="bound"/> + <paramref name="shift"/>, folded into a literal bound or a trailing literal term (x.Length - 1, shifted by 1, is x.Length).</summary>
    public static IntExpr Shifted(IntExpr bound, int shift)
    {
        if (bound is { Op: IntOp.Constant, Value: >= 0 })
        {
            return IntExpr.Constant(bound.Value + shift);
        }

        if (shift == 0)
        {
            return bound;
        }

        if (bound.Op is IntOp.Add or IntOp.Subtract && bound.Right is { Op: IntOp.Constant, Value: >= 0 } term)
        {
            return Shifted(bound.Left!, (bound.Op == IntOp.Add ? term.Value : -term.Value) + shift);
        }

        var operand = bound.IsPlain ? bound : IntExpr.Grouped(bound);
        return shift > 0 ? operand + shift : operand - System.Math.Abs(shift);
    }
}
