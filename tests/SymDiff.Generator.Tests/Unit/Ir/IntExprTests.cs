using SymDiff.Generator.Ir;

namespace SymDiff.Generator.Tests.Unit.Ir;

/// <summary>The integer IR's expressions: value equality, printing with C#'s precedence, substitution.</summary>
public sealed class IntExprTests
{
    private static readonly IntExpr I = IntExpr.Named("i");
    private static readonly IntExpr J = IntExpr.Named("j");
    private static readonly IntExpr D = IntExpr.Named("d");

    [Fact]
    public void Equality_IsStructural_AndHashAgrees()
    {
        var a = (I * IntExpr.Grouped(D - 1)) + J;
        var b = (IntExpr.Named("i") * IntExpr.Grouped(IntExpr.Named("d") - IntExpr.Constant(1))) + IntExpr.Named("j");
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, (I * IntExpr.Grouped(D - 1)) - J);
        Assert.NotEqual(IntExpr.Named("x"), IntExpr.LengthOf("x"));
    }

    [Fact]
    public void Equality_KeepsSourceParentheses_WhichUnwrappedDrops()
    {
        Assert.NotEqual(I, IntExpr.Grouped(I));
        Assert.Equal(I, IntExpr.Grouped(IntExpr.UncheckedOf(I)).Unwrapped);
    }

    [Theory]
    [InlineData("i * (2 * d - i - 1) / 2 + (j - i - 1)")]
    [InlineData("x.Length - 1")]
    [InlineData("-i")]
    [InlineData("i - -5")]
    [InlineData("(i)")]
    [InlineData("unchecked(2147483647 + 1)")]
    [InlineData("i % 3 * 2")]
    [InlineData("global::System.Math.Max(0, d - 1)")]
    public void Printing_ParsedFormsOfTheSource_GivesTheSourceBack(string source)
        => Assert.Equal(source, Parse(source).ToString());

    [Fact]
    public void Printing_BuiltExpressions_ParenthesizesWhereCSharpNeedsIt()
    {
        Assert.Equal("i - (j + 1)", (I - (J + 1)).ToString());
        Assert.Equal("(i + j) * d", ((I + J) * D).ToString());
        Assert.Equal("i * (j / d)", (I * (J / D)).ToString());
        Assert.Equal("i * j / d", (I * J / D).ToString());
        Assert.Equal("-(i + j)", IntExpr.Negated(I + J).ToString());
        Assert.Equal("-(-3)", IntExpr.Negated(IntExpr.Constant(-3)).ToString());
    }

    [Fact]
    public void Reads_SeesNames_NotVectorLengths()
    {
        var index = IntExpr.LengthOf("i") + (J * IntExpr.Named("@i"));
        Assert.True(index.Reads("i"));
        Assert.False(IntExpr.LengthOf("i").Reads("i"));
        Assert.False(index.Reads("d"));
    }

    [Fact]
    public void Substitute_ReplacesEveryRead_AndKeepsWhatItDoesNotTouch()
    {
        var index = (I * D) + I;
        Assert.Equal("(j + 1) * d + (j + 1)", index.Substitute("i", IntExpr.Grouped(J + 1)).ToString());
        Assert.Same(index, index.Substitute("k", J));
    }

    [Fact]
    public void IsConstantOnly_HoldsForArithmeticOnLiterals()
    {
        Assert.True((IntExpr.Constant(2) * IntExpr.Grouped(IntExpr.Constant(3) + 4)).IsConstantOnly);
        Assert.False((IntExpr.Constant(2) * IntExpr.LengthOf("x")).IsConstantOnly);
    }

    /// <summary>A parser for the tests' own notation: names, literals, x.Length, parentheses, unchecked(...), Math.Max(a, b), + - * / %.</summary>
    internal static IntExpr Parse(string text)
    {
        var expression = Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ParseExpression(text);
        return Build(expression);

        static IntExpr Build(Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax e) => e switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax literal => IntExpr.Constant((int)literal.Token.Value!),
            Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax name => IntExpr.Named(name.Identifier.Text),
            Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax member => IntExpr.LengthOf(member.Expression.ToString()),
            Microsoft.CodeAnalysis.CSharp.Syntax.ParenthesizedExpressionSyntax group => IntExpr.Grouped(Build(group.Expression)),
            Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax { ArgumentList.Arguments: { Count: 2 } max } => IntExpr.MaxOf(Build(max[0].Expression), Build(max[1].Expression)),
            Microsoft.CodeAnalysis.CSharp.Syntax.CheckedExpressionSyntax @unchecked => IntExpr.UncheckedOf(Build(@unchecked.Expression)),
            Microsoft.CodeAnalysis.CSharp.Syntax.PrefixUnaryExpressionSyntax { Operand: Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax literal } => IntExpr.Constant(-(int)literal.Token.Value!),
            Microsoft.CodeAnalysis.CSharp.Syntax.PrefixUnaryExpressionSyntax unary => IntExpr.Negated(Build(unary.Operand)),
            Microsoft.CodeAnalysis.CSharp.Syntax.BinaryExpressionSyntax binary => IntExpr.Binary(
                binary.OperatorToken.Text switch { "+" => IntOp.Add, "-" => IntOp.Subtract, "*" => IntOp.Multiply, "/" => IntOp.Divide, _ => IntOp.Remainder },
                Build(binary.Left),
                Build(binary.Right)),
            _ => throw new ArgumentException("not in the tests' notation: " + e, nameof(text)),
        };
    }
}
