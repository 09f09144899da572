using SymDiff.Generator.Emitting;
using SymDiff.Generator.Ir;
using SymDiff.Generator.Lowering;
using SymDiff.Generator.Printing;

namespace SymDiff.Generator.Tests.Unit.Lowering;

/// <summary>
/// The lowered program and its printer: what each statement kind prints, and a preheader (a place filled after the loop
/// after it was lowered) printed where it stands.
/// </summary>
public sealed class ProgramPrinterTests
{
    [Fact]
    public void Loops_PrintTheirBoundsAndDirection()
    {
        var program = new BlockBuilder();
        program.Open(new Loop("i", IntExpr.Zero, IntExpr.LengthOf("x")));
        program.Line("s += x[i];");
        program.Close();
        program.Open(new Loop("j", IntExpr.One, IntExpr.Named("n") - 1, LoopDirection.Descending));
        program.Close();

        Assert.Equal(
            """
            for (int i = 0; i < x.Length; i++)
            {
                s += x[i];
            }
            for (int j = (n - 1) - 1; j >= 1; j--)
            {
            }

            """,
            Print(program.Root));
    }

    [Fact]
    public void Rentals_DeclareTheirLengthAndArray_AndAreGivenBack()
    {
        var tape = new PooledBuffer("rented0", "count0", BufferRole.Tape);
        var table = new PooledBuffer("table0", null, BufferRole.Table, "float");
        var program = new BlockBuilder();
        program.Add(new Rent(tape, "2 * x.Length"));
        program.Add(new Rent(table, "n"));
        program.Add(new Release(tape));
        program.Add(new Release(table));

        Assert.Equal(
            """
            int count0 = 2 * x.Length;
            double[] rented0 = global::System.Buffers.ArrayPool<double>.Shared.Rent(global::System.Math.Max(1, count0));
            float[] table0 = global::System.Buffers.ArrayPool<float>.Shared.Rent(global::System.Math.Max(1, n));
            global::System.Buffers.ArrayPool<double>.Shared.Return(rented0);
            global::System.Buffers.ArrayPool<float>.Shared.Return(table0);

            """,
            Print(program.Root));
    }

    [Fact]
    public void APreheaderFilledLater_PrintsBeforeItsLoop_AndABlankLineEndingABlockIsDropped()
    {
        var program = new BlockBuilder();
        program.Open("if (n > 0)");
        var preheader = program.Placeholder();
        program.Open(new Loop("i", IntExpr.Zero, IntExpr.Named("n")));
        program.Line("y[i] = a[i];");
        program.Close();
        program.Line();
        program.Close();
        preheader.Prepend(new Statement[] { new Let("int", "a_at", "k * n"), new Let("double", "t", (string?)null) });

        Assert.Equal(
            """
            if (n > 0)
            {
                int a_at = k * n;
                double t;
                for (int i = 0; i < n; i++)
                {
                    y[i] = a[i];
                }
            }

            """,
            Print(program.Root));
    }

    [Fact]
    public void BranchesStoresAndReturns_PrintAsCSharp()
    {
        var program = new BlockBuilder();
        program.OpenIf(Code.Name("c"));
        program.Store(Code.Name("t"), Code.Name("a") + " * " + Code.Name("b"));
        program.Close();
        program.OpenElse();
        program.Accumulate(Code.Name("dx") + "[" + Code.Of(IntExpr.Named("i")) + "]", Code.Name("g"), subtract: true);
        program.Accumulate(Code.Name("s"), Code.Verbatim("1.0"));
        program.Close();
        program.Add(new Return(Code.Name("t")));

        Assert.Equal(
            """
            if (c)
            {
                t = a * b;
            }
            else
            {
                dx[i] -= g;
                s += 1.0;
            }
            return t;

            """,
            Print(program.Root));
        var branch = Assert.IsType<If>(program.Root.Statements[0]);
        Assert.True(ProgramReads.MayRead(program.Root.Statements, "g"));
        Assert.NotNull(branch.Else);
    }

    [Fact]
    public void AnElseWithoutAnIf_IsRefused()
        => Assert.Throws<InvalidOperationException>(() => new BlockBuilder().OpenElse());

    [Fact]
    public void Lines_AreTheStatementsUnindented()
        => Assert.Equal(["int a = 1;", "if (a > 0)", "{", "    a--;", "}"], ProgramPrinter.Lines(Statements()));

    private static IEnumerable<Statement> Statements()
    {
        var program = new BlockBuilder();
        program.Let("int", "a", "1");
        program.Line();
        program.Open("if (a > 0)");
        program.Line("a--;");
        program.Close();
        return program.Root.Statements;
    }

    private static string Print(Block program)
    {
        var writer = new SourceWriter();
        ProgramPrinter.Print(writer, program);
        return writer.ToString();
    }
}
