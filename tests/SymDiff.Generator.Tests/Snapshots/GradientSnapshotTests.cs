using SymDiff.Generator.Tests.Infrastructure;

namespace SymDiff.Generator.Tests.Snapshots;

/// <summary>The emitted source for representative methods, reviewed like code.</summary>
public sealed class GradientSnapshotTests
{
    private static void Verify(
        string members,
        [System.Runtime.CompilerServices.CallerFilePath] string file = "",
        [System.Runtime.CompilerServices.CallerMemberName] string method = "")
    {
        var source = "using System;\nusing SymDiff;\n\nnamespace Samples;\n\npublic static partial class Functions\n{\n" + members + "\n}\n";
        SnapshotVerifier.Verify(GeneratorHarness.Run(source), file, method);
        SnapshotVerifier.VerifyRemarks(GeneratorHarness.Remarks(source), file, method);
    }

    [Fact]
    public void LecturePolynomial() => Verify("""
        [Differentiable]
        public static double F(double x, double y) => x * x * x * (x + 3 * y);
    """);

    [Fact]
    public void SigmoidNeuron() => Verify("""
        [Differentiable]
        public static double Neuron(double w0, double x0, double w1, double x1, double w2)
        {
            var z = w0 * x0 + w1 * x1 + w2;
            return 1.0 / (1.0 + Math.Exp(-z));
        }
    """);

    [Fact]
    public void IntegerPowerBecomesMultiplication() => Verify("""
        [Differentiable]
        public static double G(double x1, double x2) => Math.Pow(2 * x1 + 3 * x2, 2) + 3;

        [Differentiable]
        public static double Cube(double x) => Math.Pow(x, 3) - Math.Pow(x, -2);
    """);

    [Fact]
    public void VariableExponent() => Verify("""
        [Differentiable]
        public static double Power(double a, double b) => Math.Pow(a, b) + Math.Pow(2.0, b) + Math.Pow(a, 0.5);
    """);

    [Fact]
    public void IfElseMergesLocals() => Verify("""
        [Differentiable]
        public static double Piecewise(double x, double y)
        {
            double r;
            if (x > y)
            {
                r = x * y;
            }
            else
            {
                r = Math.Sin(x) + y;
            }

            return r * r;
        }
    """);

    [Fact]
    public void EarlyReturn() => Verify("""
        [Differentiable]
        public static double Clamp(double x, double lo, double hi)
        {
            if (x < lo) return lo;
            if (x > hi) return hi;
            return x;
        }
    """);

    [Fact]
    public void UntakenBranchIsNotEvaluated() => Verify("""
        [Differentiable]
        public static double SafeRoot(double x) => x > 0 ? Math.Sqrt(x) * Math.Log(x) : x;
    """);

    [Fact]
    public void NonSmoothFunctions() => Verify("""
        [Differentiable]
        public static double Kinks(double x, double y) => Math.Abs(x) + Math.Max(x, y) - Math.Min(x, 2 * y) + Math.Floor(x) * y;
    """);

    [Fact]
    public void ElementaryFunctions() => Verify("""
        [Differentiable]
        public static double Trig(double x) => Math.Sin(x) * Math.Cos(x) + Math.Tan(x) + Math.Asin(x / 2) + Math.Acos(x / 3) + Math.Atan(x);

        [Differentiable]
        public static double Hyperbolic(double x, double y) => Math.Sinh(x) + Math.Cosh(y) + Math.Tanh(x * y) + Math.Atan2(y, x);

        [Differentiable]
        public static double Logarithms(double x, double b) => Math.Log(x) + Math.Log(x, b) + Math.Log10(x) + Math.Log2(x) + Math.Exp(x) + Math.Cbrt(x) + Math.Sqrt(x);
    """);

    [Fact]
    public void ReassignedLocalsAndParameters() => Verify("""
        [Differentiable]
        public static double Accumulate(double x, double y)
        {
            var s = x;
            s += y;
            s *= x;
            s -= 1;
            s /= y;
            x = x * 2;
            s++;
            return s + x;
        }
    """);

    [Fact]
    public void DeadCodeIsRemoved() => Verify("""
        [Differentiable]
        public static double Dead(double x)
        {
            var unused = Math.Acos(2 * x + 5);
            return x * x;
        }
    """);

    [Fact]
    public void ContainingTypesAreReopened()
    {
        var source = """
            using SymDiff;

            partial record struct Outer<T>
            {
                internal static partial class Inner
                {
                    [Differentiable]
                    internal static double Square(double x) => x * x;
                }
            }
            """;
        SnapshotVerifier.Verify(GeneratorHarness.Run(source));
    }

