using SymDiff.CodeFixes.Tests.Infrastructure;

namespace SymDiff.CodeFixes.Tests;

/// <summary>SD1002. The framework also applies each fix through Fix All (document, project and solution) and expects the same result.</summary>
public sealed class AddPartialCodeFixTests
{
    [Fact]
    public async Task AddPartial_NestedTypes_MakesChainPartial()
    {
        await new GeneratorCodeFixTest<AddPartialCodeFixProvider>
        {
            TestCode = """
                using SymDiff;

                public static class {|SD1002:Outer|}
                {
                    public static class {|SD1002:Lecture|}
                    {
                        [Differentiable]
                        public static double F(double x) => x * x;
                    }
                }
                """,
            FixedCode = """
                using SymDiff;

                public static partial class Outer
                {
                    public static partial class Lecture
                    {
                        [Differentiable]
                        public static double F(double x) => x * x;
                    }
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task AddPartial_TypeWithoutModifiers_KeepsCommentAndAddsPartial()
    {
        await new GeneratorCodeFixTest<AddPartialCodeFixProvider>
        {
            TestCode = """
                using SymDiff;

                // The lecture's functions.
                class {|SD1002:Lecture|}
                {
                    [Differentiable]
                    public static double F(double x) => x * x;
                }
                """,
            FixedCode = """
                using SymDiff;

                // The lecture's functions.
                partial class Lecture
                {
                    [Differentiable]
                    public static double F(double x) => x * x;
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task AddPartial_FixAllInTwoFiles_MakesEveryTypePartial()
    {
        var test = new GeneratorCodeFixTest<AddPartialCodeFixProvider>();
        test.TestState.Sources.Add(("A.cs", """
            using SymDiff;

            public class {|SD1002:A|}
            {
                [Differentiable]
                public static double F(double x) => x * x;
            }
            """));
        test.TestState.Sources.Add(("B.cs", """
            using SymDiff;

            internal sealed class {|SD1002:B|}
            {
                [Differentiable]
                public static double G(double x) => x + x;
            }
            """));
        test.FixedState.Sources.Add(("A.cs", """
            using SymDiff;

            public partial class A
            {
                [Differentiable]
                public static double F(double x) => x * x;
            }
            """));
        test.FixedState.Sources.Add(("B.cs", """
            using SymDiff;

            internal sealed partial class B
            {
                [Differentiable]
                public static double G(double x) => x + x;
            }
            """));
        await test.RunAsync();
    }
}
