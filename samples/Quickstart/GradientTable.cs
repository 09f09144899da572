using System.Globalization;

namespace Quickstart;

/// <summary>
/// Prints a function's generated gradient next to a central finite difference, one row per partial
/// derivative, so the two can be compared by eye.
/// </summary>
public sealed class GradientTable
{
    private readonly string _name;
    private readonly string _formula;
    private readonly string[] _parameters;
    private readonly Func<double[], double> _function;
    private readonly List<string[]> _rows = [];

    /// <param name="name">The method's name, as in ∂F/∂x.</param>
    /// <param name="formula">The function in mathematical notation, for the heading.</param>
    /// <param name="parameters">The parameter names, in order.</param>
    /// <param name="function">The original method, called for the finite differences.</param>
    public GradientTable(string name, string formula, string[] parameters, Func<double[], double> function)
    {
        _name = name;
        _formula = formula;
        _parameters = parameters;
        _function = function;
    }

    /// <summary>Adds the rows for one point: the generated value and gradient, and their check.</summary>
    public void Add(double[] point, double value, params double[] gradient)
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            var difference = CentralDifference(point, i);
            _rows.Add(
            [
                i == 0 ? "(" + string.Join(", ", point.Select(Number)) + ")" : "",
                i == 0 ? Fixed(value) : "",
                "∂" + _name + "/∂" + _parameters[i],
                Fixed(gradient[i]),
                Fixed(difference),
                Math.Abs(gradient[i] - difference).ToString("0.0E+00", CultureInfo.InvariantCulture),
            ]);
        }
    }

    /// <summary>Writes the heading and the table, with every column aligned.</summary>
    public void Print()
    {
        string[] header = ["point", "value", "partial", "generated", "central difference", "|difference|"];
        var widths = header.Select((h, c) => Math.Max(h.Length, _rows.Max(r => r[c].Length))).ToArray();

        Console.WriteLine(_name + "(" + string.Join(", ", _parameters) + ") = " + _formula);
        Console.WriteLine();
        WriteRow(header, widths);
        foreach (var row in _rows)
        {
            WriteRow(row, widths);
        }

        Console.WriteLine();
    }

    /// <summary>(f(x + h) − f(x − h)) / 2h along parameter <paramref name="i"/>, with h = 1e-5·max(1, |xᵢ|).</summary>
    private double CentralDifference(double[] point, int i)
    {
        var h = 1e-5 * Math.Max(1.0, Math.Abs(point[i]));
        var up = (double[])point.Clone();
        var down = (double[])point.Clone();
        up[i] += h;
        down[i] -= h;
        return (_function(up) - _function(down)) / (up[i] - down[i]);
    }

    // Text columns (point, partial) are left-aligned; numbers are right-aligned.
    private static void WriteRow(string[] cells, int[] widths)
        => Console.WriteLine(("  " + string.Join("   ", cells.Select((cell, c) => c is 0 or 2 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c])))).TrimEnd());

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Ten decimals, invariant culture.</summary>
    public static string Fixed(double value) => value.ToString("F10", CultureInfo.InvariantCulture);
}
