using SymDiff.Generator.Ir;
using SymDiff.Generator.Lowering;

namespace SymDiff.Generator.Tests.Unit.Lowering;

/// <summary>
/// The use side of the lowered program's def-use: the names a piece of code reads, known from how it was built; text
/// that might hold a name makes the answer conservative, never wrong.
/// </summary>
public sealed class CodeReadsTests
{
    [Fact]
    public void ReadsAreTheNamesAndIndexNamesItWasBuiltFrom()
    {
        var index = IntExpr.Named("i") * IntExpr.LengthOf("x") + IntExpr.Named("@j");
        var code = Code.Name("acc") + " += " + Code.Name("x") + "[" + Code.Of(index) + "];";

        Assert.Equal("acc += x[i * x.Length + @j];", code.Text);
        Assert.True(code.ReadsAreKnown);
        Assert.Equal(["acc", "i", "j", "x"], code.Reads().Distinct().OrderBy(n => n, StringComparer.Ordinal));
        Assert.False(code.MayRead("k"));
        Assert.True(code.MayRead("@j"));
    }

    [Theory]
    [InlineData(" * ", true)]
    [InlineData("0.0", true)]
    [InlineData("1E-300", false)]   // a letter: it could be a name
    [InlineData("t[i]", false)]
    public void AStringJoinedToCode_ReadsNothingOnlyWithoutLetters(string text, bool known)
    {
        Assert.Equal(known, (Code.Name("a") + text).ReadsAreKnown);
        Assert.Equal(known, (text + Code.Name("a")).ReadsAreKnown);
        Assert.Equal(known, Code.Plain(text).ReadsAreKnown);
    }

    [Theory]
    [InlineData("x̄", true)]          // a letter and a combining mark, as C# allows
    [InlineData("θ\u0302", true)]
    [InlineData("@in", true)]
    [InlineData("ⅻ_1", true)]        // a letter number
    [InlineData("true", false)]
    [InlineData("2x", false)]
    [InlineData("t[i]", false)]
    public void Names_AreCSharpIdentifiers(string text, bool isName)
    {
        Assert.Equal(isName, Code.Plain(text).IsName);
        if (!isName)
        {
            Assert.Throws<InvalidOperationException>(() => Code.Name(text));
        }
    }

    [Fact]
    public void AStringOfLetterNumbers_IsOpaque()
        => Assert.False((Code.Name("a") + " + ⅻ").ReadsAreKnown);

    [Fact]
    public void OpaqueCode_MayReadAnything_AndVerbatimNothing()
    {
        Assert.True((Code.Opaque("f(q)") + " + " + Code.Name("a")).MayRead("z"));
        Assert.False(Code.Verbatim("global::System.Math.Exp(").MayRead("Math"));
        Assert.Equal(["a", "b"], Code.Format("global::System.Math.Max({0}, {1})", [Code.Name("a"), Code.Name("b")]).Reads().OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(["a", "b"], Code.Join(" * ", [Code.Name("a"), Code.Name("b")]).Reads().OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal("a", (Code.Verbatim("-") + Code.Name("a")).Skip(1).Text);
        Assert.Equal(["a"], (Code.Verbatim("-") + Code.Name("a")).Skip(1).Reads());
    }

    [Fact]
    public void AProgramMayReadAName_ThroughItsLoopsHeadersAndLets()
    {
        var program = new BlockBuilder();
        program.Let("double", "s", Code.Verbatim("0.0"));
        program.Open(new Loop("k", IntExpr.Zero, IntExpr.Named("n")));
        program.Open(Code.Verbatim("if (") + Code.Name("w") + " > 0.0)");
        program.Line(Code.Name("s") + " += " + Code.Name("row") + "[" + Code.Name("k") + "];");
        program.Close();
        program.Close();
        var statements = program.Root.Statements;

        Assert.True(ProgramReads.MayRead(statements, "n"));
        Assert.True(ProgramReads.MayRead(statements, "w"));
        Assert.True(ProgramReads.MayRead(statements, "row"));
        Assert.False(ProgramReads.MayRead(statements, "j"));

        program.Line("t[j] = 1.0;");
        Assert.True(ProgramReads.MayRead(program.Root.Statements, "q"));
    }
}
