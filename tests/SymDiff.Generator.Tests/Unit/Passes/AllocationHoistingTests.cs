using SymDiff.Generator.Emitting;
using SymDiff.Generator.Ir;
using SymDiff.Generator.Lowering;
using SymDiff.Generator.Passes;
using SymDiff.Generator.Printing;

namespace SymDiff.Generator.Tests.Unit.Passes;

/// <summary>
/// Allocation hoisting on lowered programs built by hand: a tape rented in a loop body moves before the top-level loop
/// exactly when its length is the same on every iteration, and its release goes with it.
/// </summary>
public sealed class AllocationHoistingTests
{
    [Fact]
    public void TapeOfAnInnerLoop_OverTheParametersRange_IsRentedOnceBeforeTheTopLevelLoop()
    {
        var (region, _) = TopLevelLoopWithInnerTape(IntExpr.Named("d"));
        var rentals = new HoistedTapes(new[] { "x", "d" }) { RunsWhen = "0 < x.Length" };
        var remarks = new List<OptimizationRemark>();
        using (OptimizationRemarks.Collect(remarks))
        {
            AllocationHoisting.Run(region.Statements, rentals);
        }

        var rental = Assert.Single(rentals.Rentals);
        Assert.Equal("rented0", rental.Buffer.Array);
        Assert.Equal("global::System.Math.Max(0, d) * 2", rental.Length);
        Assert.Equal(
            """
            for (int i = 0; i < x.Length; i++)
            {
                global::System.Span<double> tape0 = rented0;
                for (int j = 0; j < d; j++)
                {
                }
                for (int j = (d) - 1; j >= 0; j--)
                {
                }
            }

            """,
            Print(region));
        Assert.Equal(OptimizationPass.AllocationHoisting, Assert.Single(remarks).Pass);
    }

    [Fact]
    public void TapeWhoseLengthReadsTheOuterIndex_StaysInTheLoopBody()
    {
        var (region, before) = TopLevelLoopWithInnerTape(IntExpr.Named("i"));
        var rentals = new HoistedTapes(new[] { "x", "d" }) { RunsWhen = "0 < x.Length" };

        AllocationHoisting.Run(region.Statements, rentals);

        Assert.Empty(rentals.Rentals);
        Assert.Equal(before, Print(region));
    }

    [Fact]
    public void LengthThatDivides_IsComputedOnlyWhereTheTopLevelLoopRuns()
    {
        var (region, _) = TopLevelLoopWithInnerTape(IntExpr.LengthOf("z") / IntExpr.Named("m"));
        var rentals = new HoistedTapes(new[] { "x", "z", "m" }) { RunsWhen = "0 < x.Length" };

        AllocationHoisting.Run(region.Statements, rentals);

        Assert.Equal("(0 < x.Length ? global::System.Math.Max(0, z.Length / m) * 2 : 0)", Assert.Single(rentals.Rentals).Length);
    }

    [Fact]
    public void TapeOfTheTopLevelLoopItself_IsAlreadyRentedOnce_AndStays()
    {
        var buffer = new PooledBuffer("rented0", "count0", BufferRole.Tape);
        var program = new BlockBuilder();
        program.Add(new Rent(buffer, "x.Length") { Tape = new TapeExtent("tape0", "i", IntExpr.Zero, IntExpr.LengthOf("x"), IntExpr.LengthOf("x"), new[] { (IntExpr.Zero, IntExpr.LengthOf("x")) }) });
        program.Open(new Loop("i", IntExpr.Zero, IntExpr.LengthOf("x")));
        program.Close();
        program.Add(new Release(buffer));
        var rentals = new HoistedTapes(new[] { "x" });

        AllocationHoisting.Run(program.Root.Statements, rentals);

        Assert.Empty(rentals.Rentals);
        Assert.Equal(3, program.Root.Statements.Count);
    }

    /// <summary>A top-level loop over i whose body runs an inner loop over j, from 0 to <paramref name="end"/>, with a tape of two values per iteration.</summary>
    private static (Block Region, string Printed) TopLevelLoopWithInnerTape(IntExpr end)
    {
        var top = (Start: IntExpr.Zero, End: IntExpr.LengthOf("x"));
        var size = IntExpr.MaxOf(IntExpr.Zero, end) * IntExpr.Constant(2);
        var buffer = new PooledBuffer("rented0", "count0", BufferRole.Tape);
        var program = new BlockBuilder();
        program.Open(new Loop("i", top.Start, top.End));
        program.Add(new Rent(buffer, size.ToString()) { Tape = new TapeExtent("tape0", "j", IntExpr.Zero, end, size, new[] { top }) });
        program.Let("global::System.Span<double>", "tape0", Code.Name("rented0"));
        program.Open(new Loop("j", IntExpr.Zero, end));
        program.Close();
        program.Open(new Loop("j", IntExpr.Zero, end, LoopDirection.Descending));
        program.Close();
        program.Add(new Release(buffer));
        program.Line();
        program.Close();
        return (program.Root, Print(program.Root));
    }

    private static string Print(Block program)
    {
        var writer = new SourceWriter();
        ProgramPrinter.Print(writer, program);
        return writer.ToString();
    }
}
