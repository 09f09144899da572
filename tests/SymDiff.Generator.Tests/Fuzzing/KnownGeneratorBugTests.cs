using SymDiff.Generator.Tests.Infrastructure;

namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>
/// Minimal repros of the generator bugs the fuzzers found, now fixed: each test fails if its bug
/// comes back.
/// </summary>
public sealed class KnownGeneratorBugTests
{
    private const string Header = "using System;\nusing SymDiff;\n\nnamespace Fuzz;\n\npublic static partial class Generated\n{\n";

    /// <summary>
    /// Hash-consing makes <c>v</c> and <c>x</c> one node, so the generated code compares a variable
    /// with itself, <c>bool __t0 = x &lt; x;</c>: warning CS1718 in generated code for a source
    /// without warnings (an error under TreatWarningsAsErrors).
    /// </summary>
    [Fact]
    public void AliasedComparison_GeneratedCodeHasNoWarnings()
        => GeneratorHarness.Run(Header + """
                [Differentiable]
                public static double F(double x)
                {
                    var v = x;
                    return v < x ? x : 2 * x;
                }
            }
            """);

    /// <summary>
    /// <c>Math.Sign</c> returns int, so <c>Math.Sign(x) / 2</c> is an integer division (0 for
    /// x = 1.5); the generator used to divide in double (0.5). It now reports the int arithmetic
    /// (SD2001) rather than compute something else than the source.
    /// </summary>
    [Fact]
    public void IntegerDivisionOfSign_IsReported()
    {
        using var build = FuzzBuild.Of(Header + """
                [Differentiable]
                public static double F(double x) => Math.Sign(x) / 2;
            }
            """);
        Assert.Contains(build.GeneratorDiagnostics, d => d.Id == "SD2001");
    }

    /// <summary>
    /// An int local stands for its initializer's text where it is read. It was looked up by name, so a loop variable
    /// named as an int local of an earlier, sibling scope (<c>int i = x.Length - 1;</c> in a branch, then
    /// <c>for (int i = 0; ...)</c>) was read as that initializer: the gradient summed the last element n times
    /// (and read past the end for <c>x[2 * i]</c>). Found by the refused-form fuzzer.
    /// </summary>
    [Fact]
    public void IntLocalNamedAsALaterLoopVariable_GradientReadsTheLoopVariable()
    {
        using var build = FuzzBuild.Of(Header + """
                [Differentiable]
                public static double F(ReadOnlySpan<double> x, double a, int n)
                {
                    var s = 0.0;
                    if (a > 0.0)
                    {
                        int i = x.Length - 1;
                        s += x[i];
                    }

                    for (int i = 0; i < n; i++)
                    {
                        s += 10.0 * x[i];
                    }

                    return s * a;
                }

                public static double Run(double[] x, double a, int n, double[] dx, double[] da) => FGradient(x, a, n, dx, out da[0]);
            }
            """);
        Assert.Empty(build.GeneratorDiagnostics);
        var type = build.Assembly!.Assembly.GetType("Fuzz.Generated", throwOnError: true)!;
        double[] x = [0.5, 0.25, -0.5, 1.0];
        var (dx, da) = (new double[4], new double[1]);
        var value = (double)type.GetMethod("Run")!.Invoke(null, [x, 2.0, 2, dx, da])!;

        // s = x[3] + 10 (x[0] + x[1]) = 8.5.
        Assert.Equal(17.0, value, 1e-15);
        Assert.Equal([20.0, 20.0, 0.0, 2.0], dx);
        Assert.Equal(8.5, da[0], 1e-15);
    }

