namespace SymDiff.Benchmarks;

/// <summary>The functions under test, differentiated by SymDiff at compile time.</summary>
public static partial class Lecture
{
    /// <summary>f(x, y) = x³(x + 3y).</summary>
    [Differentiable]
    public static double F(double x, double y) => x * x * x * (x + 3 * y);

    /// <summary>A sigmoid neuron σ(w0·x0 + w1·x1 + w2).</summary>
    [Differentiable]
    public static double Neuron(double w0, double x0, double w1, double x1, double w2)
    {
        var z = w0 * x0 + w1 * x1 + w2;
        return 1.0 / (1.0 + Math.Exp(-z));
    }
}
