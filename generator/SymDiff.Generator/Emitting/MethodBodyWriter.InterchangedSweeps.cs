using System.Collections.Generic;
using System.Linq;
using SymDiff.Generator.Model;

namespace SymDiff.Generator.Emitting;

internal static partial class MethodBodyWriter
{
    /// <summary>
    /// After the sweep over L: the sweeps of an inner sum M that L's iterations deferred (<see cref="InterchangedSweeps"/>),
    /// as one nest over the same (i, j) pairs, M's index i outside, L's index j inside, each j reading its seeds from
    /// the table L's iteration j filled. An element adjoint whose slot does not read j, read on every iteration of
    /// M's forward body and not guarded, is summed in a local over j (per value, up to its sign) and added once per i;
    /// a read that does not change with j is made once per i, before the loop over j (which runs at least once for
    /// each i of the nest).
    /// </summary>
    /// <param name="context">L's backward body, where M's sweep was met.</param>
    /// <param name="id">M's backward loop node in that body.</param>
    /// <param name="neededSeeds">The seeds M's backward body reads, by carried value.</param>
    /// <param name="tables">The table of each of <paramref name="neededSeeds"/>, over L's range.</param>
    /// <param name="condition">When the nest runs.</param>
    private static void WriteInterchangedSweep(SourceWriter writer, Context context, InterchangedSweeps interchange, int id, IReadOnlyList<int> neededSeeds, IReadOnlyList<string> tables, string condition, (string Start, string End, string InnerStart) ranges)
    {
        var plan = context.Plan;
        var node = plan.Model.Nodes[id];
        var inner = plan.Model.Loops[(int)node.Payload];
        var outer = interchange.Outer;
        var m = inner.StateNames.Count;
        var capturedCount = plan.Model.Nodes[node.Operand0].Arity - m;
        var seedNames = Enumerable.Range(0, m).Select(k => plan.SweepName("xs", id, k)).ToList();

        // The backward body reads only the seeds: the carried and captured values it does not read get no names.
        var body = inner.Reverse with
        {
            Parameters = Enumerable.Repeat("__unread", m + capturedCount).Concat(seedNames).ToEquatableArray(),
        };

        var first = m + capturedCount;
        var read = LoopNests.ElementsReadOnEveryIteration(inner);
        var outerIndex = outer.Index.TrimStart('@');
        var sums = new List<(int Root, List<(int Element, bool Negated)> Slots)>();
        var direct = new List<int>();
        for (var e = 0; e < inner.ReverseElements.Count; e++)
        {
            var value = body.Outputs[first + e];
            var (vector, index) = body.ElementParts(inner.ReverseElements[e]);
            if (body.IsGuarded(value) || CodeNames.In(index).Contains(outerIndex) || !read.Contains(vector + "[" + index + "]"))
            {
                direct.Add(e);
                continue;
            }

            var negated = body.Nodes[value].Operation == Operation.Negate;
            var root = negated ? body.Nodes[value].Operand0 : value;
            var sum = sums.FindIndex(s => s.Root == root);
            if (sum < 0)
            {
                sums.Add((root, new List<(int, bool)>()));
                sum = sums.Count - 1;
            }

            sums[sum].Slots.Add((e, negated));
        }

        var indices = IndexTexts(body).ToList();
        var sumNames = Enumerable.Range(0, sums.Count).Select(g => plan.SweepName("xa", id, g)).ToList();
        writer.Open("if (" + condition + ")");
        var aroundInner = interchange.Inductions.Enter(inner.Index, ranges.Start, ranges.End, backward: false, indices.Where(i => !IndexPolynomial.Reads(i, outer.Index)), plan.SweepName("xi", id) + "_");
        var innerHeader = writer.Mark();
        writer.Open("for (int " + inner.Index + " = " + ranges.Start + "; " + inner.Index + " < " + ranges.End + "; " + inner.Index + "++)");
        foreach (var name in sumNames)
        {
            writer.Line("double " + name + " = 0.0;");
        }

        var aroundOuter = aroundInner.Enter(outer.Index, ranges.InnerStart, outer.End, backward: false, indices.Where(i => IndexPolynomial.Reads(i, outer.Index)), plan.SweepName("xj", id) + "_", linear: true);
        var outerHeader = writer.Mark();
        writer.Open("for (int " + outer.Index + " = " + ranges.InnerStart + "; " + outer.Index + " < " + outer.End + "; " + outer.Index + "++)");
        for (var n = 0; n < neededSeeds.Count; n++)
        {
            writer.Line("double " + seedNames[neededSeeds[n]] + " = " + tables[n] + "[" + LoopNests.Offset(outer.Index, outer.Start) + "];");
        }

        // Reads that do not change with j (the centred point's table at i, an element at i) are made once per i.
        var jPrefix = plan.SweepName("xj", id) + "_";
        var bodyPrefix = plan.SweepName("xr", id) + "_";
        var hoisted = new Dictionary<string, string>();
        var hoistedLines = new List<string>();
        string? Hoist(string text)
        {
            if (CodeNames.In(text).Any(n => n == outerIndex || n.StartsWith(jPrefix, System.StringComparison.Ordinal) || n.StartsWith(bodyPrefix, System.StringComparison.Ordinal) || seedNames.Contains(n)))
            {
                return null;
            }

            if (!hoisted.TryGetValue(text, out var local))
            {
                hoisted[text] = local = plan.SweepName("xh", id, hoisted.Count);
                hoistedLines.Add("double " + local + " = " + text + ";");
            }

            return local;
        }

        WriteNested(writer, context, inner, body, bodyPrefix, body.Outputs, aroundOuter, unconditional: true, NothingRecorded, out var nested, hoist: Hoist);
        for (var g = 0; g < sums.Count; g++)
        {
            writer.Line(sumNames[g] + " += " + nested.Expressions.Write(sums[g].Root) + ";");
        }

        foreach (var e in direct)
        {
            WriteElementAdjoint(writer, nested, ElementTarget(nested, body, inner.ReverseElements[e]), body.Outputs[first + e]);
        }

        writer.Insert(outerHeader, hoistedLines);
        CloseLoop(writer, outerHeader, aroundOuter);
        for (var g = 0; g < sums.Count; g++)
        {
            foreach (var (element, negated) in sums[g].Slots)
            {
                var (vector, index) = body.ElementParts(inner.ReverseElements[element]);
                writer.Line(context.Buffers[vector] + "[" + aroundInner.Index(index) + "]" + (negated ? " -= " : " += ") + sumNames[g] + ";");
            }
        }

        CloseLoop(writer, innerHeader, aroundInner, blankLine: false);
        writer.Close();
        writer.Line();
    }
}
