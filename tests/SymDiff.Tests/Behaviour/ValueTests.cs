using SymDiff.Tests.Functions;

namespace SymDiff.Tests.Behaviour;

/// <summary>The value returned by <c>NameGradient</c> is <c>Name(...)</c>.</summary>
public sealed class ValueTests
{
    // Functions without integer powers or repeated factors: the value must be the same bits.
    public static TheoryData<string, double, double> BitIdenticalCases => new()
    {
        { "Lecture.Neuron", Lecture.Neuron(0.3, -1.7, 2.2, 0.9, -0.4), Lecture.NeuronGradient(0.3, -1.7, 2.2, 0.9, -0.4, out _, out _, out _, out _, out _) },
        { "Elementary.Sin", Elementary.Sin(0.37), Elementary.SinGradient(0.37, out _) },
        { "Elementary.LogBase", Elementary.LogBase(7.1, 2.3), Elementary.LogBaseGradient(7.1, 2.3, out _, out _) },
        { "Arithmetic.Mixed", Arithmetic.Mixed(1.3, -0.7), Arithmetic.MixedGradient(1.3, -0.7, out _, out _) },
        { "Locals.VarAndDouble", Locals.VarAndDouble(1.1, 0.3), Locals.VarAndDoubleGradient(1.1, 0.3, out _, out _) },
        { "Branches.Ternary", Branches.Ternary(0.7, 0.3), Branches.TernaryGradient(0.7, 0.3, out _, out _) },
    };

    [Theory]
    [MemberData(nameof(BitIdenticalCases))]
    public void GradientValue_NoIntegerPowers_BitIdenticalToOriginal(string function, double original, double generated)
    {
        Assert.True(
            BitConverter.DoubleToInt64Bits(original) == BitConverter.DoubleToInt64Bits(generated),
            function + ": original " + original.ToString("R") + ", generated " + generated.ToString("R"));
    }

    // Integer powers are canonicalised: Math.Pow(x, 3) is emitted as the product x·x·x, and a
    // repeated product such as x·x·x is folded into that same power node. A product can round
    // differently from Math.Pow by an ulp or two, so functions with an integer power or a repeated
    // factor are compared to 1e-15 relative instead of bit for bit.
    public static TheoryData<string, double, double> IntegerPowerCases => new()
    {
        { "Lecture.F", Lecture.F(1.3, -0.7), Lecture.FGradient(1.3, -0.7, out _, out _) },
        { "Lecture.G", Lecture.G(0.31, 1.7), Lecture.GGradient(0.31, 1.7, out _, out _) },
        { "Hygiene.Cube", Hygiene.Cube(1.37), Hygiene.CubeGradient(1.37, out _) },
        { "Hygiene.Cube", Hygiene.Cube(-2.9), Hygiene.CubeGradient(-2.9, out _) },
        { "Hygiene.InverseSquare", Hygiene.InverseSquare(1.37), Hygiene.InverseSquareGradient(1.37, out _) },
        { "Locals.CompoundAssignments", Locals.CompoundAssignments(1.1, 0.3), Locals.CompoundAssignmentsGradient(1.1, 0.3, out _, out _) },
        { "Branches.Logical", Branches.Logical(0.5, -0.5), Branches.LogicalGradient(0.5, -0.5, out _, out _) },
        { "Scale.SharedSubexpressions", Scale.SharedSubexpressions(0.5, 1.5), Scale.SharedSubexpressionsGradient(0.5, 1.5, out _, out _) },
        { "Scale.Eight", Scale.Eight(1, 2, 3, 4, 0.5, -0.5, 0.7, 1.5), Scale.EightGradient(1, 2, 3, 4, 0.5, -0.5, 0.7, 1.5, out _, out _, out _, out _, out _, out _, out _, out _) },
    };

    [Theory]
    [MemberData(nameof(IntegerPowerCases))]
    public void GradientValue_IntegerPower_WithinOneUlpOfOriginal(string function, double original, double generated)
    {
        Assert.True(
            Math.Abs(original - generated) <= 1e-15 * Math.Abs(original),
            function + ": original " + original.ToString("R") + ", generated " + generated.ToString("R"));
    }
}