    /// <summary>
    /// A loop whose results are read in one branch only (<c>if (y &lt; 0.3) s *= x;</c>) runs only under that branch's
    /// condition. In a Hessian its backward sweep also carries the derivative of the gradient's sweep, whose seed is not
    /// zero when the branch is not taken: the sweep then read records the loop had not written, a pooled array's
    /// values from an earlier call (or zeros), and the Hessian was another point's. The sweep now counts as a read of
    /// the loop. Found by the refused-form fuzzer (seed 7), through the supported forms it injects.
    /// </summary>
    [Fact]
    public void LoopReadInABranchOnly_HessianWhenTheBranchIsNotTaken_IsThisPoints()
    {
        using var build = FuzzBuild.Of(Header + """
                [Differentiable(Modes = DerivativeModes.Hessian)]
                public static double F(double x, double y)
                {
                    double s = 0.0;
                    for (int i = 0; i < 3; i++)
                    {
                        s = s * 0.5 + Math.Sin(x);
                    }

                    if (y < 0.3)
                    {
                        s *= x;
                    }

                    return s;
                }

                public static double Run(double x, double y, double[] gradient, double[] hessian) => FHessian(x, y, gradient, hessian);
            }
            """);
        Assert.Empty(build.GeneratorDiagnostics);
        var run = build.Assembly!.Assembly.GetType("Fuzz.Generated", throwOnError: true)!.GetMethod("Run")!;
        var (gradient, hessian) = (new double[2], new double[4]);

        // s = 1.75 sin x. Taken: f = 1.75 x sin x, f'' = 1.75 (2 cos x − x sin x). Not taken: f'' = −1.75 sin x.
        run.Invoke(null, [1.0, 0.1, gradient, hessian]);
        Assert.Equal(1.75 * ((2 * Math.Cos(1.0)) - Math.Sin(1.0)), hessian[0], 1e-14);
        run.Invoke(null, [2.0, 0.5, gradient, hessian]);
        Assert.Equal(-1.75 * Math.Sin(2.0), hessian[0], 1e-14);
        Assert.Equal([0.0, 0.0, 0.0], hessian[1..]);
    }

    /// <summary>
    /// A strength-reduced index's first value is the index polynomial expanded: <c>k * k - 2 * k * m + m * m</c> for
    /// <c>(i - m) * (i - m)</c> from i = k, whose terms overflow for k = m = 100,000 though the index is 0. In a
    /// build with overflow checks that threw OverflowException; the running locals are computed unchecked.
    /// </summary>
    [Fact]
    public void ReducedIndexInACheckedBuild_DoesNotOverflow()
    {
        using var build = FuzzBuild.Of(Header + """
                [Differentiable]
                public static double Squares(ReadOnlySpan<double> x, int k, int m)
                {
                    var p = 1.0;
                    for (int i = k; i < k + 3; i++)
                    {
                        p *= 1 + x[(i - m) * (i - m)];
                    }

                    return p;
                }

                public static double Run(double[] x, int k, int m, double[] dx) => SquaresGradient(x, k, m, dx);
            }
            """, overflowChecks: true);
        Assert.Empty(build.GeneratedCodeProblems);
        var type = build.Assembly!.Assembly.GetType("Fuzz.Generated", throwOnError: true)!;
        double[] x = [0.5, 0.25, -0.5, 1.0, 2.0];
        var dx = new double[5];
        var value = (double)type.GetMethod("Run")!.Invoke(null, [x, 100_000, 100_000, dx])!;

        // Indices 0, 1, 4: p = 1.5 · 1.25 · 3, ∂p/∂x[j] = p / (1 + x[j]).
        Assert.Equal(1.5 * 1.25 * 3.0, value, 1e-15);
        Assert.Equal([value / 1.5, value / 1.25, 0.0, 0.0, value / 3.0], dx);
    }

    /// <summary>
    /// Found in review: a part of an index computed ahead of its loop was first taken from the expanded polynomial,
    /// <c>(i - lo) * d</c> as <c>i * d - d * lo</c>, whose products overflow in a build with overflow checks where the
    /// source's do not (OverflowException from the gradient); the part is now the source's own expression.
    /// </summary>
    [Fact]
    public void HoistedIndexPartInACheckedBuild_IsTheSourcesOwn()
    {
        using var build = FuzzBuild.Of(Header + """
                [Differentiable]
                public static double Rows(ReadOnlySpan<double> x, int lo, int hi, int d)
                {
                    var s = 0.0;
                    for (int i = lo; i < hi; i++)
                    {
                        for (int j = 0; j < d; j++)
                        {
                            s += x[(i - lo) * d + j] * x[(i - lo) * d + j];
                        }
                    }

                    return s;
                }

                public static double Run(double[] x, int lo, int hi, int d, double[] dx) => RowsGradient(x, lo, hi, d, dx);
            }
            """, overflowChecks: true);
        Assert.Empty(build.GeneratedCodeProblems);
        Assert.Contains("int __l0_at0_p0 = (i - lo) * d;", build.Run.Result.GeneratedSources.Single().SourceText.ToString());
        var type = build.Assembly!.Assembly.GetType("Fuzz.Generated", throwOnError: true)!;
        var x = Enumerable.Range(0, 32).Select(k => 0.1 * k).ToArray();
        var dx = new double[32];
        var value = (double)type.GetMethod("Run")!.Invoke(null, [x, 134_217_727, 134_217_729, 16, dx])!;
        Assert.Equal(x.Sum(v => v * v), value, 1e-12);
        Assert.Equal(x.Select(v => 2 * v), dx);
    }

