using System.Text.Json;
using SymDiff.GradBench.Functions;

namespace SymDiff.GradBench.Modules;

/// <summary>
/// ba: the input's one camera, point, weight and measurement stand for N cameras, M points and P observations, which are
/// replicated as the eval asks, and every observation is computed. <c>objective</c> answers with the compressed form (the
/// first observation's residuals, repeated P times); <c>jacobian</c> builds the whole (2P + P) × (11N + 3M + P) CSR
/// matrix from each observation's generated 2 × 17 Jacobian and answers with its first 30 entries and its last.
/// </summary>
public sealed class BaModule : IEvalModule
{
    private const int CameraSize = 11;
    private const int PointSize = 3;
    private const int Inputs = CameraSize + PointSize + 1 + 2;

    public string Name => "ba";

    public Computation? Prepare(string function, JsonElement input)
    {
        var problem = Problem.Read(input);
        return function switch
        {
            "objective" => new ObjectiveComputation(problem),
            "jacobian" => new JacobianComputation(problem),
            _ => null,
        };
    }

    /// <summary>N cameras, M points, P weights and measurements, all copies of the input's.</summary>
    private sealed record Problem(int N, int M, int P, double[] Cameras, double[] Points, double[] Weights, double[] Features)
    {
        public static Problem Read(JsonElement input)
        {
            var (n, m, p) = (input.GetProperty("n").GetInt32(), input.GetProperty("m").GetInt32(), input.GetProperty("p").GetInt32());
            if (n <= 0 || m <= 0 || p <= 0)
            {
                throw new ArgumentException($"ba needs n, m and p positive, got n = {n}, m = {m}, p = {p}");
            }

            var camera = Exactly(JsonInput.Doubles(input.GetProperty("cam")), CameraSize, "cam");
            var point = Exactly(JsonInput.Doubles(input.GetProperty("x")), PointSize, "x");
            var feature = Exactly(JsonInput.Doubles(input.GetProperty("feat")), 2, "feat");
            var weight = input.GetProperty("w").GetDouble();
            return new Problem(n, m, p, Repeat(camera, n), Repeat(point, m), Enumerable.Repeat(weight, p).ToArray(), Repeat(feature, p));
        }

        private static double[] Exactly(double[] values, int length, string name)
            => values.Length == length ? values : throw new ArgumentException($"{name} has {values.Length} numbers, expected {length}");

        private static double[] Repeat(double[] values, int times) => Enumerable.Repeat(values, times).SelectMany(v => v).ToArray();

        public ReadOnlySpan<double> Camera(int i) => Cameras.AsSpan(i % N * CameraSize, CameraSize);

        public ReadOnlySpan<double> PointOf(int i) => Points.AsSpan(i % M * PointSize, PointSize);

        public ReadOnlySpan<double> Feature(int i) => Features.AsSpan(2 * i, 2);
    }

    private sealed class ObjectiveComputation(Problem problem) : Computation
    {
        private readonly double[] _reprojection = new double[2 * problem.P];
        private readonly double[] _weightError = new double[problem.P];

        public override void Run()
        {
            for (var i = 0; i < problem.P; i++)
            {
                BundleAdjustment.Reprojection(problem.Camera(i), problem.PointOf(i), problem.Weights[i], problem.Feature(i), _reprojection.AsSpan(2 * i, 2));
                _weightError[i] = BundleAdjustment.WeightError(problem.Weights[i]);
            }
        }

        public override bool IsFinite => Array.TrueForAll(_reprojection, double.IsFinite) && Array.TrueForAll(_weightError, double.IsFinite);

        public override void WriteOutput(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteStartObject("reproj_error");
            writer.WriteStartArray("elements");
            writer.WriteNumberValue(_reprojection[0]);
            writer.WriteNumberValue(_reprojection[1]);
            writer.WriteEndArray();
            writer.WriteNumber("repeated", problem.P);
            writer.WriteEndObject();
            writer.WriteStartObject("w_err");
            writer.WriteNumber("element", _weightError[0]);
            writer.WriteNumber("repeated", problem.P);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
    }

    /// <summary>The CSR Jacobian: per observation two rows of 15 entries (its camera, its point, its weight), then one row per weight.</summary>
    private sealed class JacobianComputation(Problem problem) : Computation
    {
        private readonly int[] _rows = new int[3 * problem.P + 1];
        private readonly int[] _columns = new int[31 * problem.P];
        private readonly double[] _values = new double[31 * problem.P];
        private readonly double[] _block = new double[2 * Inputs];
        private readonly double[] _error = new double[2];

        public override void Run()
        {
            var (n, m, p) = (problem.N, problem.M, problem.P);
            var entry = 0;
            for (var i = 0; i < p; i++)
            {
                BundleAdjustment.ReprojectionJacobian(problem.Camera(i), problem.PointOf(i), problem.Weights[i], problem.Feature(i), _error, _block);
                for (var row = 0; row < 2; row++)
                {
                    _rows[2 * i + row] = entry;
                    // The generated block's columns: the camera's 11, the point's 3, the weight, the measurement's 2 (not a parameter).
                    for (var c = 0; c < CameraSize; c++)
                    {
                        (_columns[entry], _values[entry++]) = (CameraSize * (i % n) + c, _block[row * Inputs + c]);
                    }

                    for (var c = 0; c < PointSize; c++)
                    {
                        (_columns[entry], _values[entry++]) = (CameraSize * n + PointSize * (i % m) + c, _block[row * Inputs + CameraSize + c]);
                    }

                    (_columns[entry], _values[entry++]) = (CameraSize * n + PointSize * m + i, _block[row * Inputs + CameraSize + PointSize]);
                }
            }

            for (var i = 0; i < p; i++)
            {
                _rows[2 * p + i] = entry;
                BundleAdjustment.WeightErrorGradient(problem.Weights[i], out var derivative);
                (_columns[entry], _values[entry++]) = (CameraSize * n + PointSize * m + i, derivative);
            }

            _rows[3 * p] = entry;
        }

        public override bool IsFinite => Array.TrueForAll(_values, double.IsFinite);

        public override void WriteOutput(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            WriteEnds(writer, "rows", _rows, writer.WriteNumberValue);
            WriteEnds(writer, "cols", _columns, writer.WriteNumberValue);
            WriteEnds(writer, "vals", _values, writer.WriteNumberValue);
            writer.WriteEndObject();
        }

        /// <summary>The first 30 numbers of a CSR array and its last, as the eval asks (integers stay integers).</summary>
        private static void WriteEnds<T>(Utf8JsonWriter writer, string name, T[] values, Action<T> write)
        {
            writer.WriteStartArray(name);
            foreach (var value in values.Take(30).Append(values[^1]))
            {
                write(value);
            }

            writer.WriteEndArray();
        }
    }
}
