using Microsoft.CodeAnalysis.Testing;
using SymDiff.CodeFixes.Tests.Infrastructure;

namespace SymDiff.CodeFixes.Tests;

/// <summary>The compiler's CS0246 on SymDiff's attributes. The framework also applies each fix through Fix All.</summary>
public sealed class AddUsingSymDiffCodeFixTests
{
    [Fact]
    public async Task AddUsing_AfterSystemUsings_InsertsInOrder()
    {
        await new GeneratorCodeFixTest<AddUsingSymDiffCodeFixProvider>
        {
            ExpectedDiagnostics = { NotFound(0, "Differentiable"), NotFound(0, "DifferentiableAttribute") },
            TestCode = """
                using System;
                using System.Linq;

                public static partial class Lecture
                {
                    [{|#0:Differentiable|}]
                    public static double F(double x) => Math.Sin(x);
                }
                """,
            FixedCode = """
                using System;
                using System.Linq;
                using SymDiff;

                public static partial class Lecture
                {
                    [Differentiable]
                    public static double F(double x) => Math.Sin(x);
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task AddUsing_NoUsings_AddsFirstLine()
    {
        await new GeneratorCodeFixTest<AddUsingSymDiffCodeFixProvider>
        {
            ExpectedDiagnostics =
            {
                NotFound(0, "Differentiable"), NotFound(0, "DifferentiableAttribute"),
                NotFound(1, "DerivativeOf"), NotFound(1, "DerivativeOfAttribute"),
            },
            TestCode = """
                namespace Course;

                public static partial class Lecture
                {
                    [{|#0:Differentiable|}]
                    public static double F(double x) => x * x;

                    [{|#1:DerivativeOf|}(typeof(Lecture), nameof(G))]
                    public static double GDerivative(double x) => 1;

                    public static double G(double x) => x;
                }
                """,
            FixedCode = """
                using SymDiff;

                namespace Course;

                public static partial class Lecture
                {
                    [Differentiable]
                    public static double F(double x) => x * x;

                    [DerivativeOf(typeof(Lecture), nameof(G))]
                    public static double GDerivative(double x) => 1;

                    public static double G(double x) => x;
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task AddUsing_ModesArgument_FixesAttributeAndEnum()
    {
        await new GeneratorCodeFixTest<AddUsingSymDiffCodeFixProvider>
        {
            ExpectedDiagnostics =
            {
                NotFound(0, "Differentiable"), NotFound(0, "DifferentiableAttribute"),
                DiagnosticResult.CompilerError("CS0103").WithLocation(1).WithArguments("DerivativeModes"),
            },
            TestCode = """
                public static partial class Lecture
                {
                    [{|#0:Differentiable|}(Modes = {|#1:DerivativeModes|}.Tangent)]
                    public static double F(double x) => x * x;
                }
                """,
            FixedCode = """
                using SymDiff;

                public static partial class Lecture
                {
                    [Differentiable(Modes = DerivativeModes.Tangent)]
                    public static double F(double x) => x * x;
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task AddUsing_FixAllInTwoFiles_AddsUsingToEach()
    {
        var test = new GeneratorCodeFixTest<AddUsingSymDiffCodeFixProvider>
        {
            ExpectedDiagnostics =
            {
                NotFound(0, "Differentiable"), NotFound(0, "DifferentiableAttribute"),
                NotFound(1, "Differentiable"), NotFound(1, "DifferentiableAttribute"),
            },
        };
        test.TestState.Sources.Add(("A.cs", """
            using System;

            public static partial class A
            {
                [{|#0:Differentiable|}]
                public static double F(double x) => Math.Exp(x);
            }
            """));
        test.TestState.Sources.Add(("B.cs", """
            public static partial class B
            {
                [{|#1:Differentiable|}]
                public static double G(double x) => x * x;
            }
            """));
        test.FixedState.Sources.Add(("A.cs", """
            using System;
            using SymDiff;

            public static partial class A
            {
                [Differentiable]
                public static double F(double x) => Math.Exp(x);
            }
            """));
        test.FixedState.Sources.Add(("B.cs", """
            using SymDiff;

            public static partial class B
            {
                [Differentiable]
                public static double G(double x) => x * x;
            }
            """));
        await test.RunAsync();
    }

    /// <summary>The compiler reports an unknown attribute twice, under both of its names, at the markup <c>{|#n:...|}</c>.</summary>
    private static DiagnosticResult NotFound(int location, string name)
        => DiagnosticResult.CompilerError("CS0246").WithLocation(location).WithArguments(name);
}
