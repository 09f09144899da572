namespace SymDiff.GradBench.Functions;

/// <summary>GradBench's lse eval: log Σ exp(xᵢ), whose gradient is the softmax of x.</summary>
public static partial class LogSumExp
{
    /// <summary>
    /// max + log Σ exp(xᵢ − max). The max is only a shift for stability (the value does not depend on it),
    /// so it is marked without derivative and the gradient's sweep never runs back through the max loop.
    /// </summary>
    [Differentiable]
    public static double Primal(ReadOnlySpan<double> x)
    {
        var max = double.NegativeInfinity;
        for (int i = 0; i < x.Length; i++)
        {
            max = Math.Max(max, x[i]);
        }

        var shift = Derivatives.WithoutDerivative(max);
        var sum = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            sum += Math.Exp(x[i] - shift);
        }

        return shift + Math.Log(sum);
    }
}
