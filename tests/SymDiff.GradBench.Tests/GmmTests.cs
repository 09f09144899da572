using System.Globalization;
using System.Text;
using SymDiff.GradBench.Functions;
using SymDiff.GradBench.Tests.Infrastructure;
using SymDiff.Tests.Infrastructure;

namespace SymDiff.GradBench.Tests;

/// <summary>
/// gmm against an objective that shares no code with the tool: nested arrays, the matrix Q_k built explicitly from l
/// column by column, Q_k(xᵢ − μ_k) as a full matrix–vector product, and log Γ at half-integers by its recurrence.
/// </summary>
public class GmmTests
{
    [Theory]
    [InlineData(2, 3, 10, 0, 1.0, 1)]
    [InlineData(3, 5, 20, 0, 1.0, 2)]
    [InlineData(3, 4, 15, 2, 1.7, 3)]
    public void Objective_RandomInstance_MatchesTheSpecsFormulaComputedDirectly(int d, int k, int n, int m, double gamma, int seed)
    {
        var instance = Instance.Random(d, k, n, m, gamma, seed);

        var actual = instance.ToolObjective();

        Close.Relative(instance.DirectObjective(instance.Parameters()), actual, 1e-13, $"gmm objective d = {d}, k = {k}, n = {n}, m = {m}");
    }

