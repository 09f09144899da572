using SymDiff.Generator.Emitting;
using SymDiff.Generator.Tests.Unit.Ir;

namespace SymDiff.Generator.Tests.Unit;

/// <summary>
/// Elements at an offset from a loop's variable are read through a slice taken before the loop, only where the
/// slice's bounds check throws exactly where the source's index would: offset and variable never negative while an
/// element is read, the offset unchanged by the loop.
/// </summary>
public sealed class ElementSliceTests
{
    private static readonly Dictionary<string, string> Spans = new()
    {
        ["a"] = "global::System.ReadOnlySpan<double>",
        ["da"] = "global::System.Span<double>",
    };

    private static readonly HashSet<string> Parameters = ["a", "da", "n", "d", "m", "k", "rows"];

    private static InductionVariables Root => InductionVariables.Root(Spans, Parameters.Contains);

    [Fact]
    public void OffsetFromTheInnerVariable_IsReadThroughASliceDeclaredBeforeTheLoop()
    {
        var rows = Root.Enter("i", "0", "rows", backward: false, [], "__at_");
        var columns = rows.Enter("j", "0", "d", backward: false, [], "__at0_");

        Assert.Equal("__at0_s0[j]", columns.Element("a", "i * d + j"));
        Assert.Equal("__at0_s0[j]", columns.Element("a", "i * d + j"));
        Assert.Equal("__at0_s1[j]", columns.Element("da", "i * d + j"));
        Assert.Equal(
            [
                "int __at0_p0 = i * d;",
                "global::System.ReadOnlySpan<double> __at0_s0 = __at0_p0 >= 0 && __at0_p0 <= a.Length ? a.Slice(__at0_p0) : default;",
                "global::System.Span<double> __at0_s1 = __at0_p0 >= 0 && __at0_p0 <= da.Length ? da.Slice(__at0_p0) : default;",
            ],
            Lines(rows.Declarations()).Concat(Lines(columns.Declarations())));
    }

    [Theory]
    [InlineData("i * d + j", "0", "d")]            // d > 0 wherever the loop over j runs
    [InlineData("j + i * (d - 1)", "0", "d - 1")]  // d > 1 there
    [InlineData("i * (d * (d + 1) / 2) + j", "0", "d")]
    [InlineData("i + j", "0", "n")]
    [InlineData("a.Length * i + j", "2", "n")]
    [InlineData("i * d + j", "0", "global::System.Math.Max(0, d)")]
    public void ProvablyNonNegativeOffsets_AreSliced(string index, string start, string end)
    {
        var rows = Root.Enter("i", "0", "rows", backward: false, [], "__at_");
        var columns = rows.Enter("j", start, end, backward: true, [], "__at0_");
        var code = columns.Element("a", index);
        if (end.StartsWith("global::"))
        {
            // Math.Max(0, d) bounds nothing about d itself: i * d may be negative.
            Assert.Equal("a[" + columns.Index(index) + "]", code);
            return;
        }

        Assert.Equal("__at0_s0[j]", code);
        Assert.Contains(Lines(columns.Declarations()), line => line.Contains("a.Slice("));
    }

    [Theory]
    [InlineData("i * d - j")]          // the variable runs backward through the vector
    [InlineData("i * d + 2 * j")]      // strided
    [InlineData("j + 1")]              // a constant offset is part of the address already
    [InlineData("j")]
    [InlineData("i * d - 1 + j")]      // negative at i = 0
    [InlineData("(i - 1) * d + j")]
    [InlineData("i * m + j")]          // m is a parameter, of unknown sign
    [InlineData("k * d + j")]          // k is assigned in the loop, as far as this scope knows
    [InlineData("j * j + i")]
    [InlineData("(i * d + j) / 2")]
    public void OtherIndices_AreNotSliced(string index)
    {
        var rows = Root.Enter("i", "0", "rows", backward: false, [], "__at_");
        var columns = rows.Enter("j", "0", "d", backward: false, [], "__at0_");
        Assert.DoesNotContain("_s0", columns.Element("a", index));
        Assert.DoesNotContain(Lines(columns.Declarations()), line => line.Contains("Slice"));
    }

    [Theory]
    [InlineData("i * d + j - j + j")]          // the source's offset reads j, which is not declared before the loop
    [InlineData("i * d + d / k - d / k + j")]  // the source's offset divides by k, which may be 0 where no element is read
    public void OffsetProvenOnlyOnceExpanded_IsWrittenExpanded(string index)
    {
        var rows = Root.Enter("i", "0", "rows", backward: false, [], "__at_");
        var columns = rows.Enter("j", "0", "d", backward: false, [], "__at0_");
        Assert.Equal("__at0_s0[j]", columns.Element("a", index));
        Assert.Equal(
            [
                "int __at0_p0 = d * i;",
                "global::System.ReadOnlySpan<double> __at0_s0 = __at0_p0 >= 0 && __at0_p0 <= a.Length ? a.Slice(__at0_p0) : default;",
            ],
            Lines(columns.Declarations()));
    }

    [Fact]
    public void LoopThatMayStartBelowZero_IsNotSliced()
    {
        var rows = Root.Enter("i", "0", "rows", backward: false, [], "__at_");
        var columns = rows.Enter("j", "-1", "d", backward: false, [], "__at0_");
        Assert.Equal("a[__at0_p0 + j]", columns.Element("a", "i * d + j"));
    }

    [Fact]
    public void VectorsThatAreNotSpans_AreNotSliced()
    {
        // An array parameter may be null: its slice would not throw the source's NullReferenceException.
        var rows = Root.Enter("i", "0", "rows", backward: false, [], "__at_");
        var columns = rows.Enter("j", "0", "d", backward: false, [], "__at0_");
        Assert.Equal("b[__at0_p0 + j]", columns.Element("b", "i * d + j"));
    }

