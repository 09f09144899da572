using System;

namespace SymDiff.Layers;

/// <summary>Draws a layer's initial weights as <see cref="WeightInitialization"/> describes.</summary>
internal static class InitialWeights
{
    /// <summary>Fills the <paramref name="inputs"/> × <paramref name="outputs"/> <paramref name="weights"/> from <paramref name="random"/>, in order.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="initialization"/> is not a defined value.</exception>
    public static void Draw(Span<double> weights, int inputs, int outputs, WeightInitialization initialization, Random random)
    {
        switch (initialization)
        {
            case WeightInitialization.He:
                var deviation = Math.Sqrt(2.0 / inputs);
                for (var i = 0; i < weights.Length; i++)
                {
                    weights[i] = deviation * StandardNormal(random);
                }

                break;
            case WeightInitialization.Xavier:
                var limit = Math.Sqrt(6.0 / (inputs + outputs));
                for (var i = 0; i < weights.Length; i++)
                {
                    weights[i] = limit * (2 * random.NextDouble() - 1);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(initialization), initialization, "Expected WeightInitialization.He or WeightInitialization.Xavier (Dense.Zeros makes a layer of zeros).");
        }
    }

    /// <summary>A standard normal draw by the Box–Muller transform (one of the pair is used).</summary>
    public static double StandardNormal(Random random)
    {
        var u1 = 1.0 - random.NextDouble(); // (0, 1]: Log never sees 0
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