    /// <summary>
    /// conventions.md promises that the untaken branch is not evaluated at all. But a value used
    /// both by the branch's derivative and by the returned <c>?:</c> is computed before the branch:
    /// <c>double __t1 = (double)Math.Sign(Math.Log(x));</c> runs for x = −1, and
    /// <c>Math.Sign(NaN)</c> throws ArithmeticException where the source returns −1.
    /// </summary>
    [Fact]
    public void UntakenBranch_IsNotEvaluated()
    {
        using var build = FuzzBuild.Of(Header + """
                [Differentiable]
                public static double F(double x) => x < 0 ? x : Math.Sign(Math.Log(x)) * x;
            }
            """);
        Assert.Empty(build.GeneratorDiagnostics);
        var type = build.Assembly!.Assembly.GetType("Fuzz.Generated", throwOnError: true)!;
        var arguments = new object[] { -1.0, 0.0 };
        var value = (double)type.GetMethod("FGradient")!.Invoke(null, arguments)!;
        Assert.Equal(-1.0, value);
        Assert.Equal(1.0, (double)arguments[1]);
    }

    /// <summary>
    /// conventions.md promises that a NaN or ∞ of the untaken branch cannot leak into the gradient.
    /// Here <c>x / y</c> is reached along two paths, so its adjoint is a run-time select,
    /// <c>__t3 = x &gt; 0 ? (y &gt; -1 ? 0.0 : 1.0) : 1.0</c>, and <c>dx = ... + __t3 / y</c> is
    /// evaluated unguarded: at (1, 0), where F = x locally, 0 / 0 makes both partials NaN.
    /// </summary>
    [Fact]
    public void UntakenPath_DoesNotLeakNaN()
    {
        using var build = FuzzBuild.Of(Header + """
                [Differentiable]
                public static double F(double x, double y)
                {
                    if (x > 0)
                    {
                        if (y > -1) return x;
                    }

                    return x / y;
                }
            }
            """);
        Assert.Empty(build.GeneratorDiagnostics);
        var type = build.Assembly!.Assembly.GetType("Fuzz.Generated", throwOnError: true)!;
        var arguments = new object[] { 1.0, 0.0, 0.0, 0.0 };
        Assert.Equal(1.0, (double)type.GetMethod("FGradient")!.Invoke(null, arguments)!);
        Assert.Equal(1.0, (double)arguments[2]);
        Assert.Equal(0.0, (double)arguments[3]);
    }

    /// <summary>
    /// The attribute allows local functions (<c>AttributeTargets.Method</c>), but the generator
    /// selects only <c>MethodDeclarationSyntax</c>: a <c>[Differentiable]</c> local function gets
    /// neither a gradient nor a diagnostic.
    /// </summary>
    [Fact]
    public void LocalFunction_IsReported()
    {
        var run = GeneratorHarness.RunAllowingDiagnostics(Header + """
                public static double Outer(double x)
                {
                    [Differentiable]
                    static double Local(double t) => t * t;

                    return Local(x);
                }
            }
            """);
        Assert.Contains(run.Result.Diagnostics, d => d.Id.StartsWith("SD", StringComparison.Ordinal));
    }

