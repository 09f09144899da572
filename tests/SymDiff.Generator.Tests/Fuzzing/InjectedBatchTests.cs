namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>
/// The verdicts of <see cref="InjectedBatch"/> and <see cref="PointChecker"/> on methods whose outcome is known: a
/// wrong partial is caught, a diagnostic outside the injected form is a failure, a refused form in its span and a
/// supported method checked numerically are not.
/// </summary>
public sealed class InjectedBatchTests
{
    private const string Header = "    [Differentiable(Modes = DerivativeModes.All)]\n    public static double M0(double x, double y)\n    {\n        double f0 = 0.5 * x;\n";

    [Fact]
    public void PointChecker_WrongPartial_ReportsIt()
    {
        var failure = PointChecker.Check(new Product(error: 1e-3), new Random(1), new FuzzStatistics());
        Assert.NotNull(failure);
        Assert.Contains("partial y is", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void PointChecker_RightDerivatives_ReportsNothing()
        => Assert.Null(PointChecker.Check(new Product(error: 0.0), new Random(1), new FuzzStatistics()));

    [Fact]
    public void InjectedBatch_RefusedFormInItsSpan_CountsItsDiagnostic()
    {
        var (tally, failures) = Check("        while (f0 > 1.0) f0 *= 0.5;\n", "        return (x * y) + f0;\n", InjectedForm.While);
        Assert.Empty(failures);
        Assert.Equal(1, tally.Total("SD2003"));
    }

    [Fact]
    public void InjectedBatch_DiagnosticOutsideTheForm_IsAFailure()
    {
        var (_, failures) = Check("        f0 += y;\n", "        while (f0 > 1.0) f0 *= 0.5;\n        return (x * y) + f0;\n", InjectedForm.While);
        Assert.Contains("a diagnostic outside every injected form, at 'while'", Assert.Single(failures), StringComparison.Ordinal);
    }

    [Fact]
    public void InjectedBatch_SupportedForm_IsCheckedNumerically()
    {
        var form = "        for (int i = 0; i < 3; i++)\n        {\n            f0 = f0 * 0.5 + Math.Sin(y + i);\n        }\n";
        var (tally, failures) = Check(form, "        return (x * y) + f0;\n", InjectedForm.AscendingFor);
        Assert.Empty(failures);
        Assert.Equal(1, tally.Total(InjectedBatch.Checked));
    }

    /// <summary>Builds <c>M0</c> with <paramref name="form"/> marked as injected, followed by <paramref name="rest"/>.</summary>
    private static (FormTally Tally, List<string> Failures) Check(string form, string rest, InjectedForm injected)
    {
        var source = Header + form + rest + "    }\n";
        var method = new InjectedMethod(new FuzzMethod("M0", 2, source), false, "", new[] { new Injection(injected, FormContext.TopLevel, 0, true, Header.Length, form.Length) });
        var tally = new FormTally();
        var failures = new List<string>();
        new InjectedBatch(new FuzzStatistics(), tally, failures).Check(new[] { method }, overflowChecks: false);
        return (tally, failures);
    }

    /// <summary>x·y, whose ∂/∂y is off by <c>error</c>.</summary>
    private sealed class Product(double error) : FuzzFunction
    {
        public override int Inputs => 2;

        public override string Describe(int p) => p == 0 ? "x" : "y";

        public override double Value(double[] point) => point[0] * point[1];

        public override (double Value, double[] Partials) Gradient(double[] point) => (Value(point), [point[1], point[0] + error]);

        public override (double Value, double Tangent) Tangent(double[] point, double[] direction)
            => (Value(point), (point[1] * direction[0]) + ((point[0] + error) * direction[1]));

        public override (double Value, double[] Gradient, double[] Hv) HessianVector(double[] point, double[] direction)
            => (Value(point), Gradient(point).Partials, [direction[1], direction[0]]);
    }
}
