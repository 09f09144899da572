namespace SymDiff.Tests.Functions;

/// <summary>Functions whose naive derivative would produce NaN: negative bases, unused NaN locals, guarded branches.</summary>
public static partial class Hygiene
{
    [Differentiable]
    public static double Cube(double x) => Math.Pow(x, 3);

    [Differentiable]
    public static double FractionalPower(double x) => Math.Pow(x, 2.5);

    [Differentiable]
    public static double InverseSquare(double x) => Math.Pow(x, -2);

    /// <summary>The acos argument 2x + 5 is outside [−1, 1] for most x: the local is NaN but never used.</summary>
    [Differentiable]
    public static double DeadLocal(double x)
    {
        var dead = Math.Acos(2.0 * x + 5);
        return x * x;
    }

    /// <summary>√x is NaN for x &lt; 0, but that branch is not taken there.</summary>
    [Differentiable]
    public static double GuardedSqrt(double x) => x > 0 ? Math.Sqrt(x) : 0;

    /// <summary>ln x is NaN for x &lt; 0, but that branch is not taken there.</summary>
    [Differentiable]
    public static double GuardedLog(double x) => x > 0 ? Math.Log(x) : x;

    /// <summary>Math.Sign(Math.Log(x)) is NaN's sign for x &lt; 0, on the branch not taken there (found by the fuzzer).</summary>
    [Differentiable]
    public static double SignOfLogOnOneBranch(double x) => x < 0 ? x : Math.Sign(Math.Log(x)) * x;

    /// <summary>int arithmetic on signs that double reproduces exactly (found by the fuzzer to be rejected).</summary>
    [Differentiable]
    public static double SignArithmetic(double x, double y) => (-Math.Sign(x) + 2 * Math.Sign(y)) * x * y;
}
