namespace SymDiff.Tests.Functions;

/// <summary>
/// A method the fuzzer wrote (M587 of seed 20251123), kept as written (less one unused constant): at y &lt; 0 it returns early, and the code it
/// skips takes Log(y) = NaN. Its H·v's gradient once came out NaN there: a sum of two branch adjoints was
/// multiplied by the NaN partial outside both branches.
/// </summary>
public static partial class FuzzRegressions
{
    [Differentiable(Modes = DerivativeModes.HessianVector)]
    public static double UntakenNaN(double x, double y, double z)
    {
        double v0;
        if (y > z)
        {
            v0 = double.Pi;
        }
        else
        {
            v0 = z;
        }
        if (((v0 > 3 && x <= Math.PI) && !(v0 != 2.5e-1)))
            return double.Atan(Math.Tanh(x)) / Math.Sqrt(Math.Abs(y - (y + z)) + 0.5);
        if (Math.Cos(Math.PI) <= double.Floor(z))
        {
            if (z < 2)
            {
                return Math.Sinh((double)3);
            }
            if (((z <= 1.0 && (2 < z ? x : x) == v0 - 10.0) || Math.Max((double)2, Math.PI) > Math.Pow(2.0, y)))
                return (Math.Log10(1.0 + ((double)2) * ((double)2)) + double.Sign(Math.Min(x, z))) * -Math.Ceiling(z);
        }
        z += Math.Log(y) * z;
        if (double.Pi <= Math.Log10(Math.Abs(Math.Log(1.0 + y * y, 10.0)) + 0.5))
        {
        }
        return -z;
    }
}

/// <summary>Int loop indices as operands (the fuzzer's M1005 and M1523 wrote <c>Math.Round((double)i0)</c>).</summary>
public static partial class IntegerOperands
{
    /// <summary>Σ_i Σ_j x·(round(i) + i/j + max(i, 2.5)): a rounded index, a real quotient of two ints, an index in Max.</summary>
    [Differentiable]
    public static double Indices(double x)
    {
        var s = 0.0;
        for (int i = 1; i < 4; i++)
        {
            for (int j = 1; j < 3; j++)
            {
                s += x * Math.Round((double)i) + (double)i / j * x + Math.Max((double)i, 2.5) * x;
            }
        }

        return s;
    }
}

/// <summary>A type with a method named <c>nameof</c> (the mutation fuzzer's mutant 1971): the generated length checks must still compile.</summary>
public static partial class NameofShadowed
{
    public static double nameof(double a, double b) => a + b;

    [Differentiable(Modes = DerivativeModes.Hessian)]
    public static double Pair(double x, double y) => x * y;

    [Differentiable]
    public static double Sum(ReadOnlySpan<double> x)
    {
        var s = 0.0;
        foreach (var v in x)
        {
            s += v;
        }

        return s;
    }
}

/// <summary>Int expressions converted to double in the source (found in review): the generated code must not compute them as ints.</summary>
public static partial class IntegerExpressions
{
    /// <summary>x·((double)(i + j) / k + (double)i * j + round(i + j)): a real quotient, a product past int.MaxValue, Math.Round of an int sum.</summary>
    [Differentiable]
    public static double Mixed(double x, int i, int j, int k) => x * ((double)(i + j) / k + (double)i * j + Math.Round((double)(i + j)));
}
