using System.Globalization;

namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>
/// Checks a <see cref="FuzzFunction"/> at one random point: the gradient's value is the function's, every partial
/// matches a trusted <see cref="ReferenceDerivative"/>, the tangent is the gradient along a random direction, and H·v
/// has the gradient's value and gradient and matches differences of the gradient along the direction (and the full
/// Hessian times the direction, when there is one).
/// </summary>
internal static class PointChecker
{
    /// <summary>Above this magnitude of the value, central differences are not trusted.</summary>
    private const double LargestResolvable = 1e6;

    /// <summary>The first disagreement at a random point (named, for a method of a few inputs), or null.</summary>
    public static string? Check(FuzzFunction function, Random random, FuzzStatistics statistics)
    {
        var point = Enumerable.Range(0, function.Inputs).Select(_ => ((random.NextDouble() * 2.0) - 1.0) * function.Spread).ToArray();
        string? failure;
        try
        {
            failure = CheckAt(function, point, random, statistics);
        }
        catch (SourceThrewException e) when (e.InnerException is ArithmeticException)
        {
            // The source returns a value here but throws (Math.Sign of a NaN) at a point its differences step to: it
            // has no derivative to compare with.
            statistics.Count("points where the source throws at a point its differences step to (Math.Sign(NaN)), not compared");
            return null;
        }

        return failure is not null && function.Inputs <= 8 ? failure + " (at (" + string.Join(", ", point.Select(Format)) + "))" : failure;
    }

    private static string? CheckAt(FuzzFunction function, double[] point, Random random, FuzzStatistics statistics)
    {
        statistics.Points++;
        double value;
        try
        {
            value = function.Value(point);
        }
        catch (InvalidOperationException e) when (e.InnerException is ArithmeticException thrown)
        {
            // The source itself throws there (Math.Sign of a NaN). The gradient throws too, or, where it computes Sign in
            // its NaN-safe form (docs/conventions.md), gives NaN: nothing to compare either way.
            double valueWhereSourceThrows;
            try
            {
                valueWhereSourceThrows = function.Gradient(point).Value;
            }
            catch (InvalidOperationException g) when (g.InnerException?.GetType() == thrown.GetType())
            {
                statistics.Count("points where the source throws, and so does the gradient");
                return null;
            }

            if (double.IsNaN(valueWhereSourceThrows))
            {
                statistics.Count("points where the source throws on Math.Sign(NaN), and the gradient's value is NaN");
                return null;
            }

            return function.Where + "the source throws " + thrown.GetType().Name + " but the gradient returns " + Format(valueWhereSourceThrows);
        }

        if (!double.IsFinite(value))
        {
            statistics.NonFinitePoints++;
            return null;
        }

        if (Math.Abs(value) > LargestResolvable || !function.Resolvable(point))
        {
            // t += t·t over a few iterations: a step of 0.05 in one input is lost in the value's rounding, and
            // differences see no change at all.
            statistics.Count("points with |value| (or an intermediate value) > 1e6, not compared");
            return null;
        }

        var (gradientValue, gradient) = function.Gradient(point);
        statistics.ValuesCompared++;
        if (!Close(gradientValue, value, GradientChecker.ValueTolerance))
        {
            return function.Where + "the gradient's value " + Format(gradientValue) + " is not the function's " + Format(value);
        }

        for (var p = 0; p < function.Inputs; p++)
        {
            if (!double.IsFinite(gradient[p]) && function.NonFiniteByChainRule(point, p))
            {
                statistics.PartialsSkipped++;
                statistics.Count("skipped: non-finite partial from ∞·0 on the path the source runs (IEEE chain rule)");
                continue;
            }

            if (Disagreement(ReferenceDerivative.Of(function.Value, point, p), gradient[p], statistics) is { } reference)
            {
                return function.Where + "partial " + function.Describe(p) + " is " + Format(gradient[p]) + ", differences give " + Format(reference);
            }
        }

        var direction = Enumerable.Range(0, function.Inputs).Select(_ => (random.NextDouble() * 2.0) - 1.0).ToArray();
        var expected = gradient.Zip(direction, (g, t) => g * t).Sum();
        var scale = gradient.Zip(direction, (g, t) => Math.Abs(g * t)).Sum();
        var (tangentValue, tangent) = function.Tangent(point, direction);
        if (!Close(tangentValue, value, GradientChecker.ValueTolerance) || Math.Abs(tangent - expected) > 1e-9 * Math.Max(1.0, scale))
        {
            return function.Where + "the tangent is " + Format(tangent) + ", the gradient along the direction " + Format(expected);
        }

        if (!function.HasHessianVector)
        {
            return null;
        }

        var (hvValue, hvGradient, hv) = function.HessianVector(point, direction);
        if (!Close(hvValue, value, GradientChecker.ValueTolerance) || gradient.Zip(hvGradient, (g, h) => Close(h, g, 1e-9)).Any(same => !same))
        {
            return function.Where + "H·v's value or gradient differs from the gradient's";
        }

        for (var p = 0; p < function.Inputs; p++)
        {
            double AlongDirection(double[] s) => function.Gradient(point.Zip(direction, (x, t) => x + (s[0] * t)).ToArray()).Partials[p];
            if (Disagreement(ReferenceDerivative.Of(AlongDirection, new[] { 0.0 }, 0), hv[p], statistics) is { } reference)
            {
                return function.Where + "(H·v) at " + function.Describe(p) + " is " + Format(hv[p]) + ", differences of the gradient give " + Format(reference);
            }
        }

        return function.HasHessian ? HessianTimesDirection(function, point, direction, hv) : null;
    }

    /// <summary>H·v by reverse over forward against the symbolic Hessian (reverse over reverse) times v, as <see cref="ModeAgreement"/> compares them.</summary>
    private static string? HessianTimesDirection(FuzzFunction function, double[] point, double[] direction, double[] hv)
    {
        var hessian = function.Hessian(point);
        var n = function.Inputs;
        for (var i = 0; i < n; i++)
        {
            var row = Enumerable.Range(0, n).Select(j => hessian[(i * n) + j] * direction[j]).ToArray();
            var sum = row.Sum();
            if (double.IsFinite(sum) && !(Math.Abs(sum - hv[i]) <= ModeAgreement.Tolerance * Math.Max(1.0, row.Sum(Math.Abs))))
            {
                return function.Where + "(H·v)[" + i + "] = " + Format(hv[i]) + ", but the Hessian gives " + Format(sum);
            }
        }

        return null;
    }

    /// <summary>The reference value when it is trusted and <paramref name="actual"/> is not close to it; null otherwise (counted).</summary>
    private static double? Disagreement(ReferenceDerivative reference, double actual, FuzzStatistics statistics)
    {
        if (!reference.Trusted)
        {
            statistics.PartialsSkipped++;
            return null;
        }

        statistics.PartialsCompared++;
        return Close(actual, reference.Value, GradientChecker.Tolerance) ? null : reference.Value;
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static bool Close(double actual, double expected, double tolerance)
        => Math.Abs(actual - expected) <= tolerance * Math.Max(1.0, Math.Abs(expected));
}
