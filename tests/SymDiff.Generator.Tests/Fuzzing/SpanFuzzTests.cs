using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Xunit.Abstractions;

namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>
/// Differential fuzzing of loops over vectors (see <see cref="SpanMethodGenerator"/>): for random sizes n (0 to
/// 5) and random points, every partial of the generated gradient against a trusted
/// <see cref="ReferenceDerivative"/>, the tangent against the gradient's dot product with the direction, and
/// H·v against differences of the gradient along v.
/// </summary>
public sealed class SpanFuzzTests
{
    private const int BatchSize = 20;
    private const int PointsPerMethod = 3;
    private const int MethodStream = 11;
    private const int PointStream = 12;
    private const BindingFlags Static = BindingFlags.Public | BindingFlags.Static;

    /// <summary>Above this magnitude of the value, central differences are not trusted (as for scalar methods).</summary>
    private const double LargestResolvable = 1e6;

    private readonly ITestOutputHelper _output;

    public SpanFuzzTests(ITestOutputHelper output) => _output = output;

    /// <summary>Random span methods checked: a third of <see cref="FuzzSettings.Count"/>.</summary>
    private static int Count => Math.Max(1, FuzzSettings.Count / 3);

    [Fact]
    public void RandomLoopsOverVectors_AtRandomSizes_AllModesMatchDifferences()
    {
        var clock = Stopwatch.StartNew();
        var generator = new SpanMethodGenerator(FuzzSettings.Stream(MethodStream));
        var statistics = new FuzzStatistics();
        var failures = new List<string>();
        for (var start = 0; start < Count; start += BatchSize)
        {
            var methods = Enumerable.Range(start, Math.Min(BatchSize, Count - start))
                .Select(i => generator.Next("S" + i.ToString(CultureInfo.InvariantCulture)))
                .ToList();
            Check(methods, statistics, failures, overflowChecks: start / BatchSize % 2 == 1);
        }

        _output.WriteLine("seed " + FuzzSettings.Seed + ", " + clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s");
        _output.WriteLine(statistics.ToString());
        Assert.True(failures.Count == 0, failures.Count + " failures (seed " + FuzzSettings.Seed + "):\n\n" + string.Join("\n\n", failures.Take(10)));
        Assert.True(statistics.PartialsCompared >= 10 * statistics.PartialsSkipped, statistics.ToString());
    }

    /// <param name="overflowChecks">Every other batch is built as <c>&lt;CheckForOverflowUnderflow&gt;</c> builds do.</param>
    private static void Check(List<FuzzMethod> methods, FuzzStatistics statistics, List<string> failures, bool overflowChecks)
    {
        using var build = FuzzBatch.Build(methods, statistics, failures, method => Check(new List<FuzzMethod> { method }, statistics, failures, overflowChecks), overflowChecks);
        if (build is null)
        {
            return;
        }

        var type = build.Assembly!.Assembly.GetType("Fuzz.Generated", throwOnError: true)!;
        foreach (var method in methods)
        {
            statistics.Methods++;
            var index = int.Parse(method.Name.AsSpan(1), CultureInfo.InvariantCulture);
            var random = FuzzSettings.Stream(PointStream, index);
            for (var k = 0; k < PointsPerMethod; k++)
            {
                string? failure;
                try
                {
                    failure = CheckPoint(type, method.Name, random.Next(0, 6), random, statistics);
                }
                catch (InvalidOperationException e)
                {
                    failure = e.Message;
                }

                if (failure is not null)
                {
                    statistics.Failures++;
                    failures.Add(method.Name + ": " + failure + "\n" + method.Source);
                    break;
                }
            }
        }
    }

    /// <summary>One size and point; the first disagreement, or null.</summary>
    private static string? CheckPoint(Type type, string name, int n, Random random, FuzzStatistics statistics)
    {
        var function = new SpanMethod(type, name, n);
        var point = Enumerable.Range(0, function.Inputs).Select(_ => (random.NextDouble() * 2.0) - 1.0).ToArray();
        statistics.Points++;
        var value = function.Value(point);
        if (!double.IsFinite(value))
        {
            statistics.NonFinitePoints++;
            return null;
        }

        if (Math.Abs(value) > LargestResolvable)
        {
            // t += t·t over a few iterations: a step of 0.05 in one input is lost in the value's rounding, and
            // differences see no change at all.
            statistics.Count("points with |value| > 1e6, not compared");
            return null;
        }

        var (gradientValue, gradient) = function.Gradient(point);
        statistics.ValuesCompared++;
        if (!Close(gradientValue, value, GradientChecker.ValueTolerance))
        {
            return At(n, "the gradient's value " + Format(gradientValue) + " is not the function's " + Format(value));
        }

        for (var p = 0; p < function.Inputs; p++)
        {
            if (Disagreement(ReferenceDerivative.Of(function.Value, point, p), gradient[p], statistics) is { } reference)
            {
                return At(n, "partial " + function.Describe(p) + " is " + Format(gradient[p]) + ", differences give " + Format(reference));
            }
        }

        var direction = Enumerable.Range(0, function.Inputs).Select(_ => (random.NextDouble() * 2.0) - 1.0).ToArray();
        var expected = gradient.Zip(direction, (g, t) => g * t).Sum();
        var scale = gradient.Zip(direction, (g, t) => Math.Abs(g * t)).Sum();
        var (tangentValue, tangent) = function.Tangent(point, direction);
        if (!Close(tangentValue, value, GradientChecker.ValueTolerance) || Math.Abs(tangent - expected) > 1e-9 * Math.Max(1.0, scale))
        {
            return At(n, "the tangent is " + Format(tangent) + ", the gradient along the direction " + Format(expected));
        }

        var (hvValue, hvGradient, hv) = function.HessianVector(point, direction);
        if (!Close(hvValue, value, GradientChecker.ValueTolerance) || gradient.Zip(hvGradient, (g, h) => Close(h, g, 1e-9)).Any(same => !same))
        {
            return At(n, "H·v's value or gradient differs from the gradient's");
        }

        for (var p = 0; p < function.Inputs; p++)
        {
            double AlongDirection(double[] s) => function.Gradient(point.Zip(direction, (x, t) => x + (s[0] * t)).ToArray()).Partials[p];
            if (Disagreement(ReferenceDerivative.Of(AlongDirection, new[] { 0.0 }, 0), hv[p], statistics) is { } reference)
            {
                return At(n, "(H·v) at " + function.Describe(p) + " is " + Format(hv[p]) + ", differences of the gradient give " + Format(reference));
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

    private static string At(int n, string what) => "at n = " + n.ToString(CultureInfo.InvariantCulture) + ", " + what;

    /// <summary>A generated method and its derivatives, through its array wrappers, as functions of one flat point (x, then y, then a).</summary>
    private sealed class SpanMethod
    {
        private readonly Type _type;
        private readonly string _name;
        private readonly int _n;
        private readonly int _length;

        public SpanMethod(Type type, string name, int n)
        {
            _type = type;
            _name = name;
            _n = n;
            _length = SpanMethodGenerator.Length(n);
        }

        public int Inputs => (2 * _length) + 1;

        public string Describe(int p) => p < _length ? "x[" + p + "]" : p < 2 * _length ? "y[" + (p - _length) + "]" : "a";

        public double Value(double[] point)
            => (double)Call("_Value", X(point), Y(point), point[^1], _n)!;

        public (double Value, double[] Partials) Gradient(double[] point)
        {
            var (dx, dy, da) = (new double[_length], new double[_length], new double[1]);
            var value = (double)Call("_Gradient", X(point), Y(point), point[^1], _n, dx, dy, da)!;
            return (value, [.. dx, .. dy, da[0]]);
        }

        public (double Value, double Tangent) Tangent(double[] point, double[] direction)
        {
            var tangent = new double[1];
            var value = (double)Call("_Tangent", X(point), Y(point), point[^1], _n, X(direction), Y(direction), direction[^1], tangent)!;
            return (value, tangent[0]);
        }

        public (double Value, double[] Gradient, double[] Hv) HessianVector(double[] point, double[] direction)
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
}
