namespace SymDiff.GradBench.Tests.Infrastructure;

/// <summary>Comparisons of numbers with a stated tolerance, failing with both numbers and the error.</summary>
public static class Close
{
    /// <summary>|actual − expected| ≤ tolerance·scale, where scale is the size of the quantities that could cancel.</summary>
    public static void Within(double expected, double actual, double tolerance, double scale, string what)
    {
        var error = Math.Abs(actual - expected);
        Assert.True(error <= tolerance * scale,
            $"{what}: expected {expected:R}, got {actual:R}, error {error:E2} > {tolerance:E0}·{scale:E2}");
    }

    /// <summary>Relative: scale max(|expected|, |actual|).</summary>
    public static void Relative(double expected, double actual, double tolerance, string what) =>
        Within(expected, actual, tolerance, Math.Max(Math.Abs(expected), Math.Abs(actual)), what);

    /// <summary>GradBench's own acceptance rule, |x − e| / max(1, |x| + |e|) ≤ 1e-4: a floor, far looser than the other checks.</summary>
    public static void AcceptedByGradBench(double expected, double actual, string what) =>
        Within(expected, actual, 1e-4, Math.Max(1, Math.Abs(actual) + Math.Abs(expected)), what);
}