    [Fact]
    public void GeneratedTables_AreSliced_WithTheirLengthsTakenAsNonNegative()
    {
        var rows = Root.Enter("i", "0", "rows", backward: false, [], "__at_");
        var columns = rows.Enter("j", "0", "d", backward: false, [], "__at0_");
        Assert.Equal("__at0_s0[j]", columns.Element("__table0", "i * __table0_n1 + j", ("global::System.ReadOnlySpan<double>", true)));
        Assert.Contains(
            "global::System.ReadOnlySpan<double> __at0_s0 = __at0_p0 >= 0 && __at0_p0 <= __table0.Length ? new global::System.ReadOnlySpan<double>(__table0, __at0_p0, __table0.Length - __at0_p0) : default;",
            Lines(columns.Declarations()));
    }

    [Fact]
    public void OffsetThatIsNotAName_IsComputedOnce()
    {
        var rows = Root.Enter("i", "0", "rows", backward: false, [], "__at_");
        var columns = rows.Enter("j", "0", "n", backward: false, [], "__at0_");
        Assert.Equal("__at0_s0[j]", columns.Element("a", "i + 3 + j"));
        Assert.Equal(
            [
                "int __at0_s0_at = i + 3;",
                "global::System.ReadOnlySpan<double> __at0_s0 = __at0_s0_at >= 0 && __at0_s0_at <= a.Length ? a.Slice(__at0_s0_at) : default;",
            ],
            Lines(columns.Declarations()));
    }

    [Fact]
    public void OffsetThatInnerLoopsDoNotRead_IsSlicedOnceBeforeTheOutermostOfThem_AndShared()
    {
        var points = Root.Enter("p", "0", "n", backward: false, [], "__p_");
        var components = points.Enter("k", "0", "m", backward: false, [], "__k_");
        var columns = components.Enter("j", "0", "d", backward: false, [], "__j_");
        var others = components.Enter("i", "0", "d", backward: false, [], "__i_");

        Assert.Equal("__k_s0[j]", columns.Element("a", "p * d + j"));
        Assert.Equal("__k_s0[i]", others.Element("a", "p * d + i"));
        Assert.Equal("__j_s0[j]", columns.Element("da", "k * d + j"));
        Assert.Equal(
            [
                "int __k_p0 = p * d;",
                "global::System.ReadOnlySpan<double> __k_s0 = __k_p0 >= 0 && __k_p0 <= a.Length ? a.Slice(__k_p0) : default;",
            ],
            Lines(components.Declarations()));
        Assert.Equal(
            [
                "int __j_p0 = k * d;",
                "global::System.Span<double> __j_s0 = __j_p0 >= 0 && __j_p0 <= da.Length ? da.Slice(__j_p0) : default;",
            ],
            Lines(columns.Declarations()));
        Assert.Empty(Lines(others.Declarations()));
    }

    [Fact]
    public void Rows_AreSlicesFromTheFirstIterationsIndex_AsLongAsTheFirstRow_ReadAtTheCounter()
    {
        var columns = Root.Enter("i", "0", "d - 1", backward: false, [], "__i_");
        var rows = columns.EnterRows("j", "i + 1", "d", ["k * n + j", "j + 2 * n"], "__j_", "__j_k", (vector, index) => index != "j + 2 * n");

        Assert.Equal("__j_s0[__j_k]", rows.Element("t", "j", ("global::System.ReadOnlySpan<double>", true)));
        Assert.Equal("__j_s1[__j_k]", rows.Element("a", "k * n + j"));
        Assert.Equal("__j_s2[__j_k]", rows.Element("da", "k * n + j"));

        // Refused: indexed by a running local that advances with the loop, as without rows.
        Assert.Equal("a[__j_0]", rows.Element("a", "j + 2 * n"));
        Assert.Equal(("__j_k", SymDiff.Generator.Ir.IntExpr.LengthOf("__j_s0")), rows.RowLoop());
        Assert.Equal(["__j_0++;"], rows.Steps().Select(s => s.Text));
        Assert.Equal(
            [
                "int __j_0 = unchecked(i + 2 * n + 1);",
                "int __j_1 = unchecked(__i_p0 + i + 1);",
                "int __j_2 = unchecked(i + 1);",
                "global::System.ReadOnlySpan<double> __j_s0 = new global::System.ReadOnlySpan<double>(t, __j_2, (d) - (i + 1));",
                "global::System.ReadOnlySpan<double> __j_s1 = a.Slice(__j_1, __j_s0.Length);",
                "global::System.Span<double> __j_s2 = da.Slice(__j_1, __j_s0.Length);",
            ],
            Lines(rows.Declarations()));
        Assert.Contains(Lines(columns.Declarations()), line => line.StartsWith("int __i_p0 = ") && line.Contains("k * n"));
    }

    [Fact]
    public void RowsLoop_WithoutAFirstRow_ReadsNoRowsAfterwards()
    {
        var columns = Root.Enter("i", "0", "d - 1", backward: false, [], "__i_");
        var rows = columns.EnterRows("j", "i + 1", "d", ["k * n + j"], "__j_", "__j_k", (_, _) => true);

        // No row fixed the loop's length before its header: it keeps its variable, and elements their running locals.
        Assert.Null(rows.RowLoop());
        Assert.Equal("a[__j_0]", rows.Element("a", "k * n + j"));
        Assert.Equal(["__j_0++;"], rows.Steps().Select(s => s.Text));
    }

    private static IReadOnlyList<string> Lines(IEnumerable<SymDiff.Generator.Lowering.Statement> statements) => SymDiff.Generator.Printing.ProgramPrinter.Lines(statements);
}
