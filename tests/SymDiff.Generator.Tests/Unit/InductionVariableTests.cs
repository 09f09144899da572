using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SymDiff.Generator.Emitting;
using SymDiff.Generator.Tests.Unit.Ir;

namespace SymDiff.Generator.Tests.Unit;

/// <summary>
/// Strength-reduced indices: the running locals' declarations and steps, run by a small interpreter of C#'s
/// own int arithmetic, give on every iteration exactly the index the source's expression gives there.
/// </summary>
public sealed class InductionVariableTests
{
    public static TheoryData<string> Reduced => new()
    {
        "k * (d * (d + 1) / 2) + d + i * (2 * d - i - 1) / 2 + (j - i - 1)",
        "i * (i + 1) / 2 + j",
        "i * i",
        "(i * i * i - i) / 6",
        "3 * i * i - 2 * i * j + 7",
        "(2 * i + 4) / 2",
        "(n - i) * (n - i - 1) / 2",
        "-(i * i) + d * i",
        "i * (i - 1) * (i - 2) / 6 + i * (i - 1) / 2",
    };

    [Theory]
    [MemberData(nameof(Reduced))]
    public void RunningLocals_EqualTheIndexOnEveryIteration_ForwardAndBackward(string index)
    {
        var random = new Random(index.Length);
        foreach (var backward in new[] { false, true })
        {
            foreach (var (start, end) in new[] { ("0", "j"), ("1", "n"), ("j - 3", "n + 2"), ("-n", "d") })
            {
                for (var trial = 0; trial < 20; trial++)
                {
                    var values = new Dictionary<string, int>
                    {
                        ["d"] = random.Next(0, 30), ["j"] = random.Next(-5, 30), ["k"] = random.Next(0, 9), ["n"] = random.Next(-3, 40),
                    };
                    AssertRunsAsEvaluated(index, start, end, backward, values);
                }
            }
        }
    }

    [Theory]
    [InlineData("i")]                          // affine: the JIT keeps it in a register already
    [InlineData("i * i / 2")]                  // i² is odd for odd i: C#'s / truncates, which no polynomial does
    [InlineData("(i + 1) / 2")]
    [InlineData("i * i % 7")]
    [InlineData("global::System.Math.Max(i * i, 3)")]
    [InlineData("n / m + i")]                  // computed ahead, n / m could throw where the source does not run it
    [InlineData("(i - 50000) * (i - 50000)")]  // expanded, 2,500,000,000 is no int literal
    public void OtherIndices_AreLeftAsWritten(string index)
    {
        var scope = InductionVariables.None.Enter("i", "0", "n", backward: false, [index], "__at");
        Assert.Equal(index, scope.Index(index));
        Assert.Empty(Lines(scope.Declarations()));
        Assert.Empty(scope.Steps().Select(s => s.Text));
    }

    [Theory]
    [InlineData("ix * d + i", "__atp0 + i", "ix * d")]
    [InlineData("j * (j + 1) / 2 - i", "__atp0 - i", "j * (j + 1) / 2")]
    [InlineData("ik * (d * (d + 1) / 2) + 3 * k * x.Length + i", "__atp0 + i", "ik * (d * (d + 1) / 2) + 3 * k * x.Length")]
    [InlineData("x.Length + 2 * n - i", "__atp0 - i", "x.Length + 2 * n")]
    [InlineData("(i - lo) * d + (j - lo) * d", "(i - lo) * d + __atp0", "(j - lo) * d")]
    [InlineData("-(k * m) + i", "__atp0 + i", "-(k * m)")]
    public void PartsNotReadingTheVariable_AreComputedBeforeTheLoopAsWritten(string index, string written, params string[] parts)
    {
        var scope = InductionVariables.None.Enter("i", "0", "n", backward: false, [index], "__at");
        Assert.Equal(written, scope.Index(index));
        Assert.Equal(parts.Select((p, k) => "int __atp" + k + " = " + p + ";"), Lines(scope.Declarations()));
        Assert.Empty(scope.Steps().Select(s => s.Text));
    }

