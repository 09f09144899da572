using SymDiff.Tests.Functions;

namespace SymDiff.Tests.Behaviour;

/// <summary>Generated gradients are pure: the same arguments give the same bits.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public void NeuronGradient_CalledTwice_BitIdentical()
    {
        var first = Lecture.NeuronGradient(0.3, -1.7, 2.2, 0.9, -0.4, out var a0, out var a1, out var a2, out var a3, out var a4);
        var second = Lecture.NeuronGradient(0.3, -1.7, 2.2, 0.9, -0.4, out var b0, out var b1, out var b2, out var b3, out var b4);

        AssertBits([first, a0, a1, a2, a3, a4], [second, b0, b1, b2, b3, b4]);
    }

    [Fact]
    public void LongChainGradient_CalledTwice_BitIdentical()
    {
        var first = Scale.LongChainGradient(0.7, 0.4, out var a0, out var a1);
        var second = Scale.LongChainGradient(0.7, 0.4, out var b0, out var b1);

        AssertBits([first, a0, a1], [second, b0, b1]);
    }

    [Fact]
    public void EightGradient_CalledTwice_BitIdentical()
    {
        var first = Scale.EightGradient(1, 2, 3, 4, 0.5, -0.5, 0.7, 1.5,
            out var a0, out var a1, out var a2, out var a3, out var a4, out var a5, out var a6, out var a7);
        var second = Scale.EightGradient(1, 2, 3, 4, 0.5, -0.5, 0.7, 1.5,
            out var b0, out var b1, out var b2, out var b3, out var b4, out var b5, out var b6, out var b7);

        AssertBits([first, a0, a1, a2, a3, a4, a5, a6, a7], [second, b0, b1, b2, b3, b4, b5, b6, b7]);
    }

    private static void AssertBits(double[] expected, double[] actual)
    {
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(
                BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(actual[i]),
                "output #" + i + " (0 = value, then partials) differs between calls: " + expected[i].ToString("R") + " vs " + actual[i].ToString("R"));
        }
    }
}