    [Theory]
    [InlineData(2, 3, 10, 0, 1.0, 1)]
    [InlineData(3, 5, 20, 0, 1.0, 2)]
    [InlineData(3, 4, 15, 2, 1.7, 3)]
    public void Gradient_RandomInstance_MatchesCentralDifferencesOfTheDirectObjective(int d, int k, int n, int m, double gamma, int seed)
    {
        var instance = Instance.Random(d, k, n, m, gamma, seed);

        var gradient = instance.ToolGradient();

        var differences = FiniteDifference.Gradient(instance.DirectObjective, instance.Parameters());
        for (var i = 0; i < differences.Length; i++)
        {
            Close.Within(differences[i], gradient[i], 1e-7, Math.Max(1, Math.Abs(differences[i])), $"∂/∂{instance.Name(i)}");
        }
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1)]
    [InlineData(1.5)]
    [InlineData(2)]
    [InlineData(7.5)]
    [InlineData(33)]
    [InlineData(50.5)]
    public void LogGamma_HalfIntegers_MatchesTheRecurrence(double a) =>
        Close.Within(LogGammaOfHalfInteger(a), GaussianMixture.LogGamma(a), 1e-14, Math.Max(1, Math.Abs(LogGammaOfHalfInteger(a))), $"log Γ({a})");

    [Theory]
    [InlineData(1, 3, 5)]
    [InlineData(2, 3, 10)]
    [InlineData(3, 5, 20)]
    public void EvaluateThroughTheProtocol_ReturnsTheSpecsKeysAndShapes(int d, int k, int n)
    {
        var instance = Instance.Random(d, k, n, 0, 1.0, 11);

        var replies = ToolSession.Replies(
            Messages.Start(0, "gmm"),
            Messages.Define(1, "gmm"),
            Messages.Evaluate(2, "gmm", "objective", instance.Json()),
            Messages.Analysis(3, 2),
            Messages.Evaluate(4, "gmm", "jacobian", instance.Json()),
            Messages.Analysis(5, 4));

        Assert.Equal(6, replies.Count);
        Assert.True(replies[1].GetProperty("success").GetBoolean());
        var objective = replies[2];
        Assert.True(objective.GetProperty("success").GetBoolean());
        Assert.Single(objective.GetProperty("timings").EnumerateArray());
        Close.AcceptedByGradBench(instance.DirectObjective(instance.Parameters()), objective.GetProperty("output").GetDouble(), "objective");

        var jacobian = replies[4];
        Assert.True(jacobian.GetProperty("success").GetBoolean());
        Assert.Single(jacobian.GetProperty("timings").EnumerateArray());
        var output = jacobian.GetProperty("output");
        Assert.Equal(["alpha", "l", "mu", "q"], output.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal));
        var alpha = output.GetProperty("alpha").EnumerateArray().Select(value => value.GetDouble()).ToArray();
        var mu = Rows(output.GetProperty("mu"));
        var q = Rows(output.GetProperty("q"));
        var l = Rows(output.GetProperty("l"));
        Assert.Equal(k, alpha.Length);
        Assert.Equal(Enumerable.Repeat(d, k), mu.Select(row => row.Length));
        Assert.Equal(Enumerable.Repeat(d, k), q.Select(row => row.Length));
        Assert.Equal(Enumerable.Repeat(d * (d - 1) / 2, k), l.Select(row => row.Length));

        var flat = alpha.Concat(mu.SelectMany(row => row)).Concat(q.SelectMany(row => row)).Concat(l.SelectMany(row => row)).ToArray();
        var differences = FiniteDifference.Gradient(instance.DirectObjective, instance.Parameters());
        for (var i = 0; i < flat.Length; i++)
        {
            Close.AcceptedByGradBench(differences[i], flat[i], instance.Name(i));
        }
    }

    [Fact]
    public void Evaluate_ShapeNotTheSpecs_FailsWithoutOutput()
    {
        var instance = Instance.Random(2, 3, 4, 0, 1.0, 5);
        var input = instance.Json().Replace("\"k\":3", "\"k\":4", StringComparison.Ordinal);

        var reply = Assert.Single(ToolSession.Replies(Messages.Evaluate(2, "gmm", "jacobian", input)));

        Assert.False(reply.GetProperty("success").GetBoolean());
        Assert.Contains("alpha", reply.GetProperty("error").GetString());
        Assert.False(reply.TryGetProperty("output", out _));
    }

    private static double[][] Rows(System.Text.Json.JsonElement array) =>
        array.EnumerateArray().Select(row => row.EnumerateArray().Select(value => value.GetDouble()).ToArray()).ToArray();

    /// <summary>log Γ(a) for a a positive multiple of ½: Γ(1) = 1, Γ(½) = √π, Γ(a) = (a − 1)·Γ(a − 1).</summary>
    private static double LogGammaOfHalfInteger(double a)
    {
        var sum = 0.0;
        for (; a > 1.25; a -= 1)
        {
            sum += Math.Log(a - 1);
        }

        return Math.Abs(a - 0.5) < 1e-12 ? sum + 0.5 * Math.Log(Math.PI) : sum;
    }

    /// <summary>One gmm input, as nested arrays the way GradBench's JSON has them.</summary>
    private sealed record Instance(int D, int K, int N, int M, double Gamma, double[] Alpha, double[][] Mu, double[][] Q, double[][] L, double[][] X)
    {
        private int LSize => D * (D - 1) / 2;

        public static Instance Random(int d, int k, int n, int m, double gamma, int seed)
        {
            var random = new Random(seed);
            double Uniform(double low, double high) => low + (high - low) * random.NextDouble();
            double[] Vector(int length, double low, double high) => Enumerable.Range(0, length).Select(_ => Uniform(low, high)).ToArray();
            double[][] Matrix(int rows, int columns, double low, double high) => Enumerable.Range(0, rows).Select(_ => Vector(columns, low, high)).ToArray();
            return new Instance(d, k, n, m, gamma,
                Vector(k, -1, 1), Matrix(k, d, 0, 1), Matrix(k, d, -0.5, 0.5), Matrix(k, d * (d - 1) / 2, -0.5, 0.5), Matrix(n, d, 0, 1));
        }

        /// <summary>α, μ, q, l flattened in that order: the point the differences move.</summary>
        public double[] Parameters() =>
            Alpha.Concat(Mu.SelectMany(row => row)).Concat(Q.SelectMany(row => row)).Concat(L.SelectMany(row => row)).ToArray();

        public string Name(int index)
        {
            if (index < K)
            {
                return $"alpha[{index}]";
            }

            index -= K;
            if (index < K * D)
            {
                return $"mu[{index / D}][{index % D}]";
            }

            index -= K * D;
            return index < K * D ? $"q[{index / D}][{index % D}]" : $"l[{(index - K * D) / LSize}][{(index - K * D) % LSize}]";
        }

        /// <summary>The spec's log posterior, term by term, at the parameters <paramref name="p"/> (as <see cref="Parameters"/> orders them).</summary>
        public double DirectObjective(double[] p)
        {
            var alpha = p[..K];
            var mu = Split(p[K..(K + K * D)], D);
            var q = Split(p[(K + K * D)..(K + 2 * K * D)], D);
            var l = Split(p[(K + 2 * K * D)..], LSize);

            // Q_k: diagonal exp(q_k), strictly-lower part filled column by column from l_k
            var matrices = new double[K][,];
            for (var c = 0; c < K; c++)
            {
                var matrix = new double[D, D];
                var next = 0;
                for (var column = 0; column < D; column++)
                {
                    matrix[column, column] = Math.Exp(q[c][column]);
                    for (var row = column + 1; row < D; row++)
                    {
                        matrix[row, column] = l[c][next++];
                    }
                }

                matrices[c] = matrix;
            }

            var value = -N * (D / 2.0 * Math.Log(2 * Math.PI) + LogSumExp(alpha));
            for (var i = 0; i < N; i++)
            {
                var beta = new double[K];
                for (var c = 0; c < K; c++)
                {
                    var squaredNorm = 0.0;
                    for (var row = 0; row < D; row++)
                    {
                        var entry = 0.0;
                        for (var column = 0; column < D; column++)
                        {
                            entry += matrices[c][row, column] * (X[i][column] - mu[c][column]);
                        }

                        squaredNorm += entry * entry;
                    }

                    beta[c] = alpha[c] - 0.5 * squaredNorm + q[c].Sum();
                }

                value += LogSumExp(beta);
            }

            var nPrime = D + M + 1;
            var logGammaD = D * (D - 1) / 4.0 * Math.Log(Math.PI);
            for (var j = 1; j <= D; j++)
            {
                logGammaD += LogGammaOfHalfInteger(nPrime / 2.0 + (1 - j) / 2.0);
            }

            value += K * (nPrime * D * Math.Log(Gamma / Math.Sqrt(2)) - logGammaD);
            for (var c = 0; c < K; c++)
            {
                var frobenius = 0.0;
                foreach (var entry in matrices[c])
                {
                    frobenius += entry * entry;
                }

                value += -Gamma * Gamma / 2 * frobenius + M * q[c].Sum();
            }

            return value;
        }

        public double ToolObjective() => GaussianMixture.Objective(
            Alpha, Flat(Mu), Flat(Q), Flat(L), Flat(X), D, Gamma, M, GaussianMixture.LogMultivariateGamma(D, (D + M + 1) / 2.0));

        /// <summary>The generated gradient in α, μ, q, l, flattened as <see cref="Parameters"/>.</summary>
        public double[] ToolGradient()
        {
            var (dalpha, dmu, dq, dl, dx) = (new double[K], new double[K * D], new double[K * D], new double[K * LSize], new double[N * D]);
            GaussianMixture.ObjectiveGradient(
                Alpha, Flat(Mu), Flat(Q), Flat(L), Flat(X), D, Gamma, M, GaussianMixture.LogMultivariateGamma(D, (D + M + 1) / 2.0),
                dalpha, dmu, dq, dl, dx, out _, out _);
            return [.. dalpha, .. dmu, .. dq, .. dl];
        }

        public string Json()
        {
            var json = new StringBuilder();
            json.Append(CultureInfo.InvariantCulture, $"{{\"d\":{D},\"k\":{K},\"n\":{N},\"m\":{M},\"gamma\":{Messages.Number(Gamma)}");
            json.Append(",\"alpha\":").Append(Array(Alpha));
            foreach (var (name, rows) in new[] { ("mu", Mu), ("q", Q), ("l", L), ("x", X) })
            {
                json.Append(",\"").Append(name).Append("\":[").Append(string.Join(",", rows.Select(Array))).Append(']');
            }

            return json.Append(",\"min_runs\":1,\"min_seconds\":0}").ToString();
        }

        private static string Array(double[] values) => "[" + string.Join(",", values.Select(Messages.Number)) + "]";

        private static double[] Flat(double[][] rows) => rows.SelectMany(row => row).ToArray();

        private double[][] Split(double[] values, int columns) =>
            Enumerable.Range(0, K).Select(row => values.Skip(row * columns).Take(columns).ToArray()).ToArray();

        private static double LogSumExp(double[] values)
        {
            var max = values.Max();
            return max + Math.Log(values.Sum(value => Math.Exp(value - max)));
        }
    }
}
