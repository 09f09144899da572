using SymDiff.Generator.Tests.Infrastructure;

namespace SymDiff.Generator.Tests.Naming;

/// <summary>
/// The names of generated parameters (gradients, seeds, directions, products, buffers) avoid the source's parameters
/// and locals in every mode, however many candidates are taken: the generated code compiles.
/// </summary>
public sealed class GeneratedParameterNameTests
{
    [Fact]
    public void GradientNames_SkipEveryTakenCandidate()
        => GeneratorHarness.Run(Source("double x, double dx, double __dx", "x * dx + __dx"));

    [Fact]
    public void AllModes_AvoidParametersNamedLikeTheirOutputs()
        => GeneratorHarness.Run(Source("double x, double seed, double __seed, double gradient, double hessian, double tangent, double hvx, double tx", "x * seed + __seed * gradient + hessian * tangent + hvx * tx", "DerivativeModes.All"));

    [Fact]
    public void SpanModes_AvoidParametersNamedLikeTheirBuffers()
        => GeneratorHarness.Run(Source("double[] x, double dx, double _dx, double hvx", "x[0] * dx + _dx * hvx", "DerivativeModes.Gradient | DerivativeModes.Tangent | DerivativeModes.HessianVector"));

    private static string Source(string parameters, string body, string modes = "DerivativeModes.Gradient")
        => "using SymDiff;\npublic static partial class F\n{\n    [Differentiable(Modes = " + modes + ")]\n    public static double Clash(" + parameters + ") => " + body + ";\n}\n";
}
