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
