using System.Globalization;

namespace SymDiff.Tests.Infrastructure;

/// <summary>The checks every smooth-point gradient test makes.</summary>
public static class GradientCheck
{
    /// <summary>
    /// Asserts that the value returned by the generated method matches <paramref name="f"/> (relative
    /// <see cref="Tolerance.ValueRelative"/>), and that <paramref name="gradient"/> matches the hand-derived
    /// <paramref name="formula"/> (<see cref="Tolerance.FormulaRelative"/>) and central finite differences
    /// (<see cref="Tolerance.FiniteDifferenceRelative"/>).
    /// </summary>
    public static void Verify(Func<double[], double> f, double[] point, double value, double[] gradient, double[] formula)
    {
        GradientAssert.Close(formula, gradient, Tolerance.FormulaRelative, Tolerance.FormulaAbsolute, Context(point) + " vs formula");
        VerifyAgainstFiniteDifferences(f, point, value, gradient);
    }

    /// <summary>As <see cref="Verify"/> without a hand formula (for functions too long to differentiate by hand).</summary>
    public static void VerifyAgainstFiniteDifferences(Func<double[], double> f, double[] point, double value, double[] gradient)
    {
        var context = Context(point);
        var expectedValue = f(point);
        Assert.True(
            Math.Abs(expectedValue - value) <= Tolerance.ValueRelative * Math.Abs(expectedValue) + Tolerance.FormulaAbsolute,
            context + ": value expected " + Format(expectedValue) + ", actual " + Format(value) + ".");
        GradientAssert.Close(
            FiniteDifference.Gradient(f, point),
            gradient,
            Tolerance.FiniteDifferenceRelative,
            Tolerance.FiniteDifferenceAbsolute,
            context + " vs finite differences");
    }

    private static string Context(double[] point) => "at (" + string.Join(", ", point.Select(Format)) + ")";

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