    /// <summary>
    /// The mutation fuzzer's mutant 427 (with loops nested three deep): in the Hessian, a value two conditionals on the
    /// same condition share was placed in the first one's branch, but that conditional only fed a loop whose results
    /// are read from a record, so it was never written: CS0103 for the value in the second conditional.
    /// </summary>
    [Fact]
    public void ValueSharedWithAConditionalOnlyARecordedLoopReads_IsDeclared()
    {
        using var build = FuzzBuild.Of(Header + """
                [Differentiable(Modes = DerivativeModes.All)]
                public static double M427(double x)
                {
                    var b0 = (!(Math.Log(Math.Sqrt(1.0 + Math.Max(x, Math.E) * Math.Max(x, Math.E)), 0.5) != (-x < x ? x : Math.Max(x, x))) || x >  int.MaxValue );
                    if (Math.Ceiling((double)3) > Math.PI - (x * 3.0))
                    {
                    }
                    else
                    {
                    }
                    double v1 = (double)double.Sign(x);
                    for (int i2 = 1; i2 < 4; i2++)
                    {
                        var v3 = Math.Asin(Math.Sin(Math.Min(Math.Log(Math.Abs(double.Round(x)) + 0.5, Math.Exp(0.1)), x)));
                        for (int i4 = 0; i4 <= 4 - 1; i4++)
                        {
                            x += -double.Pi;
                            v3 -= Math.Ceiling(v3 / x);
                            v1 *= i2;
                        }
                        v3 *= -v3;
                    }
                    return v1 + (double.Ceiling(x) + (v1 * x / x));
                }
            }
            """);
        Assert.Empty(build.GeneratorDiagnostics);
        Assert.Empty(build.GeneratedCodeProblems);
        Assert.NotNull(build.Assembly);
    }

    /// <summary>
    /// The span fuzzer's S616 (seed 33): an additive loop whose iterations each run an inner loop, after an early
    /// return that makes the outer loop's adjoint a conditional (<c>n == 0 ? 0 : 1</c>). In the Hessian-vector product
    /// the outer loop and its sweep run as one pass, whose seed only the inner loop's sweep reads; that sweep writes
    /// gradient buffers and nothing reads it, so the seed was not declared: CS0103 for <c>__a2_0</c>.
    /// </summary>
    [Fact]
    public void SeedOnlyAnInnerSweepOfAFusedLoopReads_IsDeclared()
    {
        using var build = FuzzBuild.Of(Header + """
                [Differentiable(Modes = DerivativeModes.HessianVector)]
                public static double S616(ReadOnlySpan<double> y, double a, int n)
                {
                    if (n == 0)
                    {
                        return Math.Sin(a) * a;
                    }

                    var s = 0.0;
                    for (int i = 0; i < n; i++)
                    {
                        var t = 3.0;
                        for (int j = 0; j < n; j++)
                        {
                            t += y[(n - 1 - i) * n + j] * y[(n - 1 - i) * n + j];
                        }

                        s += t;
                    }

                    return s;
                }

                public static double Run(double[] y, double a, int n, double[] vy, double va, double[] dy, double[] hvy, double[] hva)
                    => S616HessianVector(y, a, n, vy, va, dy, out _, hvy, out hva[0]);
            }
            """);
        Assert.Empty(build.GeneratorDiagnostics);
        Assert.Empty(build.GeneratedCodeProblems);
        var run = build.Assembly!.Assembly.GetType("Fuzz.Generated", throwOnError: true)!.GetMethod("Run")!;

        // n = 2: s = Σ (3 + Σ_j y²) over the rows of y[0..4): ∂s/∂y = 2y, H·v = 2v on y, nothing on a.
        double[] y = [0.5, -1.0, 2.0, 0.25, 7.0];
        double[] vy = [1.0, 2.0, -1.0, 0.5, 3.0];
        var (dy, hvy, hva) = (new double[5], new double[5], new double[1]);
        var value = (double)run.Invoke(null, [y, 0.3, 2, vy, 0.7, dy, hvy, hva])!;
        Assert.Equal(6.0 + 0.25 + 1.0 + 4.0 + 0.0625, value, 1e-15);
        Assert.Equal([1.0, -2.0, 4.0, 0.5, 0.0], dy);
        Assert.Equal([2.0, 4.0, -2.0, 1.0, 0.0], hvy);
        Assert.Equal(0.0, hva[0]);

        // n = 0 returns sin(a)·a: H·v on a is va·(2 cos a − a sin a), nothing on y.
        value = (double)run.Invoke(null, [y, 0.3, 0, vy, 0.7, dy, hvy, hva])!;
        Assert.Equal(Math.Sin(0.3) * 0.3, value, 1e-15);
        Assert.Equal(0.7 * ((2 * Math.Cos(0.3)) - (0.3 * Math.Sin(0.3))), hva[0], 1e-15);
        Assert.All(hvy, entry => Assert.Equal(0.0, entry));
    }
}
