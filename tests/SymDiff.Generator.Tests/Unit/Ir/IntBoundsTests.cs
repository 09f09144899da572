using SymDiff.Generator.Ir;
using static SymDiff.Generator.Tests.Unit.Ir.IntText;

namespace SymDiff.Generator.Tests.Unit.Ir;

/// <summary>
/// The integer IR's proofs that an index is never negative while read, from the bounds of the names it reads: each
/// proven bound holds on every value tried, and what cannot be proven is not claimed.
/// </summary>
public sealed class IntBoundsTests
{
    // Inside for (i = 0; i < n; i++) for (j = i + 1; j < d; j++): i ≥ 0, j ≥ 1; d and n unknown.
    private static long? Bound(string name) => name switch { "i" => 0, "j" => 1, _ => null };

    [Theory]
    [InlineData("i * d + j", null)]                 // d may be negative
    [InlineData("i * x.Length + j", 1)]
    [InlineData("i + j - 1", 0)]
    [InlineData("(i + j) / 2", 0)]
    [InlineData("i * (j - 1)", 0)]
    [InlineData("j - i", null)]                     // a difference of bounded names is not bounded below
    [InlineData("global::System.Math.Max(0, d)", 0)]
    [InlineData("i % 3", null)]
    [InlineData("x.Length - 1", -1)]
    [InlineData("2147483647 + j", null)]            // past int's range the source's own arithmetic wraps
    public void LowerBound_IsProvenOrNotClaimed(string index, int? bound)
        => Assert.Equal((long?)bound, IntBounds.LowerBound(E(index), Bound));

    [Theory]
    [InlineData("i * x.Length + j")]
    [InlineData("i + j - 1")]
    [InlineData("(i + j) / 2")]
    [InlineData("i * (j - 1)")]
    public void ProvenBounds_HoldOnEveryValueTried(string index)
    {
        var expression = E(index);
        var proven = IntBounds.LowerBound(expression, Bound)!.Value;
        var random = new Random(index.Length);
        for (var trial = 0; trial < 1000; trial++)
        {
            var values = new Dictionary<string, long> { ["i"] = random.Next(0, 1000), ["j"] = random.Next(1, 1000), ["x"] = 0 };
            var text = index.Replace("x.Length", random.Next(0, 1000).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            Assert.True(IntPolynomialTests.Evaluate(text, values) >= proven, index + " below " + proven);
        }
    }

    [Fact]
    public void Divides_FindsDivisionsThatMayThrow()
    {
        Assert.False(E("i * d / 2 + j % 3").Divides);
        Assert.True(E("z.Length / m").Divides);
        Assert.True(E("i / (0)").Divides);
        Assert.True(E("i % -1").Divides);
        Assert.True(E("i / (d - 1)").Divides);
    }

    [Fact]
    public void CannotThrow_HoldsForRingOperationsAndDivisionsByPositiveLiterals()
    {
        Assert.True(E("ix * d + (j - 1) / 2").CannotThrow);
        Assert.False(E("n / m").CannotThrow);
        Assert.False(E("unchecked(2 * 3)").CannotThrow);
    }
}
