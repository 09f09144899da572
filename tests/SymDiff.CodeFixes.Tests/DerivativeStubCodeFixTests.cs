using SymDiff.CodeFixes.Tests.Infrastructure;

namespace SymDiff.CodeFixes.Tests;

/// <summary>
/// SD2002. Once the stub is there, the generator finds the [DerivativeOf] and reports nothing: the fixed code is
/// checked with the generator running. The framework also applies each fix through Fix All.
/// </summary>
public sealed class DerivativeStubCodeFixTests
{
    private const string Special = """

        public static class Special
        {
            public static double Erf(double x) => x;

            public static double Blend(double a, double b) => a * b;
        }
        """;

    [Fact]
    public async Task DerivativeStub_OneParameter_WritesDerivativeShape()
    {
        await new GeneratorCodeFixTest<DerivativeStubCodeFixProvider>
        {
            TestCode = """
                using SymDiff;

                public static partial class Lecture
                {
                    [Differentiable]
                    public static double F(double x) => 2 * {|SD2002:Special.Erf(x)|};
                }
                """ + Special,
            FixedCode = """
                using SymDiff;

                public static partial class Lecture
                {
                    [Differentiable]
                    public static double F(double x) => 2 * Special.Erf(x);

                    [DerivativeOf(typeof(Special), nameof(Special.Erf))]
                    internal static double ErfDerivative(double x)
                        => throw new System.NotSupportedException("Write the derivative of Erf");
                }
                """ + Special,
        }.RunAsync();
    }

    [Fact]
    public async Task DerivativeStub_TwoParametersCalledTwice_WritesOneOutShape()
    {
        await new GeneratorCodeFixTest<DerivativeStubCodeFixProvider>
        {
            TestCode = """
                using System;
                using SymDiff;

                public static partial class Lecture
                {
                    [Differentiable]
                    public static double F(double x, double y)
                    {
                        var u = {|SD2002:Special.Blend(x, y)|};
                        return u + {|SD2002:Special.Blend(y, x)|};
                    }
                }
                """ + Special,
            FixedCode = """
                using System;
                using SymDiff;

                public static partial class Lecture
                {
                    [Differentiable]
                    public static double F(double x, double y)
                    {
                        var u = Special.Blend(x, y);
                        return u + Special.Blend(y, x);
                    }

                    [DerivativeOf(typeof(Special), nameof(Special.Blend))]
                    internal static double BlendDerivative(double a, double b, out double da, out double db)
                        => throw new NotSupportedException("Write the derivative of Blend");
                }
                """ + Special,
        }.RunAsync();
    }

    [Fact]
    public async Task DerivativeStub_FixAllInTwoFiles_WritesOneStub()
    {
        // One [DerivativeOf] serves both files: Fix All in the project or solution must not write a second.
        var test = new GeneratorCodeFixTest<DerivativeStubCodeFixProvider>();
        test.TestState.Sources.Add(("A.cs", """
            using SymDiff;

            public static partial class A
            {
                [Differentiable]
                public static double F(double x) => {|SD2002:Special.Erf(x)|};
            }
            """ + Special));
        test.TestState.Sources.Add(("B.cs", """
            using SymDiff;

            public static partial class B
            {
                [Differentiable]
                public static double G(double x) => x * {|SD2002:Special.Erf(x)|};
            }
            """));
        test.FixedState.Sources.Add(("A.cs", """
            using SymDiff;

            public static partial class A
            {
                [Differentiable]
                public static double F(double x) => Special.Erf(x);

                [DerivativeOf(typeof(Special), nameof(Special.Erf))]
                internal static double ErfDerivative(double x)
                    => throw new System.NotSupportedException("Write the derivative of Erf");
            }
            """ + Special));
        test.FixedState.Sources.Add(("B.cs", """
            using SymDiff;

            public static partial class B
            {
                [Differentiable]
                public static double G(double x) => x * Special.Erf(x);
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task DerivativeStub_InstanceCall_OffersNoFix()
    {
        const string source = """
            using System;
            using SymDiff;

            public static partial class Lecture
            {
                private static readonly Random Noise = new(1);

                [Differentiable]
                public static double F(double x) => x * {|SD2002:Noise.NextDouble()|};
            }
            """;
        await new GeneratorCodeFixTest<DerivativeStubCodeFixProvider> { TestCode = source, FixedCode = source }.RunAsync();
    }
}
