namespace SymDiff.Tests.Functions;

/// <summary>Methods returning tuples: they get a Jacobian and a vector–Jacobian product.</summary>
public static partial class VectorValued
{
    /// <summary>3 → 2: the Jacobian is built by reverse mode.</summary>
    [Differentiable(Modes = DerivativeModes.Tangent)]
    public static (double Sum, double Product) Wide(double x, double y, double z) => (x + y * z, x * y * Math.Sin(z));

    /// <summary>2 → 3: polar to Cartesian plus r²; the Jacobian is built by forward mode.</summary>
    [Differentiable(Modes = DerivativeModes.Tangent)]
    public static (double, double, double) Tall(double r, double theta)
    {
        var c = Math.Cos(theta);
        return (r * c, r * Math.Sin(theta), r * r);
    }

    /// <summary>2 → 2 with a branch and an early return.</summary>
    [Differentiable]
    public static (double, double) Piecewise(double a, double b)
    {
        if (a > b)
        {
            return (a * b, Math.Exp(a - b));
        }

        return (a + b, Math.Log(1 + b * b));
    }
}
