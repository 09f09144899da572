using System.Globalization;
using System.Reflection;

namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>
/// Checks a generated method's derivative modes against each other at random points, where the gradient
/// itself has been checked against differences: the tangent (forward mode) is ∇f·t, H·v by reverse over
/// forward equals the symbolic Hessian (reverse over reverse) times v, and each mode's value and gradient
/// are the gradient method's. Three code paths that share only the rule table.
/// </summary>
internal static class ModeAgreement
{
    /// <summary>|a − b| ≤ Tolerance·max(1, Σ|terms|): the modes sum the same terms in different orders.</summary>
    public const double Tolerance = 1e-9;

    private const BindingFlags Static = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;

    public static string? Check(Type type, string name, Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax syntax, Random random, int points, FuzzStatistics statistics)
    {
        MethodInfo Generated(string suffix) => type.GetMethods(Static).Single(m => m.Name == name + suffix);
        var gradientMethod = Generated("Gradient");
        var tangentMethod = Generated("Tangent");
        var hessianMethod = Generated("Hessian");
        var productMethod = Generated("HessianVector");
        var n = gradientMethod.GetParameters().Length / 2;

        for (var k = 0; k < points; k++)
        {
            var point = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 4 - 2).ToArray();
            var direction = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2 - 1).ToArray();

            var gradientArguments = point.Cast<object?>().Concat(Enumerable.Repeat<object?>(0.0, n)).ToArray();
            var value = Invoke(gradientMethod, gradientArguments);
            var gradient = gradientArguments.Skip(n).Select(a => (double)a!).ToArray();
            if (value is not { } v || !double.IsFinite(v) || !gradient.All(double.IsFinite))
            {
                statistics.Count("modes: skipped, value or gradient not finite");
                continue;
            }

            // Where intermediate values are huge (sinh(e^π) ≈ 10¹⁰), the modes' different orders of the same terms
            // differ by more than rounding of the result shows; the gradient check skips such points too.
            if (TakenPathDerivative.Partial(syntax, point, 0).Largest > 1e6)
            {
                statistics.Count("modes: skipped, an intermediate value above 1e6");
                continue;
            }

            var tangentArguments = point.Concat(direction).Cast<object?>().Append(0.0).ToArray();
            Invoke(tangentMethod, tangentArguments);
            var tangent = (double)tangentArguments[2 * n]!;
            if (!double.IsFinite(tangent))
            {
                // Forward mode multiplies a tangent that is 0 at run time (a value the loop overwrote) by an
                // infinite partial, as dual numbers do (IEEE ∞·0); only the reverse sweep knows the 0 symbolically.
                if (Enumerable.Range(0, n).Any(i => !double.IsFinite(TakenPathDerivative.Partial(syntax, point, i).Partial)))
                {
                    statistics.Count("modes: skipped, tangent ∞·0 where dual numbers give it too (IEEE)");
                    continue;
                }

                return Describe(name, point, direction, "tangent " + Format(tangent) + " where dual numbers give finite partials");
            }

            var terms = gradient.Zip(direction, (g, t) => g * t).ToArray();
            if (Disagree(terms.Sum(), tangent, terms.Sum(Math.Abs)))
            {
                return Describe(name, point, direction, "tangent " + Format(tangent) + ", but ∇f·t = " + Format(terms.Sum()));
            }

            var hessian = new double[n * n];
            CallHessian(hessianMethod)(point, new double[n], hessian);

            var productArguments = point.Concat(direction).Cast<object?>().Concat(Enumerable.Repeat<object?>(0.0, 2 * n)).ToArray();
            var productValue = Invoke(productMethod, productArguments);
            var productGradient = productArguments.Skip(2 * n).Take(n).Select(a => (double)a!).ToArray();
            var product = productArguments.Skip(3 * n).Select(a => (double)a!).ToArray();
            if (productValue is not { } pv || Disagree(v, pv, Math.Abs(v)) || productGradient.Zip(gradient, (a, b) => Disagree(b, a, Math.Abs(b))).Any(d => d))
            {
                return Describe(name, point, direction, "HessianVector gives value " + Format(productValue ?? double.NaN) + " and gradient (" + string.Join(", ", productGradient.Select(Format))
                    + "), the gradient method " + Format(v) + " and (" + string.Join(", ", gradient.Select(Format)) + ")");
            }

            for (var i = 0; i < n; i++)
            {
                var row = Enumerable.Range(0, n).Select(j => hessian[i * n + j] * direction[j]).ToArray();
                if (!row.All(double.IsFinite) || !double.IsFinite(product[i]))
                {
                    statistics.Count("modes: H·v entry skipped, a second derivative not finite");
                    continue;
                }

                statistics.Count("modes: H·v entries compared with the symbolic Hessian");
                if (Disagree(row.Sum(), product[i], row.Sum(Math.Abs)))
                {
                    return Describe(name, point, direction, "(H·v)[" + i + "] = " + Format(product[i]) + ", but the Hessian gives " + Format(row.Sum()));
                }
            }

            statistics.Count("modes: points where tangent, gradient and H·v agree");
        }

        return null;
    }

    private static bool Disagree(double expected, double actual, double scale)
        => double.IsFinite(expected) && !(Math.Abs(expected - actual) <= Tolerance * Math.Max(1.0, scale));

    /// <summary>
    /// <c>(p, gradient, hessian) => NameHessian(p[0], ..., gradient, hessian)</c>: reflection cannot pass the
    /// spans, so the call is emitted as IL.
    /// </summary>
    internal static Func<double[], double[], double[], double> CallHessian(MethodInfo hessian)
    {
        var call = new System.Reflection.Emit.DynamicMethod("CallHessian", typeof(double), new[] { typeof(double[]), typeof(double[]), typeof(double[]) }, typeof(ModeAgreement).Module, skipVisibility: true);
        var il = call.GetILGenerator();
        var span = typeof(Span<double>).GetConstructor(new[] { typeof(double[]) })!;
        var n = hessian.GetParameters().Length - 2;
        for (var i = 0; i < n; i++)
        {
            il.Emit(System.Reflection.Emit.OpCodes.Ldarg_0);
            il.Emit(System.Reflection.Emit.OpCodes.Ldc_I4, i);
            il.Emit(System.Reflection.Emit.OpCodes.Ldelem_R8);
        }

        il.Emit(System.Reflection.Emit.OpCodes.Ldarg_1);
        il.Emit(System.Reflection.Emit.OpCodes.Newobj, span);
        il.Emit(System.Reflection.Emit.OpCodes.Ldarg_2);
        il.Emit(System.Reflection.Emit.OpCodes.Newobj, span);
        il.Emit(System.Reflection.Emit.OpCodes.Call, hessian);
        il.Emit(System.Reflection.Emit.OpCodes.Ret);
        return call.CreateDelegate<Func<double[], double[], double[], double>>();
    }

    private static double? Invoke(MethodInfo method, object?[] arguments)
    {
        try
        {
            return (double)method.Invoke(null, arguments)!;
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }

    private static string Describe(string name, double[] point, double[] direction, string problem)
        => name + " at (" + string.Join(", ", point.Select(Format)) + ") along (" + string.Join(", ", direction.Select(Format)) + "): " + problem;

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
