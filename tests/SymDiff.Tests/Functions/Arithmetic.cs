namespace SymDiff.Tests.Functions;

/// <summary>Literals, the four operators and unary signs.</summary>
public static partial class Arithmetic
{
    [Differentiable]
    public static double Constant(double x) => 4.5;

    [Differentiable]
    public static double Identity(double x) => x;

    /// <summary>Int, double, exponent and suffixed literals: 2x + 0.5 − 3 + 1e-3·x + 4d.</summary>
    [Differentiable]
    public static double Literals(double x) => 2 * x + 0.5 - 3 + 1e-3 * x + 4d;

    /// <summary>C# folds <c>1 / 2</c> as integer division to 0, so this is x.</summary>
    [Differentiable]
    public static double IntegerDivisionLiteral(double x) => 1 / 2 * x + x;

    [Differentiable]
    public static double Add(double x, double y) => x + y;

    [Differentiable]
    public static double Subtract(double x, double y) => x - y;

    [Differentiable]
    public static double Multiply(double x, double y) => x * y;

    [Differentiable]
    public static double Divide(double x, double y) => x / y;

    [Differentiable]
    public static double Negate(double x) => -x;

    /// <summary>−(x − 2y) / (xy + 1) + (+x): unary minus of a sum, unary plus, a quotient of polynomials.</summary>
    [Differentiable]
    public static double Mixed(double x, double y) => -(x - 2 * y) / (x * y + 1) + +x;

    /// <summary>A double cast of an int constant: 3x.</summary>
    [Differentiable]
    public static double Cast(double x) => (double)3 * x;
}
