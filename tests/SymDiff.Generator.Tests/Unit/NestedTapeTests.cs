using SymDiff.Generator.Tests.Infrastructure;

namespace SymDiff.Generator.Tests.Unit;

/// <summary>
/// The tape of a loop nested in another is rented once, around the outer loop, when its length is the same
/// on every outer iteration; otherwise on each iteration.
/// </summary>
public sealed class NestedTapeTests
{
    private const string Source = """
        using SymDiff;
        public static partial class C
        {
            [Differentiable]
            public static double Rows(System.ReadOnlySpan<double> a, int columns)
            {
                var product = 1.0;
                for (int r = 0; r < a.Length / columns; r++)
                {
                    var inner = 1.0;
                    for (int c = 0; c < columns; c++)
                    {
                        inner *= 1.0 + 0.5 * a[r * columns + c] * a[r * columns + c];
                    }

                    product *= 0.5 + 0.5 * inner;
                }

                return product;
            }

            [Differentiable]
            public static double Triangle(System.ReadOnlySpan<double> a, int columns)
            {
                var product = 1.0;
                for (int r = 0; r < columns; r++)
                {
                    var inner = 1.0;
                    for (int c = 0; c < r; c++)
                    {
                        inner *= 1.0 + 0.5 * a[r * columns + c] * a[r * columns + c];
                    }

                    product *= 0.5 + 0.5 * inner;
                }

                return product;
            }
        }
        """;

    [Fact]
    public void NestedTape_LengthFromParameters_IsRentedOnceAroundTheOuterLoop()
    {
        var method = Method(GeneratorHarness.Run(Source).Source("C.SymDiff.g.cs"), "RowsGradient(");
        // The inner loop has a tape where the outer one is swept backward (its second loop over r).
        var rent = method.IndexOf("double[] __r0_rented0 = global::System.Buffers.ArrayPool<double>.Shared.Rent(", System.StringComparison.Ordinal);
        var loop = method.LastIndexOf("for (int r = ", System.StringComparison.Ordinal);
        Assert.True(rent >= 0 && rent < loop, method);
        Assert.DoesNotContain("double[]? __r0_rented0", method);
        Assert.DoesNotContain("if (__r0_rented0 is not null)", method);
        Assert.Contains("global::System.Buffers.ArrayPool<double>.Shared.Return(__r0_rented0);", method);
    }

    [Fact]
    public void NestedTape_LengthFromOuterIndex_IsRentedOnEachIteration()
    {
        var method = Method(GeneratorHarness.Run(Source).Source("C.SymDiff.g.cs"), "TriangleGradient(");
        var rent = method.IndexOf("double[] __r0_rented0 = global::System.Buffers.ArrayPool<double>.Shared.Rent(", System.StringComparison.Ordinal);
        var loop = method.LastIndexOf("for (int r = ", System.StringComparison.Ordinal);
        var giveBack = method.IndexOf("global::System.Buffers.ArrayPool<double>.Shared.Return(__r0_rented0);", System.StringComparison.Ordinal);
        Assert.True(rent > loop && loop >= 0 && giveBack > rent, method);
    }

    /// <summary>The text of the generated method whose signature contains <paramref name="name"/>, up to the next method.</summary>
    private static string Method(string source, string name)
    {
        var start = source.IndexOf(name, System.StringComparison.Ordinal);
        Assert.True(start >= 0, source);
        var end = source.IndexOf("public static", start + name.Length, System.StringComparison.Ordinal);
        return end < 0 ? source[start..] : source[start..end];
    }
}
