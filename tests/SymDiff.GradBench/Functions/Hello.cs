namespace SymDiff.GradBench.Functions;

/// <summary>GradBench's hello eval: <c>square</c> is the function and <c>double</c> its derivative.</summary>
public static partial class Hello
{
    /// <summary>x².</summary>
    [Differentiable]
    public static double Square(double x) => x * x;
}