    [Fact]
    public void Products_AreComputedBeforeTheOutermostLoopTheyDoNotRead()
    {
        var outer = InductionVariables.None.Enter("ix", "0", "n", backward: false, [], "__outer");
        var inner = outer.Enter("j", "0", "d", backward: false, [], "__inner");
        Assert.Equal("__innerp0 + j", inner.Index("ix * d + j"));
        Assert.Equal("__outerp0 + j", inner.Index("k * d + j"));
        Assert.Equal("__innerp1 + j", inner.Index("k * d + ix * d + j"));
        Assert.Equal(["int __innerp0 = ix * d;", "int __innerp1 = k * d + ix * d;"], Lines(inner.Declarations()));

        // The outer loop has closed: a part is computed no further out than the loop still open.
        Assert.Equal(["int __outerp0 = k * d;"], Lines(outer.Declarations()));
        var later = outer.Enter("j", "0", "d", backward: false, [], "__later");
        Assert.Equal("__laterp0 + j", later.Index("m * d + j"));
    }

    [Fact]
    public void RunningLocalsOfAnInnerLoop_ReadTheProductsOfTheLoopsAroundIt()
    {
        const string index = "k * (d * (d + 1) / 2) + d + i * (2 * d - i - 1) / 2 + (j - i - 1)";
        var outer = InductionVariables.None.Enter("j", "0", "d", backward: false, [], "__outer");
        var inner = outer.Enter("i", "0", "j", backward: false, [index], "__at");
        Assert.Equal("__at0", inner.Index(index));
        Assert.Equal(["int __at0 = unchecked(__outerp0 + d + j - 1);", "int __at0_d1 = unchecked(d - 2);"], Lines(inner.Declarations()));
        Assert.Equal(["int __outerp0 = unchecked((d * (d + 1) / 2) * k);"], Lines(outer.Declarations()));
    }

    [Fact]
    public void GmmTriangle_ReadsAsDerivedByHand()
    {
        // I(i) = base + d + i(2d − i − 1)/2 + (j − i − 1): I(0) = base + d + j − 1, ΔI(0) = d − 2, Δ²I = −1.
        const string index = "ik * (d * (d + 1) / 2) + d + i * (2 * d - i - 1) / 2 + (j - i - 1)";
        var forward = InductionVariables.None.Enter("i", "0", "j", backward: false, [index], "__at");
        Assert.Equal("__at0", forward.Index(index));
        Assert.Equal(["int __at0 = unchecked((d * (d + 1) / 2) * ik + d + j - 1);", "int __at0_d1 = unchecked(d - 2);"], Lines(forward.Declarations()));
        Assert.Equal(["__at0 += __at0_d1;", "__at0_d1--;"], forward.Steps().Select(s => s.Text));

        // Backward from i = j − 1: I(j − 1) = base + d·j + (j − j²)/2, and the step I(i − 1) − I(i) = j − d on the first one.
        var backward = InductionVariables.None.Enter("i", "0", "j", backward: true, [index], "__at");
        Assert.Equal("__at0", backward.Index(index));
        Assert.Equal(["int __at0 = unchecked((d * (d + 1) / 2) * ik + d * j + (int)((-(long)j * j + (long)j) / 2));", "int __at0_d1 = unchecked(-d + j);"], Lines(backward.Declarations()));
        Assert.Equal(["__at0 += __at0_d1;", "__at0_d1--;"], backward.Steps().Select(s => s.Text));
    }

    [Fact]
    public void UnusedReduction_DeclaresNothing()
    {
        var scope = InductionVariables.None.Enter("i", "0", "n", backward: false, ["i * i"], "__at");
        Assert.Empty(Lines(scope.Declarations()));
        Assert.Empty(scope.Steps().Select(s => s.Text));
    }

    [Fact]
    public void InnerScope_FindsTheEnclosingLoopsRunningLocal()
    {
        var outer = InductionVariables.None.Enter("j", "0", "n", backward: false, ["j * j"], "__outer");
        var inner = outer.Enter("i", "0", "j", backward: false, ["i * i + j"], "__inner");
        Assert.Equal("__outer0", inner.Index("j * j"));
        Assert.Equal("__inner0", inner.Index("i * i + j"));
        Assert.Equal(["int __outer0 = 0;", "int __outer0_d1 = 1;"], Lines(outer.Declarations()));
    }

