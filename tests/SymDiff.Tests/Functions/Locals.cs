namespace SymDiff.Tests.Functions;

/// <summary>Expression and block bodies, locals, compound assignments, increments and reassigned parameters.</summary>
public static partial class Locals
{
    [Differentiable]
    public static double ExpressionBodied(double x, double y) => x * y + Math.Sin(x);

    [Differentiable]
    public static double BlockBodied(double x, double y)
    {
        return x * y + Math.Sin(x);
    }

    /// <summary>a = xy, b = a + x, f = a·b = x²y² + x²y.</summary>
    [Differentiable]
    public static double VarAndDouble(double x, double y)
    {
        var a = x * y;
        double b = a + x;
        return a * b;
    }

    /// <summary>a = 2(x² + y − 1)/3 + 1, f = a·y.</summary>
    [Differentiable]
    public static double CompoundAssignments(double x, double y)
    {
        var a = x;
        a = a * x;
        a += y;
        a -= 1;
        a *= 2;
        a /= 3;
        a++;
        return a * y;
    }

    /// <summary>b = x − 1 − 1 + 1 = x − 1, f = b².</summary>
    [Differentiable]
    public static double Decrements(double x)
    {
        var b = x;
        b--;
        --b;
        ++b;
        return b * b;
    }

    /// <summary>f = (x² + y)·y, written by overwriting the parameter x.</summary>
    [Differentiable]
    public static double ParameterReassigned(double x, double y)
    {
        x = x * x;
        x += y;
        return x * y;
    }

    /// <summary>t = sin(x)², f = t·y: a local overwritten with a function of itself.</summary>
    [Differentiable]
    public static double SelfReferencing(double x, double y)
    {
        var t = x;
        t = Math.Sin(t);
        t = t * t;
        return t * y;
    }

    /// <summary>Two declarators in one statement: a = x + 1, b = 2y, f = a·b.</summary>
    [Differentiable]
    public static double TwoDeclarators(double x, double y)
    {
        double a = x + 1, b = y * 2;
        return a * b;
    }
}
