using System.Text.Json;
using SymDiff.GradBench.Functions;

namespace SymDiff.GradBench.Modules;

/// <summary>
/// gmm: <c>objective</c> is the Gaussian mixture's log posterior, <c>jacobian</c> its generated gradient in α, μ, q and
/// l, written as the object <c>{"alpha":[…],"mu":[[…]…],"q":[[…]…],"l":[[…]…]}</c> with the input's nesting.
/// </summary>
public sealed class GmmModule : IEvalModule
{
    public string Name => "gmm";

    public Computation? Prepare(string function, JsonElement input)
    {
        if (function is not ("objective" or "jacobian"))
        {
            return null;
        }

        var problem = Problem.Read(input);
        if (function == "objective")
        {
            return new ScalarComputation(() => GaussianMixture.Objective(
                problem.Alpha, problem.Mu, problem.Q, problem.L, problem.X, problem.D, problem.Gamma, problem.M, problem.LogMultivariateGamma));
        }

        return new JacobianComputation(problem);
    }

    /// <summary>One gmm input, its arrays flattened row by row, and the Wishart constant log Γ_d(n′/2) computed once.</summary>
    private sealed record Problem(int D, int K, double[] Alpha, double[] Mu, double[] Q, double[] L, double[] X, double Gamma, int M, double LogMultivariateGamma)
    {
        public int LSize => D * (D - 1) / 2;

        public static Problem Read(JsonElement input)
        {
            var d = input.GetProperty("d").GetInt32();
            var k = input.GetProperty("k").GetInt32();
            var n = input.GetProperty("n").GetInt32();
            if (d < 1 || k < 1 || n < 0)
            {
                throw new ArgumentException($"gmm needs d ≥ 1, k ≥ 1 and n ≥ 0, got d = {d}, k = {k}, n = {n}");
            }

            var alpha = JsonInput.Doubles(input.GetProperty("alpha"));
            if (alpha.Length != k)
            {
                throw new ArgumentException($"alpha has {alpha.Length} numbers, expected k = {k}");
            }

            var m = input.GetProperty("m").GetInt32();
            return new Problem(
                d, k, alpha,
                JsonInput.Matrix(input.GetProperty("mu"), k, d, "mu"),
                JsonInput.Matrix(input.GetProperty("q"), k, d, "q"),
                JsonInput.Matrix(input.GetProperty("l"), k, d * (d - 1) / 2, "l"),
                JsonInput.Matrix(input.GetProperty("x"), n, d, "x"),
                input.GetProperty("gamma").GetDouble(),
                m,
                GaussianMixture.LogMultivariateGamma(d, 0.5 * (d + m + 1)));
        }
    }

    /// <summary>The gradient in α, μ, q and l (the gradient in x, γ and the constant is computed and not written).</summary>
    private sealed class JacobianComputation(Problem problem) : Computation
    {
        private readonly double[] _alpha = new double[problem.K];
        private readonly double[] _mu = new double[problem.K * problem.D];
        private readonly double[] _q = new double[problem.K * problem.D];
        private readonly double[] _l = new double[problem.K * problem.LSize];
        private readonly double[] _x = new double[problem.X.Length];

        public override void Run() => GaussianMixture.ObjectiveGradient(
            problem.Alpha, problem.Mu, problem.Q, problem.L, problem.X, problem.D, problem.Gamma, problem.M, problem.LogMultivariateGamma,
            _alpha, _mu, _q, _l, _x, out _, out _);

        public override bool IsFinite =>
            Array.TrueForAll(_alpha, double.IsFinite) && Array.TrueForAll(_mu, double.IsFinite)
            && Array.TrueForAll(_q, double.IsFinite) && Array.TrueForAll(_l, double.IsFinite);

        public override void WriteOutput(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteStartArray("alpha");
            WriteRow(writer, _alpha);
            writer.WriteEndArray();
            WriteRows(writer, "mu", _mu, problem.D);
            WriteRows(writer, "q", _q, problem.D);
            WriteRows(writer, "l", _l, problem.LSize);
            writer.WriteEndObject();
        }

        private void WriteRows(Utf8JsonWriter writer, string name, double[] values, int columns)
        {
            writer.WriteStartArray(name);
            for (var row = 0; row < problem.K; row++)
            {
                writer.WriteStartArray();
                WriteRow(writer, values.AsSpan(row * columns, columns));
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        private static void WriteRow(Utf8JsonWriter writer, ReadOnlySpan<double> values)
        {
            foreach (var value in values)
            {
                writer.WriteNumberValue(value);
            }
        }
    }
}
