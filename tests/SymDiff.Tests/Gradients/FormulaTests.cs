using System.Reflection;
using SymDiff.Tests.Functions;
using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Gradients;

/// <summary>
/// The printed formulas (<c>NameDerivatives</c>) are the derivatives the generated code computes:
/// each is evaluated at random points and compared with <c>NameGradient</c>.
/// </summary>
public sealed class FormulaTests
{
    private const int PointsPerMethod = 6;

    [Fact]
    public void EveryPrintedFormula_EvaluatesToTheGeneratedGradient()
    {
        var random = new Random(20251123);
        var failures = new List<string>();
        var checkedFormulas = new HashSet<string>();
        foreach (var (method, derivatives, gradient) in ScalarMethods())
        {
            for (var point = 0; point < PointsPerMethod; point++)
            {
                var arguments = method.GetParameters().Select(_ => Math.Round(random.NextDouble() * 4 - 2, 3)).ToArray();
                var call = arguments.Cast<object?>().Concat(arguments.Select(_ => (object?)0.0)).ToArray();
                gradient.Invoke(null, call);
                var values = method.GetParameters().Select((p, i) => (p.Name!, arguments[i])).ToDictionary(p => p.Item1, p => p.Item2);
                for (var i = 0; i < derivatives.Count; i++)
                {
                    var expected = (double)call[arguments.Length + i]!;
                    var formula = derivatives[i].Formula;
                    if (!double.IsFinite(expected) || formula.StartsWith("(too long", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    double actual;
                    try
                    {
                        actual = FormulaEvaluator.Evaluate(formula, values);
                    }
                    catch (NotSupportedException)
                    {
                        continue;
                    }

                    checkedFormulas.Add(method.Name + "/" + derivatives[i].Parameter);
                    if (!(Math.Abs(actual - expected) <= 1e-9 * Math.Max(1, Math.Abs(expected))))
                    {
                        failures.Add(method.DeclaringType!.Name + "." + method.Name + " ∂/∂" + derivatives[i].Parameter + " at (" + string.Join(", ", arguments) + "): "
                            + formula + " = " + actual + ", the gradient says " + expected);
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.True(checkedFormulas.Count >= 100, "only " + checkedFormulas.Count + " formulas could be evaluated");
        Assert.Contains("Neuron/w0", checkedFormulas);
        Assert.Contains("F/x", checkedFormulas);
        Assert.Contains("G/x2", checkedFormulas);
    }

    [Fact]
    public void Neuron_Formulas_ReadAsSigmoidTimesOneMinusSigmoid()
    {
        const string sigma = "σ(w0·x0 + w1·x1 + w2)";
        Assert.Equal(
            [
                ("w0", sigma + "·(1 - " + sigma + ")·x0"),
                ("x0", sigma + "·(1 - " + sigma + ")·w0"),
                ("w1", sigma + "·(1 - " + sigma + ")·x1"),
                ("x1", sigma + "·(1 - " + sigma + ")·w1"),
                ("w2", sigma + "·(1 - " + sigma + ")"),
            ],
            Lecture.NeuronDerivatives);
    }

    [Fact]
    public void LecturePolynomials_Formulas_AreTheTextbooks()
    {
        Assert.Equal([("x1", "4·(2·x1 + 3·x2)"), ("x2", "6·(2·x1 + 3·x2)")], Lecture.GDerivatives);
        Assert.Equal([("x", "x³ + 3·(x + 3·y)·x²"), ("y", "3·x³")], Lecture.FDerivatives);
    }

    /// <summary>Every [Differentiable] method of the test functions taking and returning doubles, with its formulas and gradient.</summary>
    private static IEnumerable<(MethodInfo Method, IReadOnlyList<(string Parameter, string Formula)> Derivatives, MethodInfo Gradient)> ScalarMethods()
    {
        var types = typeof(Lecture).Assembly.GetTypes().Where(t => t.Namespace == typeof(Lecture).Namespace && !t.IsGenericTypeDefinition);
        foreach (var type in types.OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static).OrderBy(m => m.Name, StringComparer.Ordinal))
            {
                if (method.GetCustomAttribute<DifferentiableAttribute>() is null || method.ReturnType != typeof(double)
                    || method.GetParameters().Any(p => p.ParameterType != typeof(double)))
                {
                    continue;
                }

                var derivatives = type.GetProperty(method.Name + "Derivatives", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null);
                var gradient = type.GetMethod(method.Name + "Gradient", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static);
                if (derivatives is IReadOnlyList<(string, string)> formulas && gradient is not null)
                {
                    yield return (method, formulas, gradient);
                }
            }
        }
    }
}
