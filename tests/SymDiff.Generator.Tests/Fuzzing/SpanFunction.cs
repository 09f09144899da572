using System.Reflection;

namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>
/// A generated span method at size n, through its array wrappers (<see cref="SpanMethodGenerator"/>), as a function
/// of one flat point: x, then y, then a.
/// </summary>
internal sealed class SpanFunction : FuzzFunction
{
    private const BindingFlags Static = BindingFlags.Public | BindingFlags.Static;

    private readonly Type _type;
    private readonly string _name;
    private readonly int _n;
    private readonly int _length;

    public SpanFunction(Type type, string name, int n)
    {
        _type = type;
        _name = name;
        _n = n;
        _length = SpanMethodGenerator.Length(n);
    }

    public override int Inputs => (2 * _length) + 1;

    public override string Where => "at n = " + _n + ", ";

    public override string Describe(int p) => p < _length ? "x[" + p + "]" : p < 2 * _length ? "y[" + (p - _length) + "]" : "a";

    public override double Value(double[] point)
        => (double)Call("_Value", X(point), Y(point), point[^1], _n)!;

    public override (double Value, double[] Partials) Gradient(double[] point)
    {
        var (dx, dy, da) = (new double[_length], new double[_length], new double[1]);
        var value = (double)Call("_Gradient", X(point), Y(point), point[^1], _n, dx, dy, da)!;
        return (value, [.. dx, .. dy, da[0]]);
    }

    public override (double Value, double Tangent) Tangent(double[] point, double[] direction)
    {
        var tangent = new double[1];
        var value = (double)Call("_Tangent", X(point), Y(point), point[^1], _n, X(direction), Y(direction), direction[^1], tangent)!;
        return (value, tangent[0]);
    }

    public override (double Value, double[] Gradient, double[] Hv) HessianVector(double[] point, double[] direction)
    {
        var (dx, dy, da) = (new double[_length], new double[_length], new double[1]);
        var (hvx, hvy, hva) = (new double[_length], new double[_length], new double[1]);
        var value = (double)Call("_HessianVector", X(point), Y(point), point[^1], _n, X(direction), Y(direction), direction[^1], dx, dy, da, hvx, hvy, hva)!;
        return (value, [.. dx, .. dy, da[0]], [.. hvx, .. hvy, hva[0]]);
    }

    private double[] X(double[] point) => point[.._length];

    private double[] Y(double[] point) => point[_length..(2 * _length)];

    private object? Call(string suffix, params object[] arguments)
    {
        try
        {
            return _type.GetMethod(_name + suffix, Static)!.Invoke(null, arguments);
        }
        catch (TargetInvocationException e)
        {
            throw new InvalidOperationException(_name + suffix + " threw at n = " + _n + ": " + e.InnerException, e.InnerException);
        }
    }
}
