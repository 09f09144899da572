using SymDiff.CodeFixes.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace SymDiff.CodeFixes.Tests;

public sealed class AddPartialCodeFixTests
{
    [Fact]
    public async Task AddPartial_NestedTypes_MakesChainPartial()
    {
        var test = new GeneratorCodeFixTest<AddPartialCodeFixProvider>
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
        };
        await test.RunAsync();
    }
}
