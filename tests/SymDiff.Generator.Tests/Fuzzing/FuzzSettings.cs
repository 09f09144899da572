using System.Globalization;

namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>
/// How much to fuzz. The defaults keep <c>dotnet test</c> fast and deterministic; a longer run is
/// <c>SYMDIFF_FUZZ_COUNT=5000 dotnet test tests/SymDiff.Generator.Tests --filter Fuzz</c>, and
/// <c>SYMDIFF_FUZZ_SEED</c> picks another sequence of methods.
/// </summary>
internal static class FuzzSettings
{
    /// <summary>Random methods checked numerically, and mutants fed to the generator (each).</summary>
    public static int Count => Read("SYMDIFF_FUZZ_COUNT", 300);

    public static int Seed => Read("SYMDIFF_FUZZ_SEED", 20251123);

    /// <summary>A reproducible random stream for one purpose (methods, points, mutations) of one run.</summary>
    /// <remarks>Not <see cref="HashCode"/>: it is randomized per process.</remarks>
    public static Random Stream(int purpose, int index = 0) => new(unchecked((Seed * 1_000_003) + (purpose * 7_919) + index));

    private static int Read(string name, int fallback)
        => int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
