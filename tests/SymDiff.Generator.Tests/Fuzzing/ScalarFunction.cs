using System.Reflection;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>
/// A generated method of doubles (<see cref="MethodGenerator"/>) with every mode, called by reflection. Where
/// <see cref="TakenPathDerivative"/> can run its source, it tells which points differences cannot resolve and
/// which non-finite partials the chain rule itself gives; where it cannot (a statement it does not interpret),
/// nothing is skipped for those reasons.
/// </summary>
internal sealed class ScalarFunction : FuzzFunction
{
    private const BindingFlags Static = BindingFlags.Public | BindingFlags.Static;
    private const double LargestResolvable = 1e6;

    private readonly MethodInfo _value;
    private readonly MethodInfo _gradient;
    private readonly MethodInfo _tangent;
    private readonly MethodInfo _hessianVector;
    private readonly Func<double[], double[], double[], double> _hessian;
    private readonly MethodDeclarationSyntax _syntax;
    private readonly string _name;

    public ScalarFunction(Type type, string name, MethodDeclarationSyntax syntax)
    {
        MethodInfo Generated(string suffix) => type.GetMethods(Static).Single(m => m.Name == name + suffix);
        _value = Generated("");
        _gradient = Generated("Gradient");
        _tangent = Generated("Tangent");
        _hessianVector = Generated("HessianVector");
        _hessian = ModeAgreement.CallHessian(Generated("Hessian"));
        _syntax = syntax;
        _name = name;
        Inputs = _value.GetParameters().Length;
    }

    public override int Inputs { get; }

    public override double Spread => 3.0;

    public override bool HasHessian => true;

    public override string Describe(int p) => _value.GetParameters()[p].Name!;

    public override double Value(double[] point) => (double)Call(_value, point.Cast<object?>().ToArray());

    public override (double Value, double[] Partials) Gradient(double[] point)
    {
        var arguments = point.Cast<object?>().Concat(Zeros(Inputs)).ToArray();
        var value = Call(_gradient, arguments);
        return (value, Doubles(arguments, Inputs, Inputs));
    }

    public override (double Value, double Tangent) Tangent(double[] point, double[] direction)
    {
        var arguments = point.Concat(direction).Cast<object?>().Append(0.0).ToArray();
        var value = Call(_tangent, arguments);
        return (value, (double)arguments[2 * Inputs]!);
    }

    public override (double Value, double[] Gradient, double[] Hv) HessianVector(double[] point, double[] direction)
    {
        var arguments = point.Concat(direction).Cast<object?>().Concat(Zeros(2 * Inputs)).ToArray();
        var value = Call(_hessianVector, arguments);
        return (value, Doubles(arguments, 2 * Inputs, Inputs), Doubles(arguments, 3 * Inputs, Inputs));
    }

    public override double[] Hessian(double[] point)
    {
        var hessian = new double[Inputs * Inputs];
        _hessian(point, new double[Inputs], hessian);
        return hessian;
    }

    public override bool Resolvable(double[] point) => !(Interpret(point, 0) is { } run && run.Largest > LargestResolvable);

    public override bool NonFiniteByChainRule(double[] point, int p) => Interpret(point, p) is { } run && !double.IsFinite(run.Partial);

    /// <summary>The interpreter's partial and largest value, or null when it does not run this source.</summary>
    private (double Partial, double Largest)? Interpret(double[] point, int p)
    {
        try
        {
            return TakenPathDerivative.Partial(_syntax, point, p);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidCastException or KeyNotFoundException or NullReferenceException or InvalidOperationException)
        {
            return null;
        }
    }

    private static IEnumerable<object?> Zeros(int count) => Enumerable.Repeat<object?>(0.0, count);

    private static double[] Doubles(object?[] arguments, int start, int count) => arguments.Skip(start).Take(count).Select(a => (double)a!).ToArray();

    private double Call(MethodInfo method, object?[] arguments)
    {
        try
        {
            return (double)method.Invoke(null, arguments)!;
        }
        catch (TargetInvocationException e)
        {
            var message = _name + " (" + method.Name + ") threw: " + e.InnerException;
            throw method.Name == _name ? new SourceThrewException(message, e.InnerException!) : new InvalidOperationException(message, e.InnerException);
        }
    }
}
