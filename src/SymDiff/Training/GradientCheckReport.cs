using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace SymDiff.Training;

/// <summary>The result of a <see cref="GradientCheck"/>: the worst relative error of each tensor.</summary>
public sealed class GradientCheckReport
{
    internal GradientCheckReport(IReadOnlyList<TensorCheck> tensors)
    {
        Tensors = tensors;
        WorstRelativeError = tensors.Count == 0 ? 0 : tensors.Max(t => t.WorstRelativeError);
    }

    /// <summary>One entry per tensor checked, in model order (parameters, then the input).</summary>
    public IReadOnlyList<TensorCheck> Tensors { get; }

    /// <summary>The largest relative error over every tensor (NaN if any comparison gave NaN).</summary>
    public double WorstRelativeError { get; }

    /// <summary>Whether every relative error is at most <paramref name="tolerance"/> (false on NaN).</summary>
    public bool Passes(double tolerance) => Tensors.All(t => t.WorstRelativeError <= tolerance);

    /// <summary>A table with one line per tensor.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var t in Tensors)
        {
            text.Append(CultureInfo.InvariantCulture, $"{t.Name}: worst relative error {t.WorstRelativeError:E2} at [{t.WorstIndex}] (analytic {t.Analytic:R}, numeric {t.Numeric:R}; {t.Checks} checks)\n");
        }

        return text.ToString();
    }
}
