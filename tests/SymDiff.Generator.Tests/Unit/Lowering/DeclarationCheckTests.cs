using SymDiff.Generator.Ir;
using SymDiff.Generator.Lowering;

namespace SymDiff.Generator.Tests.Unit.Lowering;

/// <summary>
/// The check run on every lowered program before it is printed: a name declared where it is in scope already (C#'s
/// CS0128 and CS0136) is caught as the generator's own bug, and what C# accepts passes.
/// </summary>
public sealed class DeclarationCheckTests
{
    [Fact]
    public void SiblingScopes_MayReuseANameAndAPlaceIsNoScope()
    {
        var program = new BlockBuilder();
        program.OpenIf(Code.Name("c"));
        program.Let("double", "t", "1.0");
        program.Close();
        program.OpenElse();
        program.Let("double", "t", "2.0");
        program.Close();
        program.Open("unchecked");
        program.Let("double", "t", "3.0");
        program.Close();
        program.Open(new Loop("i", IntExpr.Zero, IntExpr.Named("n")));
        program.Close();
        program.Open(new Loop("i", IntExpr.Zero, IntExpr.Named("n")));
        program.Close();
        program.Placeholder().Add(new Let("double", "u", "0.0"));

        DeclarationCheck.Run(program.Root, ["x", "n", "c"]);
    }

    [Fact]
    public void ANameDeclaredTwiceInAScope_ThroughAPlace_IsCaught()
    {
        var program = new BlockBuilder();
        var place = program.Placeholder();
        program.Let("double", "t", "1.0");
        place.Add(new Let("double", "t", "0.0"));

        Assert.Contains("declares t", Assert.Throws<InvalidOperationException>(() => DeclarationCheck.Run(program.Root, [])).Message);
    }

    [Fact]
    public void ANestedDeclaration_OfANameTheEnclosingBlockDeclaresLater_IsCaught()
    {
        // { for (int i …) { double t; } double t; } is CS0136: t's scope is its whole block.
        var program = new BlockBuilder();
        program.Open(new Loop("i", IntExpr.Zero, IntExpr.Named("n")));
        program.Let("double", "t", (string?)null);
        program.Close();
        program.Let("double", "t", "0.0");

        Assert.Throws<InvalidOperationException>(() => DeclarationCheck.Run(program.Root, []));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("@x")]
    public void ALoopVariableOrRentalNamedAsAParameter_IsCaught(string parameter)
    {
        var loop = new BlockBuilder();
        loop.Open(new Loop("x", IntExpr.Zero, IntExpr.Named("n")));
        loop.Close();
        var rental = new BlockBuilder();
        rental.Add(new Rent(new PooledBuffer("rented", "x", BufferRole.Tape), "n"));

        Assert.Throws<InvalidOperationException>(() => DeclarationCheck.Run(loop.Root, [parameter]));
        Assert.Throws<InvalidOperationException>(() => DeclarationCheck.Run(rental.Root, [parameter]));
    }

    [Fact]
    public void AReadOfANameNotYetDeclared_OrOutOfItsScope_IsCaught()
    {
        var early = new BlockBuilder();
        early.Store(Code.Name("s"), Code.Name("t"));
        early.Let("double", "t", "0.0");
        var outOfLoop = new BlockBuilder();
        outOfLoop.Open(new Loop("i", IntExpr.Zero, IntExpr.Named("n")));
        outOfLoop.Close();
        outOfLoop.Store(Code.Name("s"), Code.Of(IntExpr.Named("i")));
        var ok = new BlockBuilder();
        var preheader = ok.Placeholder();
        ok.Open(new Loop("i", IntExpr.Zero, IntExpr.Named("n")));
        ok.Accumulate(Code.Name("s"), Code.Name("x") + "[" + Code.Of(IntExpr.Named("i")) + "] * " + Code.Name("w"));
        ok.Close();
        preheader.Add(new Let("double", "w", Code.Verbatim("2.0")));

        Assert.Contains("reads t", Assert.Throws<InvalidOperationException>(() => DeclarationCheck.Run(early.Root, ["s"])).Message);
        Assert.Contains("reads i", Assert.Throws<InvalidOperationException>(() => DeclarationCheck.Run(outOfLoop.Root, ["s", "n"])).Message);
        DeclarationCheck.Run(ok.Root, ["s", "n", "x"]);
        Assert.Throws<InvalidOperationException>(() => Code.Name("t[i]"));
    }
}