    [Fact]
    public void InnerLoopsFirstIndex_RunsInTheOuterLoop()
    {
        // The packed triangle swept by rows: row i's first index, d + i(2d − i − 1)/2, advances by d − i − 1 per row.
        const string index = "k * (d * (d + 1) / 2) + d + i * (2 * d - i - 1) / 2 + (j - i - 1)";
        var outer = InductionVariables.None.Enter("i", "0", "d - 1", backward: false, [], "__row");
        var inner = outer.Enter("j", "i + 1", "d", backward: false, [index], "__at", linear: true);
        Assert.Equal("__at0", inner.Index(index));
        Assert.Equal(["int __at0 = __row0;"], Lines(inner.Declarations()));
        Assert.Equal(["__at0++;"], inner.Steps().Select(s => s.Text));
        Assert.Equal(["__row0 += __row0_d1;", "__row0_d1--;"], outer.Steps().Select(s => s.Text));
        Assert.Equal(["int __row0 = unchecked((d * (d + 1) / 2) * k + d);", "int __row0_d1 = unchecked(d - 1);"], Lines(outer.Declarations()));
    }

    [Theory]
    [InlineData("k * (d * (d + 1) / 2) + d + i * (2 * d - i - 1) / 2 + (j - i - 1)", "i + 1", "d", false)]
    [InlineData("k * (d * (d + 1) / 2) + d + i * (2 * d - i - 1) / 2 + (j - i - 1)", "i + 1", "d", true)]
    [InlineData("i * (i + 1) / 2 + j", "0", "i + 1", false)]
    [InlineData("i * i * d + j * j", "i", "n", true)]
    public void NestedRunningLocals_EqualTheIndexOnEveryIteration(string index, string innerStart, string innerEnd, bool backward)
    {
        var random = new Random(index.Length);
        var checkedIterations = 0;
        for (var trial = 0; trial < 30; trial++)
        {
            var values = new Dictionary<string, int> { ["d"] = random.Next(0, 15), ["k"] = random.Next(0, 9), ["n"] = random.Next(-3, 20) };
            var outer = InductionVariables.None.Enter("i", "0", "d - 1", backward, [], "__row");
            var inner = outer.Enter("j", innerStart, innerEnd, backward, [index], "__at", linear: true);
            var name = inner.Index(index);
            var (innerSteps, innerDeclarations) = (inner.Steps().Select(s => s.Text).ToList(), Lines(inner.Declarations()).ToList());
            var (outerSteps, outerDeclarations) = (outer.Steps().Select(s => s.Text).ToList(), Lines(outer.Declarations()).ToList());
            Assert.NotEmpty(outerSteps);
            var locals = new Dictionary<string, int>(values);
            Declare(outerDeclarations, locals);
            var (first, last) = (0, Evaluate("d - 1", values) - 1);
            for (var i = backward ? last : first; backward ? i >= first : i <= last; i += backward ? -1 : 1)
            {
                locals["i"] = i;
                Declare(innerDeclarations, locals);
                var (innerFirst, innerLast) = (Evaluate(innerStart, locals), Evaluate(innerEnd, locals) - 1);
                for (var j = backward ? innerLast : innerFirst; backward ? j >= innerFirst : j <= innerLast; j += backward ? -1 : 1)
                {
                    locals["j"] = j;
                    Assert.True(Evaluate(index, locals) == locals[name], $"{index} at i = {i}, j = {j}: {Evaluate(index, locals)}, running {locals[name]}");
                    innerSteps.ForEach(step => Step(step, locals));
                    checkedIterations++;
                }

                outerSteps.ForEach(step => Step(step, locals));
            }

        }

        Assert.True(checkedIterations > 100, checkedIterations + " iterations checked");
    }

    private static void Declare(IEnumerable<string> declarations, Dictionary<string, int> locals)
    {
        foreach (var declaration in declarations)
        {
            var parts = declaration.TrimEnd(';').Substring("int ".Length).Split(" = ", 2);
            locals[parts[0]] = Evaluate(parts[1], locals);
        }
    }

