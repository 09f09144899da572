using SymDiff.Generator.Model;
using SymDiff.Generator.Tests.Infrastructure;

namespace SymDiff.Generator.Tests.Unit;

/// <summary>
/// Formulas read like a textbook: σ for the sigmoid and σ·(1 - σ) for its derivative (or the source's
/// own name for it), constants collected, no 1·, + 0 or ¹. Their values are checked numerically in
/// SymDiff.Tests (FormulaTests).
/// </summary>
public sealed class FormulaTextTests
{
    [Fact]
    public void Neuron_DocFormulas_UseTheLocalAndSigma()
    {
        var model = Derive("""
            public static double Neuron(double w0, double x0, double w1, double x1, double w2)
            {
                var z = w0 * x0 + w1 * x1 + w2;
                return 1.0 / (1.0 + Math.Exp(-z));
            }
            """);
        Assert.Equal(["z = w0·x0 + w1·x1 + w2"], model.LocalFormulas);
        Assert.Equal("σ(z)", model.ValueFormula);
        Assert.Equal(
            ["σ(z)·(1 - σ(z))·x0", "σ(z)·(1 - σ(z))·w0", "σ(z)·(1 - σ(z))·x1", "σ(z)·(1 - σ(z))·w1", "σ(z)·(1 - σ(z))"],
            model.GradientFormulas);
    }

    [Fact]
    public void SigmoidNamedByALocal_DerivativeUsesThatName()
    {
        var model = Derive("""
            public static double Unit(double w, double x, double v)
            {
                var o = 1.0 / (1.0 + Math.Exp(-(w * x)));
                return v * o;
            }
            """);
        Assert.Equal(["o = σ(w·x)"], model.LocalFormulas);
        Assert.Equal(["v·o·(1 - o)·x", "v·o·(1 - o)·w", "σ(w·x)"], model.GradientFormulas);
    }

    [Fact]
    public void ReciprocalOfOnePlusAnythingNamed_DerivativeIsOTimesOneMinusO()
    {
        var model = Derive("""
            public static double Rational(double x)
            {
                var o = 1.0 / (1.0 + x * x);
                return o * 3.0;
            }
            """);
        Assert.Equal(["-6·o²·x"], model.GradientFormulas);
    }

    [Theory]
    [InlineData("public static double F(double x, double y) => Math.Sqrt(x * x + y * y);", "sqrt(x² + y²) = 0 ? 0 : x / sqrt(x² + y²)")]
    [InlineData("public static double F(double x, double y) => 1 / (x * x) + x * x * x;", "3·x² - 2 / x³")]
    [InlineData("public static double F(double x, double y) => x / 2 + y * 0 + 1 * x;", "1.5")]
    [InlineData("public static double F(double x, double y) => -(Math.Log(x) / (y * 3));", "-1 / (3·y·x)")]
    [InlineData("public static double F(double x, double y) => (x - y) * (x - y) / 4;", "(x - y) / 2")]
    public void Constants_AreCollected(string method, string dx)
        => Assert.Equal(dx, Derive(method).ExpandedFormulas[0]);

    [Theory]
    [InlineData("public static double F(double x, double y) => Math.Pow(x, 1) * 1 + 0 * y + Math.Exp(x + 0);")]
    [InlineData("public static double F(double x, double y) => 1 * x * y - 0 + Math.Pow(y, 1.0) * (1 + 0 * x);")]
    public void Formulas_HaveNoOneTimesPlusZeroOrPowerOne(string method)
    {
        var model = Derive(method);
        Assert.All(model.ExpandedFormulas.Concat(model.GradientFormulas).Append(model.ValueFormula), formula =>
            Assert.DoesNotMatch(@"(?<![\d.])1·|·1(?![\d.])|[+-] 0(?![\d.])|¹", formula));
    }

    private static DerivativesModel Derive(string method)
    {
        var source = "using System;\nusing SymDiff;\npublic static partial class C\n{\n[Differentiable]\n" + method + "\n}\n";
        var result = GeneratorHarness.Run(source).Result;
        return (DerivativesModel)Assert.Single(result.TrackedSteps[TrackingNames.Derivatives].SelectMany(s => s.Outputs)).Value;
    }
}
