namespace SymDiff.GradBench.Tests.Infrastructure;

/// <summary>Seeded random inputs, the same on every run.</summary>
public static class Inputs
{
    /// <summary><paramref name="length"/> numbers uniform in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public static double[] Uniform(int length, int seed, double low = 0, double high = 1)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => low + (high - low) * random.NextDouble()).ToArray();
    }
}