    private static void AssertRunsAsEvaluated(string index, string start, string end, bool backward, Dictionary<string, int> values)
    {
        var scope = InductionVariables.None.Enter("i", start, end, backward, [index], "__at");
        var name = scope.Index(index);
        Assert.NotEqual(index, name);
        var locals = new Dictionary<string, int>(values);
        foreach (var declaration in scope.Declarations())
        {
            locals[declaration.Name] = Evaluate(declaration.Value!.Text, locals);
        }

        var (first, last) = (Evaluate(start, values), Evaluate(end, values) - 1);
        for (var i = backward ? last : first; backward ? i >= first : i <= last; i += backward ? -1 : 1)
        {
            locals["i"] = i;
            Assert.True(
                Evaluate(index, locals) == locals[name],
                $"{index} at i = {i} ({string.Join(", ", values.Select(v => v.Key + " = " + v.Value))}, {(backward ? "backward" : "forward")} from {start} to {end}): {Evaluate(index, locals)}, running {locals[name]}");
            foreach (var step in scope.Steps().Select(s => s.Text))
            {
                Step(step, locals);
            }
        }
    }

    private static void Step(string statement, Dictionary<string, int> locals)
    {
        var text = statement.TrimEnd(';');
        if (text.EndsWith("++", StringComparison.Ordinal) || text.EndsWith("--", StringComparison.Ordinal))
        {
            locals[text[..^2]] += text.EndsWith("++", StringComparison.Ordinal) ? 1 : -1;
            return;
        }

        var op = text.Contains(" += ", StringComparison.Ordinal) ? " += " : " -= ";
        var parts = text.Split(op, 2);
        var amount = Evaluate(parts[1], locals);
        locals[parts[0]] = unchecked(op == " += " ? locals[parts[0]] + amount : locals[parts[0]] - amount);
    }

    /// <summary>C# int and long arithmetic, unchecked, as the compiled code computes it.</summary>
    private static int Evaluate(string code, IReadOnlyDictionary<string, int> locals)
    {
        var (value, isLong) = Evaluate(SyntaxFactory.ParseExpression(code), locals);
        Assert.False(isLong, code + " is a long");
        return (int)value;
    }

    private static (long Value, bool IsLong) Evaluate(ExpressionSyntax expression, IReadOnlyDictionary<string, int> locals)
    {
        switch (expression)
        {
            case LiteralExpressionSyntax { Token.Value: int literal }:
                return (literal, false);
            case LiteralExpressionSyntax { Token.Value: long literal }:
                return (literal, true);
            case IdentifierNameSyntax name:
                return (locals[name.Identifier.ValueText], false);
            case ParenthesizedExpressionSyntax parenthesized:
                return Evaluate(parenthesized.Expression, locals);
            case CheckedExpressionSyntax { RawKind: (int)SyntaxKind.UncheckedExpression } @unchecked:
                return Evaluate(@unchecked.Expression, locals);
            case CastExpressionSyntax cast:
                var operand = Evaluate(cast.Expression, locals).Value;
                return cast.Type.ToString() == "long" ? (operand, true) : (unchecked((int)operand), false);
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression } negation:
                var (negated, isLong) = Evaluate(negation.Operand, locals);
                return Narrow(unchecked(-negated), isLong);
            case BinaryExpressionSyntax binary:
                var (left, leftLong) = Evaluate(binary.Left, locals);
                var (right, rightLong) = Evaluate(binary.Right, locals);
                var wide = leftLong || rightLong;
                return Narrow(unchecked(binary.Kind() switch
                {
                    SyntaxKind.AddExpression => left + right,
                    SyntaxKind.SubtractExpression => left - right,
                    SyntaxKind.MultiplyExpression => left * right,
                    SyntaxKind.DivideExpression => wide ? left / right : (int)left / (int)right,
                    _ => throw new NotSupportedException(binary.ToString()),
                }), wide);
            default:
                throw new NotSupportedException(expression.ToString());
        }
    }

    private static (long Value, bool IsLong) Narrow(long value, bool isLong) => isLong ? (value, true) : (unchecked((int)value), false);

    private static IReadOnlyList<string> Lines(IEnumerable<SymDiff.Generator.Lowering.Statement> statements) => SymDiff.Generator.Printing.ProgramPrinter.Lines(statements);
}
