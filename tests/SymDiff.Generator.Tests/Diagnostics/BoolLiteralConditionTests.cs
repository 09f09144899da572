using System.Reflection;
using SymDiff.Generator.Tests.Fuzzing;

namespace SymDiff.Generator.Tests.Diagnostics;

/// <summary>
/// A bool constant as a condition (<c>true ? a : b</c>, a bool local set to <c>false</c>, <c>if (true)</c>): the
/// graph had no rule for the constant, so each such method failed with SD2999. Found by the syntax census.
/// </summary>
public sealed class BoolLiteralConditionTests
{
    [Theory]
    [InlineData("var s = true ? x * y : x;")]
    [InlineData("bool b = false; var s = b ? x : x * y;")]
    [InlineData("var s = x; if (true) { s = s * y; }")]
    [InlineData("var s = !false && x > -10 ? x * y : x;")]
    public void BoolLiteralCondition_Generated_ValueAndGradientOfTheTakenBranch(string statements)
    {
        using var build = FuzzBuild.Of("using System;\nusing SymDiff;\n\npublic static partial class C\n{\n[Differentiable]\npublic static double F(double x, double y)\n{\n"
            + statements + "\nreturn s * y;\n}\n}\n");
        Assert.Empty(build.GeneratorDiagnostics);
        Assert.Empty(build.GeneratedCodeProblems);

        // F = x·y², ∂F/∂x = y², ∂F/∂y = 2·x·y.
        var arguments = new object?[] { 1.5, 2.0, 0.0, 0.0 };
        var value = build.Assembly!.Assembly.GetType("C", throwOnError: true)!.GetMethod("FGradient", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments);
        Assert.Equal(6.0, (double)value!);
        Assert.Equal(new object?[] { 1.5, 2.0, 4.0, 6.0 }, arguments);
    }
}
