using System.Globalization;

namespace SymDiff.Benchmarks;

/// <summary>Checks, before timing, that the generated, hand-written and finite-difference results agree.</summary>
internal static class Agreement
{
    /// <summary>Generated and hand-written to 1e-12 (relative), finite differences to 1e-6.</summary>
    public static void Check(double[] generated, double[] handWritten, double[] differences)
    {
        for (var i = 0; i < generated.Length; i++)
        {
            var scale = Math.Max(1.0, Math.Abs(handWritten[i]));
            if (Math.Abs(generated[i] - handWritten[i]) > 1e-12 * scale || Math.Abs(differences[i] - handWritten[i]) > 1e-6 * scale)
            {
                throw new InvalidOperationException(string.Format(
                    CultureInfo.InvariantCulture,
                    "Result {0} disagrees: generated {1:R}, hand-written {2:R}, finite differences {3:R}",
                    i,
                    generated[i],
                    handWritten[i],
                    differences[i]));
            }
        }
    }

    /// <summary>Generated (or runtime) and hand-written agree to <paramref name="tolerance"/>, relative to max(1, |hand-written|).</summary>
    public static void Check(ReadOnlySpan<double> generated, ReadOnlySpan<double> handWritten, double tolerance, string what)
    {
        if (generated.Length != handWritten.Length)
        {
            throw new InvalidOperationException(what + ": lengths differ");
        }

        for (var i = 0; i < generated.Length; i++)
        {
            var scale = Math.Max(1.0, Math.Abs(handWritten[i]));
            if (!(Math.Abs(generated[i] - handWritten[i]) <= tolerance * scale))
            {
                throw new InvalidOperationException(string.Format(
                    CultureInfo.InvariantCulture,
                    "{0}: result {1} disagrees: generated {2:R}, hand-written {3:R}",
                    what,
                    i,
                    generated[i],
                    handWritten[i]));
            }
        }
    }
}
