namespace SymDiff.Tests.Layers;

/// <summary>Seeded random batches for layer tests.</summary>
internal static class TestData
{
    /// <summary><paramref name="count"/> values uniform in [−1, 1], each at least 0.05 from 0 (clear of ReLU's kink).</summary>
    public static double[] Matrix(int seed, int count, double scale = 1)
    {
        var random = new Random(seed);
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            var magnitude = 0.05 + 0.95 * random.NextDouble();
            values[i] = scale * (random.Next(2) == 0 ? -magnitude : magnitude);
        }

        return values;
    }

    /// <summary><paramref name="rows"/> one-hot rows of <paramref name="width"/> values.</summary>
    public static double[] OneHot(int seed, int rows, int width)
    {
        var random = new Random(seed);
        var values = new double[rows * width];
        for (var i = 0; i < rows; i++)
        {
            values[i * width + random.Next(width)] = 1;
        }

        return values;
    }

    /// <summary><paramref name="rows"/> rows of a random probability distribution over <paramref name="width"/> values.</summary>
    public static double[] Distributions(int seed, int rows, int width)
    {
        var random = new Random(seed);
        var values = new double[rows * width];
        for (var i = 0; i < rows; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < width; j++)
            {
                values[i * width + j] = 0.1 + random.NextDouble();
                sum += values[i * width + j];
            }

            for (var j = 0; j < width; j++)
            {
                values[i * width + j] /= sum;
            }
        }

        return values;
    }
}
