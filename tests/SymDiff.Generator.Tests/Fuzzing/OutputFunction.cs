using System.Reflection;

namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>
/// A generated method writing an output vector (<see cref="OutputMethodGenerator"/>) at size n, as the scalar function
/// w·z of one flat point (x, then a), for fixed random weights w: its gradient is the vector–Jacobian product with w,
/// checked against the Jacobian's rows weighted by w, and its tangent is w·ż.
/// </summary>
internal sealed class OutputFunction : FuzzFunction
{
    private const BindingFlags Static = BindingFlags.Public | BindingFlags.Static;

    private readonly Type _type;
    private readonly string _name;
    private readonly int _n;
    private readonly int _length;
    private readonly double[] _weights;

    public OutputFunction(Type type, string name, int n, Random random)
    {
        _type = type;
        _name = name;
        _n = n;
        _length = OutputMethodGenerator.InputLength(n);
        _weights = Enumerable.Range(0, OutputMethodGenerator.OutputLength(n)).Select(_ => (random.NextDouble() * 2.0) - 1.0).ToArray();
    }

    public override int Inputs => _length + 1;

    public override string Where => "at n = " + _n + ", ";

    /// <summary>Output methods have no H·v.</summary>
    public override bool HasHessianVector => false;

    public override string Describe(int p) => p < _length ? "x[" + p + "]" : "a";

    public override double Value(double[] point)
        => (double)Call("_Value", X(point), point[^1], _n, _weights)!;

    public override (double Value, double[] Partials) Gradient(double[] point)
    {
        var (dx, da) = (new double[_length], new double[1]);
        var value = (double)Call("_Vjp", X(point), point[^1], _n, _weights, dx, da)!;
        double[] partials = [.. dx, da[0]];
        var jacobian = new double[_weights.Length * Inputs];
        Call("_Jacobian", X(point), point[^1], _n, jacobian);
        for (var p = 0; p < Inputs; p++)
        {
            var fromJacobian = Enumerable.Range(0, _weights.Length).Sum(k => _weights[k] * jacobian[(k * Inputs) + p]);
            if (!(Math.Abs(fromJacobian - partials[p]) <= 1e-9 * Math.Max(1.0, Math.Abs(partials[p]))) && double.IsFinite(partials[p]))
            {
                throw new InvalidOperationException(_name + " at n = " + _n + ": w·J gives " + fromJacobian + " for " + Describe(p) + ", the Vjp " + partials[p]);
            }
        }

        return (value, partials);
    }

    public override (double Value, double Tangent) Tangent(double[] point, double[] direction)
    {
        var tangent = new double[1];
        var value = (double)Call("_Tangent", X(point), point[^1], _n, _weights, X(direction), direction[^1], tangent)!;
        return (value, tangent[0]);
    }

    public override (double Value, double[] Gradient, double[] Hv) HessianVector(double[] point, double[] direction)
        => throw new NotSupportedException("A method writing an output vector has no H·v.");

    private double[] X(double[] point) => point[.._length];

    private object? Call(string suffix, params object[] arguments)
    {
        try
        {
            return _type.GetMethod(_name + suffix, Static)!.Invoke(null, arguments);
        }
        catch (TargetInvocationException e)
        {
            var message = _name + suffix + " threw at n = " + _n + ": " + e.InnerException;
            throw suffix == "_Value" ? new SourceThrewException(message, e.InnerException!) : new InvalidOperationException(message, e.InnerException);
        }
    }
}