    [Fact]
    public void OutputNamesAvoidClashes() => Verify("""
        [Differentiable]
        public static double Clash(double x, double dx)
        {
            var dy = x * dx;
            return dy * dy;
        }
    """);

    [Fact]
    public void LiteralsAreCopiedVerbatim() => Verify("""
        [Differentiable]
        public static double Literals(double x, double y) => 1e-3 * x * x + 4d * y + 2 * x + 0.10 * y + 1_000.5;
    """);

    [Fact]
    public void TangentAndHessianOnRequest() => Verify("""
        [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.Hessian)]
        public static double F(double x, double y) => x * x * x * (x + 3 * y);

        [Differentiable(Modes = DerivativeModes.All)]
        public static double Rosenbrock(double x, double y) => (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
    """);

    [Fact]
    public void HessianOfBranchesAndFunctions() => Verify("""
        [Differentiable(Modes = DerivativeModes.Hessian)]
        public static double Neuron(double w, double x, double b)
        {
            var z = w * x + b;
            return 1.0 / (1.0 + Math.Exp(-z));
        }

        [Differentiable(Modes = DerivativeModes.Hessian | DerivativeModes.Tangent)]
        public static double Branchy(double x, double y) => x > y ? Math.Sin(x * y) : Math.Sqrt(x * x + y * y);
    """);

    [Fact]
    public void JacobiansInTheCheaperOrder() => Verify("""
        /// <summary>3 inputs → 2 outputs: reverse mode, one pass per output.</summary>
        [Differentiable(Modes = DerivativeModes.Tangent)]
        public static (double Sum, double Product) Wide(double x, double y, double z) => (x + y * z, x * y * Math.Sin(z));

        /// <summary>2 inputs → 3 outputs: forward mode, one pass per input.</summary>
        [Differentiable]
        public static (double, double, double) Tall(double r, double theta)
        {
            var c = Math.Cos(theta);
            return (r * c, r * Math.Sin(theta), r * r);
        }
    """);

    [Fact]
    public void CallsBetweenDifferentiableMethods() => Verify("""
        [Differentiable]
        public static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));

        [Differentiable(Modes = DerivativeModes.Tangent)]
        public static double Neuron(double w, double x, double b)
        {
            var activation = Sigmoid(w * x + b);
            return activation * activation + Other.Scale(activation, w);
        }
    }

    public static partial class Other
    {
        [Differentiable]
        public static double Scale(double a, double k) => a * Math.Sin(k);
    """);

    [Fact]
    public void CustomDerivativesInEachForm() => Verify("""
        [Differentiable]
        public static double UsesAll(double x, double y) => Special.Erf(x * y) + Special.Hypot(x, y) * Special.Clip(y, 2.0);
    }

    public static class Special
    {
        public static double Erf(double x) => Math.Tanh(1.1283791670955126 * x);

        public static double Hypot(double x, double y) => Math.Sqrt(x * x + y * y);

        public static double Clip(double v, double limit) => limit * Math.Tanh(v / limit);

        [DerivativeOf(typeof(Special), nameof(Erf))]
        public static double ErfDerivative(double x) => 1.1283791670955126 * Math.Exp(-x * x);

        [DerivativeOf(typeof(Special), nameof(Hypot))]
        public static double HypotGradient(double x, double y, out double dx, out double dy)
        {
            var r = Math.Sqrt(x * x + y * y);
            dx = x / r;
            dy = y / r;
            return r;
        }

        [DerivativeOf(typeof(Special), nameof(Clip))]
        public static void ClipPullback(double v, double limit, double seed, ref double dv, ref double dlimit)
        {
            var t = Math.Tanh(v / limit);
            dv += seed * (1 - t * t);
            dlimit += seed * (t - (1 - t * t) * v / limit);
        }
    """);

    [Fact]
    public void ForwardModeAndHessianVectorOverSpans() => Verify("""
        [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]
        public static double Rosenbrock(ReadOnlySpan<double> x)
        {
            var sum = 0.0;
            for (int i = 0; i < x.Length - 1; i++)
            {
                var a = x[i + 1] - x[i] * x[i];
                var b = 1 - x[i];
                sum += 100 * a * a + b * b;
            }

            return sum;
        }

        [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]
        public static double Horner(double[] coefficients, double t)
        {
            var p = 0.0;
            foreach (var c in coefficients)
            {
                p = p * t + c;
            }

            return p;
        }
    """);

