using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SymDiff.Generator.Model;

namespace SymDiff.Generator.Emitting;

/// <summary>
/// The writes of one fused loop iteration into one gradient buffer, when they all fall at <c>i + c</c>
/// and <c>i + c + 1</c>: slot <c>i + c</c> then gets a single write, and the <c>i + c + 1</c> part is
/// carried in a local to the next iteration, whose own <c>i + c</c> it is.
/// </summary>
/// <param name="Vector">The vector whose elements were read.</param>
/// <param name="Offset">c.</param>
/// <param name="Index">The source's index text for <c>i + c</c>.</param>
/// <param name="Lower">Positions, in the loop's element list, of the writes at <c>i + c</c>.</param>
/// <param name="Upper">Positions of the writes at <c>i + c + 1</c>; empty when nothing is carried.</param>
internal sealed record SlidingWrite(string Vector, int Offset, string Index, IReadOnlyList<int> Lower, IReadOnlyList<int> Upper)
{
    public bool Carries => Upper.Count > 0;

    /// <summary>
    /// The sliding write of <paramref name="vector"/> among <paramref name="elements"/> (element nodes of
    /// <paramref name="body"/>), or null when an index is not the loop variable plus a constant, or the
    /// offsets span more than two slots.
    /// </summary>
    public static SlidingWrite? Of(DerivativeGraphModel body, IReadOnlyList<int> elements, string vector, string loopIndex)
    {
        var offsets = new List<(int Position, int Offset, string Index)>();
        for (var e = 0; e < elements.Count; e++)
        {
            var (name, index) = Symbol(body, elements[e]);
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

    /// <summary>The vector and index text of an element node.</summary>
    public static (string Vector, string Index) Symbol(DerivativeGraphModel model, int element)
    {
        return model.ElementText(element);
    }

    /// <summary>c when <paramref name="index"/> reads <c>i</c>, <c>i + c</c>, <c>i - c</c> or <c>c + i</c> for the loop variable i.</summary>
    public static int? OffsetOf(string index, string loopIndex)
    {
        if (index == loopIndex)
        {
            return 0;
        }

        var parts = index.Split(' ');
        if (parts.Length != 3 || !int.TryParse(parts[parts[0] == loopIndex ? 2 : 0], NumberStyles.None, CultureInfo.InvariantCulture, out var c))
        {
            return null;
        }

        return parts[0] == loopIndex && parts[1] is "+" or "-" ? (parts[1] == "+" ? c : -c)
            : parts[2] == loopIndex && parts[1] == "+" ? c
            : null;
    }

    /// <summary>C# text for <paramref name="bound"/> + <paramref name="shift"/>, folded when the bound is a literal.</summary>
    public static string Shifted(string bound, int shift)
    {
        if (int.TryParse(bound, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return (value + shift).ToString(CultureInfo.InvariantCulture);
        }

        if (shift == 0)
        {
            return bound;
        }

        // x.Length - 1, shifted by 1, is x.Length: a trailing literal term takes the shift.
        var parts = bound.Split(' ');
        if (parts.Length >= 3 && parts[parts.Length - 2] is "+" or "-"
            && int.TryParse(parts[parts.Length - 1], NumberStyles.None, CultureInfo.InvariantCulture, out var term))
        {
            var rest = string.Join(" ", parts.Take(parts.Length - 2));
            return Shifted(rest, (parts[parts.Length - 2] == "+" ? term : -term) + shift);
        }

        var operand = bound.All(c => char.IsLetterOrDigit(c) || c is '_' or '.') ? bound : "(" + bound + ")";
        return operand + (shift > 0 ? " + " : " - ") + System.Math.Abs(shift).ToString(CultureInfo.InvariantCulture);
    }
}
