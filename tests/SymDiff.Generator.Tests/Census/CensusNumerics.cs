using System.Globalization;
using System.Reflection;
using SymDiff.Generator.Tests.Fuzzing;

namespace SymDiff.Generator.Tests.Census;

/// <summary>
/// Checks a method the generator accepted, through its adapter (<see cref="CensusTemplate.Adapter"/>): at a few
/// points, the gradient's value is the method's and each partial matches a trusted Ridders difference; the
/// tangent is ∇f·t; H·v, where asked for, matches Ridders differences of the gradient along v; the full Hessian, where
/// there is one, gives the same H·v. Without an interpreter of the source, so that any accepted form is checked.
/// </summary>
internal static class CensusNumerics
{
    private const int Points = 4;

    public static string? Check(Type adapter, CensusTemplate template, Random random, FuzzStatistics statistics)
    {
        var function = Delegate<Func<double[], double>>(adapter, "F");
        var gradient = Delegate<Func<double[], double[], double>>(adapter, "G");
        var tangent = Delegate<Func<double[], double[], double[], double>>(adapter, "T");
        var product = template.HasHessianVector ? Delegate<Func<double[], double[], double[], double[], double>>(adapter, "HV") : null;
        var hessian = template.HasHessian ? Delegate<Func<double[], double[], double[], double>>(adapter, "H") : null;
        var n = template.Arity;
        var compared = 0;

        for (var k = 0; k < Points; k++)
        {
            // Both sides of the branch context's x > 0.
            var point = Enumerable.Range(0, n).Select(_ => (random.NextDouble() * 2.4) - 1.2).ToArray();
            point[template.ScalarIndex] = (k % 2 == 0 ? 1 : -1) * (0.1 + Math.Abs(point[template.ScalarIndex]));
            var direction = Enumerable.Range(0, n).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
            statistics.Points++;

            var value = Call(() => function(point));
            if (!double.IsFinite(value))
            {
                statistics.NonFinitePoints++;
                continue;
            }

            var g = new double[n];
            var gradientValue = Call(() => gradient(point, g));
            statistics.ValuesCompared++;
            if (Disagree(value, gradientValue, Math.Abs(value), GradientChecker.ValueTolerance))
            {
                return At(point, "the gradient's value is " + Format(gradientValue) + ", the method's " + Format(value));
            }

            for (var i = 0; i < n; i++)
            {
                var reference = ReferenceDerivative.Of(p => Call(() => function(p)), point, i);
                if (!reference.Trusted)
                {
                    statistics.PartialsSkipped++;
                    continue;
                }

                statistics.PartialsCompared++;
                compared++;
                if (Disagree(reference.Value, g[i], Math.Abs(reference.Value), GradientChecker.Tolerance))
                {
                    return At(point, "partial " + i + " is " + Format(g[i]) + ", the reference " + Format(reference.Value));
                }
            }

            if (Modes(point, direction, value, g, tangent, product, hessian, gradient, statistics) is { } failure)
            {
                return At(point, failure + " along (" + string.Join(", ", direction.Select(Format)) + ")");
            }
        }

        return compared == 0 ? "no partial could be compared at any point: the sample checks nothing" : null;
    }

    private static string? Modes(
        double[] point,
        double[] direction,
        double value,
        double[] g,
        Func<double[], double[], double[], double> tangent,
        Func<double[], double[], double[], double[], double>? product,
        Func<double[], double[], double[], double>? hessian,
        Func<double[], double[], double> gradient,
        FuzzStatistics statistics)
    {
        var n = point.Length;
        if (!g.All(double.IsFinite))
        {
            statistics.Count("modes: skipped, a partial not finite");
            return null;
        }

        var r = new double[1];
        var tangentValue = Call(() => tangent(point, direction, r));
        var terms = g.Zip(direction, (a, b) => a * b).ToArray();
        if (Disagree(value, tangentValue, Math.Abs(value), ModeAgreement.Tolerance) || Disagree(terms.Sum(), r[0], terms.Sum(Math.Abs), ModeAgreement.Tolerance))
        {
            return "the tangent gives " + Format(tangentValue) + " and " + Format(r[0]) + ", but the value is " + Format(value) + " and ∇f·t " + Format(terms.Sum());
        }

        if (product is null)
        {
            return null;
        }

        var productGradient = new double[n];
        var hv = new double[n];
        var productValue = Call(() => product(point, direction, productGradient, hv));
        if (Disagree(value, productValue, Math.Abs(value), ModeAgreement.Tolerance) || productGradient.Zip(g, (a, b) => Disagree(b, a, Math.Abs(b), ModeAgreement.Tolerance)).Any(d => d))
        {
            return "HessianVector's value " + Format(productValue) + " or gradient (" + string.Join(", ", productGradient.Select(Format)) + ") is not the gradient's";
        }

        for (var i = 0; i < n; i++)
        {
            var row = i;
            double Slope(double[] e)
            {
                var shifted = point.Zip(direction, (p, d) => p + (e[0] * d)).ToArray();
                var partials = new double[n];
                return Call(() => gradient(shifted, partials)) is var v && double.IsFinite(v) ? partials[row] : double.NaN;
            }

            var reference = ReferenceDerivative.Of(Slope, new[] { 0.0 }, 0);
            if (!reference.Trusted)
            {
                statistics.Count("modes: H·v entry skipped, its differences disagree");
                continue;
            }

            statistics.Count("modes: H·v entries compared with differences of the gradient");
            if (Disagree(reference.Value, hv[i], Math.Abs(reference.Value), GradientChecker.Tolerance))
            {
                return "(H·v)[" + i + "] = " + Format(hv[i]) + ", but differences of the gradient give " + Format(reference.Value);
            }
        }

        if (hessian is null)
        {
            return null;
        }

        var hessianGradient = new double[n];
        var h = new double[n * n];
        var hessianValue = Call(() => hessian(point, hessianGradient, h));
        if (Disagree(value, hessianValue, Math.Abs(value), ModeAgreement.Tolerance) || hessianGradient.Zip(g, (a, b) => Disagree(b, a, Math.Abs(b), ModeAgreement.Tolerance)).Any(d => d))
        {
            return "Hessian's value " + Format(hessianValue) + " or gradient (" + string.Join(", ", hessianGradient.Select(Format)) + ") is not the gradient's";
        }

        for (var i = 0; i < n; i++)
        {
            var terms2 = Enumerable.Range(0, n).Select(j => h[(i * n) + j] * direction[j]).ToArray();
            if (Disagree(terms2.Sum(), hv[i], terms2.Sum(Math.Abs), ModeAgreement.Tolerance))
            {
                return "the Hessian gives (H·v)[" + i + "] = " + Format(terms2.Sum()) + ", HessianVector " + Format(hv[i]);
            }
        }

        return null;
    }

    /// <summary>|expected − actual| ≤ tolerance·max(1, scale), when the expected value is finite.</summary>
    private static bool Disagree(double expected, double actual, double scale, double tolerance)
        => double.IsFinite(expected) && !(Math.Abs(expected - actual) <= tolerance * Math.Max(1.0, scale));

    /// <summary>The result, or NaN when the code threw (the method itself may throw at a point).</summary>
    private static double Call(Func<double> call)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (e is ArithmeticException or IndexOutOfRangeException or InvalidOperationException or ArgumentException)
        {
            return double.NaN;
        }
    }

    private static T Delegate<T>(Type adapter, string name)
        where T : Delegate
        => adapter.GetMethod(name, BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<T>();

    private static string At(double[] point, string problem) => "at (" + string.Join(", ", point.Select(Format)) + "): " + problem;

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