    [Fact]
    public void MethodsWritingOutputVectors() => Verify("""
        [Differentiable]
        public static void Softmax(ReadOnlySpan<double> z, Span<double> y)
        {
            var max = z[0];
            for (int i = 1; i < z.Length; i++)
            {
                max = Math.Max(max, z[i]);
            }

            var sum = 0.0;
            for (int i = 0; i < z.Length; i++)
            {
                sum += Math.Exp(z[i] - max);
            }

            for (int i = 0; i < z.Length; i++)
            {
                y[i] = Math.Exp(z[i] - max) / sum;
            }
        }

        [Differentiable]
        public static void ToCartesian(double r, double theta, Span<double> xy)
        {
            xy[0] = r * Math.Cos(theta);
            xy[1] = r * Math.Sin(theta);
        }
    """);

    [Fact]
    public void LoopsOverSpans() => Verify("""
        [Differentiable]
        public static double Rosenbrock(ReadOnlySpan<double> x)
        {
            var sum = 0.0;
            for (int i = 0; i < x.Length - 1; i++)
            {
                var a = x[i + 1] - x[i] * x[i];
                var b = 1 - x[i];
                sum += 100 * a * a + b * b;
            }

            return sum;
        }

        [Differentiable]
        public static double Horner(double[] coefficients, double t)
        {
            var p = 0.0;
            foreach (var c in coefficients)
            {
                p = p * t + c;
            }

            return p;
        }

        [Differentiable]
        public static double Product(ReadOnlySpan<double> x, int n, double scale)
        {
            var s = scale;
            for (int i = 0; i < n; i++)
            {
                s *= Math.Sin(x[i]) + 2;
            }

            return s * x[0];
        }
    """);

    [Fact]
    public void NestedLoops() => Verify("""
        /// <summary>wᵀ·tanh(A·x) with A stored row-major in a flat span.</summary>
        [Differentiable]
        public static double Layer(ReadOnlySpan<double> a, ReadOnlySpan<double> x, ReadOnlySpan<double> w)
        {
            var total = 0.0;
            for (int i = 0; i < w.Length; i++)
            {
                var row = 0.0;
                for (int j = 0; j < x.Length; j++)
                {
                    row += a[i * x.Length + j] * x[j];
                }

                total += w[i] * Math.Tanh(row);
            }

            return total;
        }
    """);

    [Fact]
    public void CallsOnParametersAreComputedOncePerComponent() => Verify("""
        /// <summary>Σ over points of log Σ over components of e^{a[c]}·e^{−(x[p] − μ[c])²}: e^{a[c]} is the same for every point.</summary>
        [Differentiable]
        public static double Mixture(ReadOnlySpan<double> a, ReadOnlySpan<double> mu, ReadOnlySpan<double> x)
        {
            var total = 0.0;
            for (int p = 0; p < x.Length; p++)
            {
                var likelihood = 0.0;
                for (int c = 0; c < a.Length; c++)
                {
                    var z = x[p] - mu[c];
                    likelihood += Math.Exp(a[c]) * Math.Exp(-z * z);
                }

                total += Math.Log(likelihood);
            }

            return total;
        }
    """);

    [Fact]
    public void PackedTriangleIndexIsStrengthReduced() => Verify("""
        /// <summary>Σ_j (Σ_{i<j} L[j,i]·c[i])², L's strict lower triangle packed by columns: a running index, forward and backward.</summary>
        [Differentiable]
        public static double Triangle(ReadOnlySpan<double> l, ReadOnlySpan<double> c, int d)
        {
            var total = 1.0;
            for (int j = 0; j < d; j++)
            {
                var lx = c[j];
                for (int i = 0; i < j; i++)
                {
                    lx += l[i * (2 * d - i - 1) / 2 + (j - i - 1)] * c[i];
                }

                total *= lx;
            }

            return total;
        }
    """);

    [Fact]
    public void CentredElementsAreTabulatedOncePerComponent() => Verify("""
        /// <summary>Σ_p Σ_k Σ_j (x[p,j] − μ[k,j] + Σ_{i<j} w[j,i]·(x[p,i] − μ[k,i]))²: x − μ is the same for every j, so one table per (p, k) serves both loops.</summary>
        [Differentiable]
        public static double Centred(ReadOnlySpan<double> w, ReadOnlySpan<double> x, ReadOnlySpan<double> mu, int m)
        {
            var total = 0.0;
            for (int p = 0; p < x.Length / m; p++)
            {
                for (int k = 0; k < mu.Length / m; k++)
                {
                    for (int j = 0; j < m; j++)
                    {
                        var lx = x[p * m + j] - mu[k * m + j];
                        for (int i = 0; i < j; i++)
                        {
                            lx += w[j * m + i] * (x[p * m + i] - mu[k * m + i]);
                        }

                        total += lx * lx;
                    }
                }
            }

            return total;
        }
    """);

