namespace SymDiff.Tests.Functions;

/// <summary>Ternaries, if/else chains, boolean operators, early returns and branch-assigned locals.</summary>
public static partial class Branches
{
    [Differentiable]
    public static double Ternary(double x, double y) => x > y ? x * y : x - y;

    /// <summary>y·(x &gt; 1 ? ln x : x − 1): a ternary inside an expression.</summary>
    [Differentiable]
    public static double TernaryInside(double x, double y) => y * (x > 1 ? Math.Log(x) : x - 1);

    /// <summary>Each comparison operator selects one branch of an else-if chain.</summary>
    [Differentiable]
    public static double Comparisons(double x, double y)
    {
        if (x < y)
        {
            return x * y;
        }
        else if (x > y + 2)
        {
            return x - y * y;
        }
        else if (x >= y + 1)
        {
            return x * x;
        }
        else if (x <= y + 0.5)
        {
            return y * y * y;
        }
        else if (x != y + 0.75)
        {
            return Math.Sin(x) * y;
        }
        else
        {
            return x / y;
        }
    }

    [Differentiable]
    public static double Equality(double x, double y) => x == y ? x * x : x * y;

    [Differentiable]
    public static double Logical(double x, double y)
    {
        if (x > 0 && y > 0)
        {
            return x * y;
        }

        if (x < -1 || y < -1)
        {
            return x + 2 * y;
        }

        if (!(x > y))
        {
            return x - y;
        }

        return x * x * y;
    }

    [Differentiable]
    public static double EarlyReturn(double x, double y)
    {
        if (x < 0)
        {
            return -x * y;
        }

        var t = x * y + 1;
        return t * t;
    }

    /// <summary>r = xy, multiplied by x only when x &gt; y.</summary>
    [Differentiable]
    public static double IfWithoutElse(double x, double y)
    {
        var r = x * y;
        if (x > y)
            r = r * x;
        return r + y;
    }

    [Differentiable]
    public static double Nested(double x, double y)
    {
        if (x > 0)
        {
            if (y > 0)
            {
                return x * y;
            }
            else
            {
                return x - y;
            }
        }
        else
        {
            if (y > 0)
            {
                return x + y * y;
            }

            return -x * y;
        }
    }

    /// <summary>A local declared without a value and assigned in both branches.</summary>
    [Differentiable]
    public static double DeclaredThenAssigned(double x, double y)
    {
        double r;
        if (x > 1)
            r = x * x;
        else
            r = Math.Exp(x);
        return r * y;
    }
}
