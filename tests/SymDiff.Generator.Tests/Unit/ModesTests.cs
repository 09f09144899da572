using SymDiff.Generator.Tests.Infrastructure;

namespace SymDiff.Generator.Tests.Unit;

/// <summary>Tangent and Hessian code is generated only for methods that ask for it.</summary>
public sealed class ModesTests
{
    private const string Source = """
        using SymDiff;
        public static partial class C
        {
            [Differentiable]
            public static double Plain(double x, double y) => x * y;

            [Differentiable(Modes = DerivativeModes.Hessian)]
            public static double Curved(double x, double y) => x * x * y;

            [Differentiable(Modes = DerivativeModes.Tangent)]
            public static double Directed(double x, double y) => x * y * y;

            [Differentiable(Modes = DerivativeModes.HessianVector)]
            public static double Long(System.ReadOnlySpan<double> x, double s)
            {
                var sum = 0.0;
                for (int i = 0; i < x.Length; i++)
                {
                    sum += s * x[i] * x[i];
                }

                return sum;
            }
        }
        """;

    [Fact]
    public void WithoutOptIn_OnlyTheGradientIsGenerated()
    {
        var source = GeneratorHarness.Run(Source).Source("C.SymDiff.g.cs");
        Assert.Contains("PlainGradient(", source);
        Assert.DoesNotContain("PlainTangent(", source);
        Assert.DoesNotContain("PlainHessian(", source);
        Assert.DoesNotContain("PlainHessianVector(", source);
    }

    [Fact]
    public void WithOptIn_EachModeGetsItsMethod()
    {
        var source = GeneratorHarness.Run(Source).Source("C.SymDiff.g.cs");
        Assert.Contains("CurvedGradient(", source);
        Assert.Contains("CurvedHessian(", source);
        Assert.DoesNotContain("CurvedTangent(", source);
        Assert.Contains("DirectedTangent(double x, double y, double tx, double ty, out double tangent)", source);
        Assert.DoesNotContain("DirectedHessian(", source);
        Assert.DoesNotContain("CurvedHessianVector(", source);
        Assert.Contains(
            "LongHessianVector(global::System.ReadOnlySpan<double> x, double s, global::System.ReadOnlySpan<double> vx, double vs, global::System.Span<double> dx, out double ds, global::System.Span<double> hvx, out double hvs)",
            source);
        Assert.DoesNotContain("LongTangent(", source);
    }
}
