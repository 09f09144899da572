using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>
/// Compares a generated <c>NameGradient</c> with its source method <c>Name</c> at random points: the
/// value must equal <c>Name</c>'s, and each partial must match a trusted <see cref="ReferenceDerivative"/>.
/// </summary>
internal static class GradientChecker
{
    /// <summary>|∂ − reference| ≤ Tolerance·max(1, |reference|).</summary>
    public const double Tolerance = 1e-6;

    /// <summary>
    /// |value − Name(p)| ≤ ValueTolerance·max(1, |Name(p)|): the gradient's value may differ from the
    /// source's by rounding (integer powers become products, see docs/conventions.md), not more.
    /// </summary>
    public const double ValueTolerance = 1e-9;

    /// <summary>Above this magnitude of an intermediate value, central differences are not trusted.</summary>
    private const double LargestResolvable = 1e6;

    private const BindingFlags Static = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;

    /// <summary>Checks <paramref name="name"/> at <paramref name="points"/> points; returns the first failure, or null.</summary>
    public static string? Check(Type type, string name, MethodDeclarationSyntax syntax, Random random, int points, FuzzStatistics statistics, SemanticModel? model = null)
    {
        var function = type.GetMethods(Static).Single(m => m.Name == name);
        var gradient = type.GetMethods(Static).Single(m => m.Name == name + "Gradient");
        var arity = function.GetParameters().Length;
        double F(double[] p) => Invoke(function, p.Cast<object?>().ToArray()) ?? double.NaN;

        for (var k = 0; k < points; k++)
        {
            var point = Enumerable.Range(0, arity).Select(_ => Sample(random)).ToArray();
            statistics.Points++;
            var value = F(point);
            if (!double.IsFinite(value))
            {
                statistics.NonFinitePoints++;
                continue;
            }

            var arguments = point.Cast<object?>().Concat(Enumerable.Repeat<object?>(0.0, arity)).ToArray();
            double gradientValue;
            try
            {
                gradientValue = (double)gradient.Invoke(null, arguments)!;
            }
            catch (TargetInvocationException e)
            {
                return Describe(name, point, "the gradient threw " + e.InnerException!.GetType().Name + " where the function returned " + Format(value));
            }

            // Integer powers become products (one ulp from Math.Pow); Cos(1e15·...) turns that ulp
            // into any value. Values are compared where rounding cannot be amplified that much.
            var resolvable = TakenPathDerivative.Partial(syntax, point, 0, model).Largest <= LargestResolvable;
            if (resolvable)
            {
                statistics.ValuesCompared++;
            }

            if (resolvable && !(Math.Abs(gradientValue - value) <= ValueTolerance * Math.Max(1.0, Math.Abs(value))))
            {
                return Describe(name, point, "value " + Format(gradientValue) + ", but the function returns " + Format(value));
            }

            for (var i = 0; i < arity; i++)
            {
                var partial = (double)arguments[arity + i]!;
                var (taken, largest) = TakenPathDerivative.Partial(syntax, point, i, model);
                if (!double.IsFinite(partial))
                {
                    // NaN or ∞ where the function is finite: the chain rule's own ∞·0 on the path the
                    // source runs (documented IEEE behaviour), or a value from code it does not run.
                    if (double.IsFinite(taken))
                    {
                        return Describe(name, point, "partial " + i + " is " + Format(partial) + ", but on the path the source runs it is " + Format(taken));
                    }
                    else
                    {
                        statistics.PartialsSkipped++;
                        statistics.Count("skipped: non-finite partial from ∞·0 on the path the source runs (IEEE chain rule)");
                    }

                    continue;
                }

                if (largest > LargestResolvable)
                {
                    // x + 1e18 does not change when x does: differences see a constant where the
                    // chain rule (rightly) sees slope 1. Rounding in such a value (ε·|v| ≈ 1e-10 at
                    // the bound) over the smallest step would exceed the trust tolerance.
                    statistics.PartialsSkipped++;
                    statistics.Count("skipped: an intermediate value above 1e6 (differences cannot resolve it)");
                    continue;
                }

                var reference = ReferenceDerivative.Of(F, point, i);
                if (!reference.Trusted)
                {
                    statistics.PartialsSkipped++;
                    statistics.Count("skipped: the differences disagree (kink, jump, pole or rounding)");
                    continue;
                }

                statistics.PartialsCompared++;
                if (!(Math.Abs(partial - reference.Value) <= Tolerance * Math.Max(1.0, Math.Abs(reference.Value))))
                {
                    return Describe(
                        name,
                        point,
                        "∂/∂" + function.GetParameters()[i].Name + " = " + Format(partial) + ", but the reference is "
                            + Format(reference.Value) + " (estimated error " + reference.Error.ToString("G3", CultureInfo.InvariantCulture) + ")");
                }
            }
        }

        return null;
    }

    /// <summary>A coordinate: mostly in [−3, 3], sometimes in (−1, 1) where Asin, Acos and Log of small values live.</summary>
    private static double Sample(Random random)
        => random.NextDouble() < 0.2 ? (random.NextDouble() * 1.8) - 0.9 : (random.NextDouble() * 6.0) - 3.0;

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

    private static string Describe(string name, double[] point, string problem)
        => name + "(" + string.Join(", ", point.Select(Format)) + "): " + problem;

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
