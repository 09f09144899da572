using System;
using System.Collections.Generic;
using SymDiff.Layers;
using SymDiff.Losses;

namespace SymDiff.Training;

/// <summary>
/// Compares analytic gradients with central finite differences
/// <c>(f(θ + h·e) − f(θ − h·e)) / 2h</c>, per element or, as JAX's <c>check_grads</c> can, along
/// random unit directions e (one difference per direction instead of one per element).
/// </summary>
/// <remarks>
/// The relative error of an analytic value a against a numeric n is
/// <c>|a − n| / max(|a|, |n|, floor)</c>: relative for large derivatives, absolute (scaled by
/// 1/floor) for ones near zero. The step is <c>h = step·max(1, |θᵢ|)</c> per element, and
/// <c>h = step</c> along a unit direction. With the defaults, a correct double-precision gradient
/// of a smooth function scores about 1e-8 or less; pick points away from kinks (ReLU at 0).
/// A NaN on either side gives a NaN error, which fails every tolerance.
/// </remarks>
public static class GradientCheck
{
    /// <summary>Default finite-difference step.</summary>
    public const double DefaultStep = 1e-5;

    /// <summary>Default denominator floor of the relative error.</summary>
    public const double DefaultFloor = 1e-6;

    /// <summary>
    /// Checks the gradient of <c>loss(model(input), target)</c> with respect to every parameter
    /// tensor and the input, element by element.
    /// </summary>
    public static GradientCheckReport Model(Sequential model, ILoss loss, ReadOnlySpan<double> input, ReadOnlySpan<double> target, int batchSize, double step = DefaultStep, double floor = DefaultFloor)
    {
        var problem = new GradientCheckProblem(model, loss, input, target, batchSize);
        var checks = new List<TensorCheck>();
        for (var t = 0; t < problem.Tensors.Count; t++)
        {
            var values = problem.Tensors[t];
            var analytic = problem.Analytic[t];
            var worst = new TensorCheck(problem.Names[t], values.Length, 0, 0, 0, 0);
            for (var i = 0; i < values.Length; i++)
            {
                var original = values[i];
                var h = step * Math.Max(1, Math.Abs(original));
                values[i] = original + h;
                var plus = problem.Loss();
                values[i] = original - h;
                var minus = problem.Loss();
                values[i] = original;
                worst = Worse(worst, i, analytic[i], (plus - minus) / (2 * h), floor);
            }

            checks.Add(worst);
        }

        problem.Restore();
        return new GradientCheckReport(checks);
    }

    /// <summary>
    /// As <see cref="Model"/>, but along <paramref name="directions"/> random unit directions per
    /// tensor (seeded by <paramref name="seed"/>): compares <c>∇L·e</c> with one central difference per direction.
    /// </summary>
    public static GradientCheckReport ModelDirections(Sequential model, ILoss loss, ReadOnlySpan<double> input, ReadOnlySpan<double> target, int batchSize, int directions, int seed = 0, double step = DefaultStep, double floor = DefaultFloor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(directions);
        var problem = new GradientCheckProblem(model, loss, input, target, batchSize);
        var random = new Random(seed);
        var checks = new List<TensorCheck>();
        for (var t = 0; t < problem.Tensors.Count; t++)
        {
            var values = problem.Tensors[t];
            var original = (double[])values.Clone();
            var direction = new double[values.Length];
            var worst = new TensorCheck(problem.Names[t] + " (directions)", directions, 0, 0, 0, 0);
            for (var d = 0; d < directions; d++)
            {
                RandomUnit(random, direction);
                var analytic = Dot(problem.Analytic[t], direction);
                Move(original, direction, step, values);
                var plus = problem.Loss();
                Move(original, direction, -step, values);
                var minus = problem.Loss();
                original.CopyTo(values, 0);
                worst = Worse(worst, d, analytic, (plus - minus) / (2 * step), floor);
            }

            checks.Add(worst);
        }

        problem.Restore();
        return new GradientCheckReport(checks);
    }

