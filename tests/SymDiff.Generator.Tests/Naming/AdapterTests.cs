using SymDiff.Generator.Tests.Infrastructure;

namespace SymDiff.Generator.Tests.Naming;

/// <summary>Which methods get a runtime adapter (NameFunction, NameLoss), and that a type of the user's with its name is left alone.</summary>
public sealed class AdapterTests
{
    [Theory]
    [InlineData("public static double Swish(double x) => x / (1 + Math.Exp(-x));", "public readonly struct SwishFunction : global::SymDiff.Functions.IScalarFunction")]
    [InlineData("internal static double Huber(double prediction, double target) => Math.Abs(prediction - target);", "internal readonly struct HuberLoss : global::SymDiff.Functions.ILossFunction")]
    public void Adapter_IsWrittenForAnActivationOrALoss(string method, string declaration)
        => Assert.Contains(declaration, Generated(method));

    [Theory]
    [InlineData("public static double Rosenbrock(double x, double y) => x * x + y;")]
    [InlineData("public static double Sum(double[] x) => x[0];")]
    [InlineData("public static float Half(float x) => x / 2;")]
    [InlineData("public static (double A, double B) Pair(double x) => (x, x);")]
    public void Adapter_IsNotWrittenForOtherMethods(string method)
        => Assert.DoesNotContain("readonly struct", Generated(method));

    [Fact]
    public void UsersOwnTypeWithTheAdaptersName_IsLeftAlone()
    {
        var generated = Generated("public static double Swish(double x) => x / (1 + Math.Exp(-x));\n    public readonly struct SwishFunction { }");
        Assert.DoesNotContain("struct SwishFunction", generated);
        Assert.Contains("SwishGradient", generated);
    }

    private static string Generated(string members)
    {
        var source = "using System;\nusing SymDiff;\npublic static partial class F\n{\n    [Differentiable]\n    " + members + "\n}\n";
        return GeneratorHarness.Run(source).Result.GeneratedSources.Single().SourceText.ToString();
    }
}
