using System.Globalization;
using SymDiff.Training;

namespace Digits;

/// <summary>Reads the UCI optdigits CSV files (a header line, then 64 pixel counts 0..16 and the class 0..9 per line).</summary>
public static class DigitsData
{
    /// <summary>Pixels per image (8 × 8).</summary>
    public const int Pixels = 64;

    /// <summary>Digit classes.</summary>
    public const int Classes = 10;

    /// <summary>
    /// Standardises every pixel of <paramref name="data"/> with the mean and standard deviation of
    /// that pixel over <paramref name="reference"/> (the training set): <c>(x − mean) / (sd + 0.01)</c>
    /// (the 0.01 keeps pixels that are always blank finite).
    /// </summary>
    public static Dataset Standardize(Dataset data, Dataset reference)
    {
        var features = data.Features.ToArray();
        var rows = reference.Count;
        for (var c = 0; c < Pixels; c++)
        {
            var mean = 0.0;
            for (var i = 0; i < rows; i++)
            {
                mean += reference.Features[i * Pixels + c];
            }

            mean /= rows;
            var variance = 0.0;
            for (var i = 0; i < rows; i++)
            {
                var d = reference.Features[i * Pixels + c] - mean;
                variance += d * d;
            }

            var scale = 1 / (Math.Sqrt(variance / rows) + 0.01);
            for (var i = 0; i < data.Count; i++)
            {
                features[i * Pixels + c] = (features[i * Pixels + c] - mean) * scale;
            }
        }

        return new Dataset(features, Pixels, data.Targets.ToArray(), data.TargetCount);
    }

    /// <summary>Loads a file as a dataset: pixels scaled to [0, 1], one-hot targets.</summary>
    /// <exception cref="InvalidDataException">A line does not hold 65 integers in range.</exception>
    public static Dataset Load(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || !lines[0].StartsWith("Block 1,", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: expected the header line \"Block 1,...,Block 64,Class\" first.");
        }

        var rows = lines.Skip(1).Where(line => line.Length > 0).ToArray();
        var features = new double[rows.Length * Pixels];
        var labels = new int[rows.Length];
        for (var r = 0; r < rows.Length; r++)
        {
            var fields = rows[r].Split(',');
            if (fields.Length != Pixels + 1)
            {
                throw new InvalidDataException($"{path}, line {r + 2}: {fields.Length} fields; expected {Pixels + 1}.");
            }

            for (var c = 0; c <= Pixels; c++)
            {
                var value = int.Parse(fields[c], NumberStyles.None, CultureInfo.InvariantCulture);
                var maximum = c < Pixels ? 16 : Classes - 1;
                if (value > maximum)
                {
                    throw new InvalidDataException($"{path}, line {r + 2}, field {c + 1}: {value} is above {maximum}.");
                }

                if (c < Pixels)
                {
                    features[r * Pixels + c] = value / 16.0;
                }
                else
                {
                    labels[r] = value;
                }
            }
        }

        return Dataset.FromLabels(features, Pixels, labels, Classes);
    }
}