    /// <summary>
    /// Checks any method's gradient: <paramref name="gradient"/> writes ∂f/∂xᵢ into its second
    /// argument (e.g. a lambda around a generated <c>FGradient</c>), compared element by element with
    /// differences of <paramref name="function"/>. Each argument is its own tensor, named by
    /// <paramref name="names"/> (default <c>x0, x1, …</c>).
    /// </summary>
    public static GradientCheckReport Method(Func<double[], double> function, Action<double[], double[]> gradient, double[] point, IReadOnlyList<string>? names = null, double step = DefaultStep, double floor = DefaultFloor)
    {
        var analytic = MethodGradient(function, gradient, point, names);
        var x = (double[])point.Clone();
        var checks = new List<TensorCheck>();
        for (var i = 0; i < x.Length; i++)
        {
            var h = step * Math.Max(1, Math.Abs(point[i]));
            x[i] = point[i] + h;
            var plus = function(x);
            x[i] = point[i] - h;
            var minus = function(x);
            x[i] = point[i];
            checks.Add(Worse(new TensorCheck(names?[i] ?? "x" + i, 1, 0, 0, 0, 0), 0, analytic[i], (plus - minus) / (2 * h), floor));
        }

        return new GradientCheckReport(checks);
    }

    /// <summary>As <see cref="Method"/>, along <paramref name="directions"/> random unit directions in the space of all arguments (one tensor, <c>all</c>).</summary>
    public static GradientCheckReport MethodDirections(Func<double[], double> function, Action<double[], double[]> gradient, double[] point, int directions, int seed = 0, double step = DefaultStep, double floor = DefaultFloor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(directions);
        var analytic = MethodGradient(function, gradient, point, null);
        var random = new Random(seed);
        var direction = new double[point.Length];
        var x = new double[point.Length];
        var worst = new TensorCheck("all (directions)", directions, 0, 0, 0, 0);
        for (var d = 0; d < directions; d++)
        {
            RandomUnit(random, direction);
            Move(point, direction, step, x);
            var plus = function(x);
            Move(point, direction, -step, x);
            var minus = function(x);
            worst = Worse(worst, d, Dot(analytic, direction), (plus - minus) / (2 * step), floor);
        }

        return new GradientCheckReport([worst]);
    }

    /// <summary><c>|a − n| / max(|a|, |n|, floor)</c>; NaN if either is NaN.</summary>
    public static double RelativeError(double analytic, double numeric, double floor = DefaultFloor)
    {
        if (double.IsNaN(analytic) || double.IsNaN(numeric))
        {
            return double.NaN;
        }

        return Math.Abs(analytic - numeric) / Math.Max(Math.Max(Math.Abs(analytic), Math.Abs(numeric)), floor);
    }

    private static double[] MethodGradient(Func<double[], double> function, Action<double[], double[]> gradient, double[] point, IReadOnlyList<string>? names)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(gradient);
        ArgumentNullException.ThrowIfNull(point);
        if (names is not null && names.Count != point.Length)
        {
            throw new ArgumentException($"{names.Count} names for {point.Length} arguments.", nameof(names));
        }

        var analytic = new double[point.Length];
        gradient((double[])point.Clone(), analytic);
        return analytic;
    }

    private static TensorCheck Worse(TensorCheck current, int index, double analytic, double numeric, double floor)
    {
        var error = RelativeError(analytic, numeric, floor);
        return error > current.WorstRelativeError || (double.IsNaN(error) && !double.IsNaN(current.WorstRelativeError))
            ? current with { WorstRelativeError = error, WorstIndex = index, Analytic = analytic, Numeric = numeric }
            : current;
    }

    private static void RandomUnit(Random random, double[] direction)
    {
        var norm = 0.0;
        while (norm == 0)
        {
            for (var i = 0; i < direction.Length; i++)
            {
                direction[i] = InitialWeights.StandardNormal(random);
                norm += direction[i] * direction[i];
            }
        }

        norm = Math.Sqrt(norm);
        for (var i = 0; i < direction.Length; i++)
        {
            direction[i] /= norm;
        }
    }

    private static void Move(ReadOnlySpan<double> origin, ReadOnlySpan<double> direction, double step, Span<double> destination)
    {
        for (var i = 0; i < origin.Length; i++)
        {
            destination[i] = origin[i] + step * direction[i];
        }
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
