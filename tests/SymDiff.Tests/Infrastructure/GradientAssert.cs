using System.Globalization;

namespace SymDiff.Tests.Infrastructure;

/// <summary>Element-wise gradient assertions whose failure message names the parameter index.</summary>
public static class GradientAssert
{
    /// <summary>
    /// Passes when every |expected[i] − actual[i]| ≤ absTol + relTol·|expected[i]| and no actual
    /// partial is NaN or infinite.
    /// </summary>
    public static void Close(double[] expected, double[] actual, double relTol, double absTol, string? context = null)
    {
        SameLength(expected, actual, context);
        for (var i = 0; i < expected.Length; i++)
        {
            if (double.IsNaN(expected[i]) || double.IsInfinity(expected[i]))
            {
                Assert.Fail(Describe(i, context) + ": the reference value " + Format(expected[i]) + " is not finite; the test point is wrong.");
            }

            var difference = Math.Abs(expected[i] - actual[i]);
            var allowed = absTol + relTol * Math.Abs(expected[i]);
            if (!double.IsFinite(actual[i]) || !(difference <= allowed))
            {
                Assert.Fail(
                    Describe(i, context) + ": expected " + Format(expected[i]) + ", actual " + Format(actual[i])
                    + ", |difference| " + Format(difference) + " > allowed " + Format(allowed)
                    + " (relTol " + Format(relTol) + ", absTol " + Format(absTol) + ").");
            }
        }
    }

    /// <summary>Passes when every partial equals the expected value exactly (0.0 and −0.0 are equal; NaN never is).</summary>
    public static void Exact(double[] expected, double[] actual, string? context = null)
    {
        SameLength(expected, actual, context);
        for (var i = 0; i < expected.Length; i++)
        {
            if (!(expected[i] == actual[i]))
            {
                Assert.Fail(Describe(i, context) + ": expected exactly " + Format(expected[i]) + ", actual " + Format(actual[i]) + ".");
            }
        }
    }

    /// <summary>Passes when no partial is NaN or infinite.</summary>
    public static void Finite(double[] actual, string? context = null)
    {
        for (var i = 0; i < actual.Length; i++)
        {
            if (!double.IsFinite(actual[i]))
            {
                Assert.Fail(Describe(i, context) + ": expected a finite value, actual " + Format(actual[i]) + ".");
            }
        }
    }

    private static void SameLength(double[] expected, double[] actual, string? context)
    {
        if (expected.Length != actual.Length)
        {
            Assert.Fail((context is null ? "" : context + ": ") + "expected " + expected.Length + " partials, actual " + actual.Length + ".");
        }
    }

    private static string Describe(int index, string? context)
        => (context is null ? "" : context + ": ") + "partial derivative #" + index + " (parameter index " + index + ")";

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
