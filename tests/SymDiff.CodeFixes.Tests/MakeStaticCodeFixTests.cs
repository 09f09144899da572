using SymDiff.CodeFixes.Tests.Infrastructure;

namespace SymDiff.CodeFixes.Tests;

/// <summary>SD1001. The framework also applies each fix through Fix All (document, project and solution) and expects the same result.</summary>
public sealed class MakeStaticCodeFixTests
{
    [Fact]
    public async Task MakeStatic_NoInstanceState_AddsStatic()
    {
        await new GeneratorCodeFixTest<MakeStaticCodeFixProvider>
        {
            // Penalty calls the instance method Loss: it is offered the fix only once Loss is static, so Fix All takes two rounds.
            NumberOfFixAllIterations = 2,
            TestCode = """
                using SymDiff;

                public partial class Model
                {
                    [Differentiable]
                    public double {|SD1001:Loss|}(double w) => w * w;

                    [Differentiable]
                    internal double {|SD1001:Penalty|}(double w)
                    {
                        // Until Loss is static, its call is not differentiated either.
                        return {|SD2002:Loss(w)|} + 1;
                    }
                }
                """,
            FixedCode = """
                using SymDiff;

                public partial class Model
                {
                    [Differentiable]
                    public static double Loss(double w) => w * w;

                    [Differentiable]
                    internal static double Penalty(double w)
                    {
                        // Until Loss is static, its call is not differentiated either.
                        return Loss(w) + 1;
                    }
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task MakeStatic_ReadOnlyStructMethod_DropsReadOnly()
    {
        await new GeneratorCodeFixTest<MakeStaticCodeFixProvider>
        {
            TestCode = """
                using SymDiff;

                public partial struct Model
                {
                    [Differentiable]
                    public readonly double {|SD1001:Loss|}(double w) => w * w;
                }
                """,
            FixedCode = """
                using SymDiff;

                public partial struct Model
                {
                    [Differentiable]
                    public static double Loss(double w) => w * w;
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task MakeStatic_ReadsField_OffersNoFix()
    {
        const string source = """
            using SymDiff;

            public partial class Model
            {
                private double _scale = 2;

                [Differentiable]
                public double {|SD1001:Loss|}(double w) => w * {|SD2001:_scale|};
            }
            """;
        await new GeneratorCodeFixTest<MakeStaticCodeFixProvider> { TestCode = source, FixedCode = source }.RunAsync();
    }

    [Fact]
    public async Task MakeStatic_CallsInstanceMethod_OffersNoFix()
    {
        const string source = """
            using SymDiff;

            public partial class Model
            {
                private double Scale() => 2;

                [Differentiable]
                public double {|SD1001:Loss|}(double w) => w * {|SD2002:Scale()|};
            }
            """;
        await new GeneratorCodeFixTest<MakeStaticCodeFixProvider> { TestCode = source, FixedCode = source }.RunAsync();
    }
}
