using SymDiff.Generator.Tests.Infrastructure;

namespace SymDiff.Generator.Tests.Unit;

/// <summary>
/// Generated code never <c>stackalloc</c>s and never calls <c>Span.Clear</c>: on an AVX-512 Xeon either one, followed by
/// <c>Math.Exp</c> or <c>Math.Log</c>, made every such call pay an AVX-to-SSE transition (25 times slower), and a
/// <c>stackalloc</c> in a method with loops also keeps the JIT from compiling it in tiers (see the README's benchmark notes).
/// </summary>
public sealed class ZeroingAndTapeTests
{
    private const string Source = """
        using SymDiff;
        public static partial class C
        {
            [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]
            public static double LogSumExp(System.ReadOnlySpan<double> x)
            {
                var max = x[0];
                for (int i = 1; i < x.Length; i++)
                {
                    max = System.Math.Max(max, x[i]);
                }

                var sum = 0.0;
                for (int i = 0; i < x.Length; i++)
                {
                    sum += System.Math.Exp(x[i] - max);
                }

                return max + System.Math.Log(sum);
            }

            [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]
            public static double Product(System.ReadOnlySpan<double> x)
            {
                var product = 1.0;
                for (int i = 0; i < x.Length; i++)
                {
                    product *= 2.0 + System.Math.Sin(x[i]);
                }

                return product;
            }

            [Differentiable]
            public static void Softmax(System.ReadOnlySpan<double> z, System.Span<double> y)
            {
                var sum = 0.0;
                for (int i = 0; i < z.Length; i++)
                {
                    sum += System.Math.Exp(z[i]);
                }

                for (int i = 0; i < z.Length; i++)
                {
                    y[i] = System.Math.Exp(z[i]) / sum;
                }
            }
        }
        """;

    [Fact]
    public void GeneratedCode_RentsItsTapes_AndZeroesWithFill()
    {
        var generated = GeneratorHarness.Run(Source).Source("C.SymDiff.g.cs");

        Assert.Contains("global::System.Buffers.ArrayPool<double>.Shared.Rent(", generated);
        Assert.Contains(".Fill(0.0);", generated);
        Assert.DoesNotContain("stackalloc", generated);
        Assert.DoesNotContain(".Clear()", generated);
    }
}
