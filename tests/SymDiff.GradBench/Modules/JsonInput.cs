using System.Text.Json;

namespace SymDiff.GradBench.Modules;

/// <summary>Reads the parts of an evaluate input that the modules share.</summary>
public static class JsonInput
{
    /// <summary>A JSON array of numbers as a new array.</summary>
    public static double[] Doubles(JsonElement array)
    {
        var values = new double[array.GetArrayLength()];
        var i = 0;
        foreach (var element in array.EnumerateArray())
        {
            values[i++] = element.GetDouble();
        }

        return values;
    }
}