    [Fact]
    public void MaxPassTablesAndExponentialsKeptForTheSumsSweep() => Verify("""
        /// <summary>
        /// Σ_p log Σ_k exp(s_pk − shift_p), s_pk = −Σ_j lx², lx = c_j + Σ_{i&lt;j} w[j, i]·c_i, c = x_p − μ_k: the max pass keeps
        /// its centred points per component for the sum's sweep, and the sum keeps its exponentials.
        /// </summary>
        [Differentiable]
        public static double Mixture(ReadOnlySpan<double> w, ReadOnlySpan<double> x, ReadOnlySpan<double> mu, int m)
        {
            var total = 0.0;
            for (int p = 0; p < x.Length / m; p++)
            {
                var max = double.NegativeInfinity;
                for (int k = 0; k < mu.Length / m; k++)
                {
                    var score = 0.0;
                    for (int j = 0; j < m; j++)
                    {
                        var lx = x[p * m + j] - mu[k * m + j];
                        for (int i = 0; i < j; i++)
                        {
                            lx += w[j * m + i] * (x[p * m + i] - mu[k * m + i]);
                        }

                        score -= lx * lx;
                    }

                    max = Math.Max(max, score);
                }

                var shift = Derivatives.WithoutDerivative(max);
                var sum = 0.0;
                for (int k = 0; k < mu.Length / m; k++)
                {
                    var score = 0.0;
                    for (int j = 0; j < m; j++)
                    {
                        var lx = x[p * m + j] - mu[k * m + j];
                        for (int i = 0; i < j; i++)
                        {
                            lx += w[j * m + i] * (x[p * m + i] - mu[k * m + i]);
                        }

                        score -= lx * lx;
                    }

                    sum += Math.Exp(score - shift);
                }

                total += shift + Math.Log(sum);
            }

            return total;
        }
    """);

    [Fact]
    public void PackedTriangleSweptByColumns() => Verify("""
        /// <summary>Σ_p Σ_k e^{−Σ_j lx²}, lx = c_j + Σ_{i<j} t[i(2m − i − 1)/2 + j − i − 1]·c_i: the rows' sweep keeps its seeds and the triangle is swept column by column after it.</summary>
        [Differentiable]
        public static double Packed(ReadOnlySpan<double> t, ReadOnlySpan<double> x, ReadOnlySpan<double> mu, int m)
        {
            var total = 0.0;
            for (int p = 0; p < x.Length / m; p++)
            {
                for (int k = 0; k < mu.Length / m; k++)
                {
                    var term = 0.0;
                    for (int j = 0; j < m; j++)
                    {
                        var lx = x[p * m + j] - mu[k * m + j];
                        for (int i = 0; i < j; i++)
                        {
                            lx += t[i * (2 * m - i - 1) / 2 + (j - i - 1)] * (x[p * m + i] - mu[k * m + i]);
                        }

                        term += lx * lx;
                    }

                    total += Math.Exp(-term);
                }
            }

            return total;
        }
    """);

    [Fact]
    public void ShiftMarkedWithoutDerivative() => Verify("""
        /// <summary>log Σ exp(z) shifted by its max, the shift marked: the max loop gets no backward sweep and no tape.</summary>
        [Differentiable]
        public static double LogSumExp(ReadOnlySpan<double> z)
        {
            var max = double.NegativeInfinity;
            for (int i = 0; i < z.Length; i++)
            {
                max = Math.Max(max, z[i]);
            }

            var shift = Derivatives.WithoutDerivative(max);
            var sum = 0.0;
            for (int i = 0; i < z.Length; i++)
            {
                sum += Math.Exp(z[i] - shift);
            }

            return shift + Math.Log(sum);
        }
    """);

    [Fact]
    public void FloatAndGenericMath() => Verify("""
        [Differentiable(Modes = DerivativeModes.Tangent)]
        public static float Softplus(float x, float beta) => MathF.Log(1f + MathF.Exp(beta * x)) / beta + MathF.Abs(x) * 0.5f;

        [Differentiable(Modes = DerivativeModes.Hessian)]
        public static T Gaussian<T>(T x, T mu, T sigma) where T : System.Numerics.IFloatingPointIeee754<T>
        {
            var z = (x - mu) / sigma;
            return T.Exp(-z * z / T.CreateChecked(2)) / (sigma * T.Sqrt(T.Pi + T.Pi));
        }
    """);
}
