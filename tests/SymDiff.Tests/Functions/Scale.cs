namespace SymDiff.Tests.Functions;

/// <summary>Larger functions: shared subexpressions, a long chain and many parameters.</summary>
public static partial class Scale
{
    /// <summary>e^{2xy} + e^{xy}: the same call written three times.</summary>
    [Differentiable]
    public static double SharedExpression(double x, double y) => Math.Exp(x * y) * Math.Exp(x * y) + Math.Exp(x * y);

    /// <summary>One subexpression s reused through a local and respelled in full.</summary>
    [Differentiable]
    public static double SharedSubexpressions(double x, double y)
    {
        var s = x * y + Math.Sin(x);
        var t = s * s + s / (1 + s * s);
        return t * s + Math.Exp(s) * (x * y + Math.Sin(x)) + (x * y + Math.Sin(x)) * (x * y + Math.Sin(x));
    }

    /// <summary>About fifty operations in sequence (running count in the comments).</summary>
    [Differentiable]
    public static double LongChain(double x, double y)
    {
        var a = x * y;                    // 1
        a = Math.Sin(a) + x;              // 3
        a = a * a * 0.5 - y;              // 6
        a = Math.Tanh(a) * 2 + x * y;     // 10
        a = Math.Exp(a / 4) - 1;          // 13
        a = a * x - y / 2;                // 16
        a = Math.Cos(a) + a * 0.3;        // 19
        a = Math.Sqrt(a * a + 1) + y;     // 23
        a = Math.Log(a + 1) * x;          // 26
        a = Math.Atan(a) - x / 3;         // 29
        a = a * a + Math.Sin(y * a);      // 33
        a = Math.Tanh(a - 1) * 3 + x;     // 37
        a = a / (1 + a * a);              // 40
        a = Math.Sinh(a) + y * a;         // 43
        a = Math.Pow(a, 2) + x;           // 45
        a = Math.Exp(-a / 5) * y;         // 49
        return a + x;                     // 50
    }

    [Differentiable]
    public static double Eight(double a, double b, double c, double d, double e, double f, double g, double h)
        => a * b + c / d - Math.Exp(e * f) + Math.Sin(g) * h + a * h * c - Math.Sqrt(b * b + g * g);
}
