namespace SymDiff.Tests.Functions;

/// <summary>Methods of double parameters with loops, asking for second derivatives and Jacobians.</summary>
public static partial class LoopCurvature
{
    /// <summary>Σₖ sin(k·x·y)/k + a Horner recurrence p ← p·x + y (a sum and a carried product).</summary>
    [Differentiable(Modes = DerivativeModes.All)]
    public static double Series(double x, double y)
    {
        var s = 0.0;
        for (int k = 1; k <= 6; k++)
        {
            s += Math.Sin(k * x * y) / k;
        }

        var p = 1.0;
        for (int k = 0; k < 4; k++)
        {
            p = p * x + y;
        }

        return s + p * p;
    }

    /// <summary>Two running quantities of (a, b) over a loop, returned together: a 2→2 Jacobian with loops.</summary>
    [Differentiable(Modes = DerivativeModes.Tangent)]
    public static (double Growth, double Mass) Orbit(double a, double b)
    {
        var u = a;
        var v = b;
        for (int k = 0; k < 5; k++)
        {
            var next = u * Math.Cos(v) + 0.1 * v;
            v = v + 0.2 * Math.Sin(u);
            u = next;
        }

        return (u * v, u + Math.Exp(0.1 * v));
    }

    /// <summary>Three inputs, one output value pair through a loop: the Jacobian by reverse mode.</summary>
    [Differentiable]
    public static (double First, double Second) Wide(double a, double b, double c)
    {
        var s = 0.0;
        for (int k = 0; k < 4; k++)
        {
            s += Math.Exp(-k * a) * b + c * k;
        }

        return (s, s * a);
    }

    /// <summary>A carried product swept backward once per output (two rows through one taped loop).</summary>
    [Differentiable]
    public static (double P, double Q) Taped(double a, double b, double c)
    {
        var p = 1.0;
        for (int k = 0; k < 5; k++)
        {
            p = p * a + b * Math.Sin(c * k);
        }

        return (p, p * p * c);
    }

    /// <summary>An inner loop inside a carried loop, swept backward once per output: its recorded results serve both sweeps.</summary>
    [Differentiable]
    public static (double P, double Q) Nested(double a, double b, double c)
    {
        var p = 1.0;
        for (int k = 0; k < 4; k++)
        {
            var s = 0.0;
            for (int j = 0; j < 3; j++)
            {
                s += Math.Sin(a * j + b * k);
            }

            p = p * Math.Cos(s) + c;
        }

        return (p * a, p + b * c);
    }

    /// <summary>The shapes the loop fuzzer found bugs in, kept as a regression: see the comments.</summary>
    [Differentiable(Modes = DerivativeModes.All)]
    public static double FuzzFound(double x, double y, double w)
    {
        bool flag = x > y;
        var dead = 0.0;
        for (int i = 1; i < 4; i++)
        {
            // A bool read inside a loop, and a dead local reading a value the loop does not capture (both were SD2999).
            w += Math.Max(y, x) * (flag ? 1.0 : 0.5);
            var unused = dead + y;
        }

        // A bool reassigned in a branch merges into a bool-valued conditional (was typed double: CS0029).
        var sign = x > 0;
        if (y > 1)
        {
            sign = !sign;
        }

        // w's adjoint after the summing loop is its seed, read by name (was an undeclared local).
        return sign ? w * x : w - y;
    }
}
