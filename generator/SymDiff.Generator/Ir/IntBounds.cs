namespace SymDiff.Generator.Ir;

/// <summary>
/// Proofs that an <see cref="IntExpr"/> is never below a bound, from the bounds of the names it reads: literals,
/// lengths (never negative), sums, products of non-negative factors, divisions of a non-negative value by a positive
/// literal, and maxima. Anything else has no known bound. An index proven non-negative where it is read can be
/// taken apart (a slice from its offset) without changing which reads throw.
/// </summary>
internal static class IntBounds
{
    private const long Limit = int.MaxValue;

    /// <summary>The lower bound, or null when none is known; <paramref name="name"/> gives a name's, or null.</summary>
    public static long? LowerBound(IntExpr expression, Func<string, long?> name)
    {
        switch (expression.Op)
        {
            case IntOp.Constant:
                return expression.Value;
            case IntOp.Name:
                return name(expression.Name.TrimStart('@'));
            case IntOp.Length:
                return 0;
            case IntOp.Group:
                return LowerBound(expression.Left!, name);
            case IntOp.Max:
                // max(a, b) is at least the larger of the bounds known.
                var first = LowerBound(expression.Left!, name);
                var second = LowerBound(expression.Right!, name);
                return first is null ? second : second is null ? first : Math.Max(first.Value, second.Value);
            case IntOp.Add or IntOp.Subtract or IntOp.Multiply or IntOp.Divide:
                if (LowerBound(expression.Left!, name) is not { } l)
                {
                    return null;
                }

                var right = expression.Right!;
                return expression.Op switch
                {
                    IntOp.Add => LowerBound(right, name) is { } r ? Clamped(l + r) : null,
                    IntOp.Subtract => right.IsConstant ? Clamped(l - right.Value) : null,
                    IntOp.Multiply => l >= 0 && LowerBound(right, name) is { } f && f >= 0 ? Clamped(l * f) : null,
                    _ => l >= 0 && right is { Op: IntOp.Constant, Value: > 0 } ? l / right.Value : null,
                };
            default:
                return null;
        }
    }

    // Past int's range the source's arithmetic would overflow: no bound is claimed there.
    private static long? Clamped(long value) => value is >= -Limit and <= Limit ? value : null;
}
