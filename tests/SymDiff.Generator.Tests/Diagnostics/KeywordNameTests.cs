using SymDiff.Generator.Tests.Infrastructure;

namespace SymDiff.Generator.Tests.Diagnostics;

/// <summary>
/// Names written with '@' that the generated code does escape compile without a diagnostic (vector parameters and
/// for-loop variables do not yet: SD1012).
/// </summary>
public sealed class KeywordNameTests
{
    private const string Header = "using System;\nusing SymDiff;\n\nnamespace Keywords;\n\npublic static partial class Functions\n{\n";

    [Fact]
    public void DoubleParameters()
        => GeneratorHarness.Run(Header + """
                [Differentiable]
                public static double F(double @in, double @base) => @in * @base;
            }
            """);

    [Fact]
    public void IntParameterBoundingALoop()
        => GeneratorHarness.Run(Header + """
                [Differentiable]
                public static double F(ReadOnlySpan<double> x, int @fixed)
                {
                    var s = 0.0;
                    for (int i = 0; i < @fixed; i++)
                    {
                        s += x[i] * x[i];
                    }

                    return s;
                }
            }
            """);

    [Fact]
    public void LocalInALoop()
        => GeneratorHarness.Run(Header + """
                [Differentiable]
                public static double F(ReadOnlySpan<double> x)
                {
                    var s = 0.0;
                    for (int i = 0; i < x.Length; i++)
                    {
                        var @in = x[i] * 2.0;
                        s += @in * @in;
                    }

                    return s;
                }
            }
            """);

    [Fact]
    public void ForeachElement()
        => GeneratorHarness.Run(Header + """
                [Differentiable]
                public static double F(ReadOnlySpan<double> x)
                {
                    var s = 0.0;
                    foreach (var @in in x)
                    {
                        s += @in * @in;
                    }

                    return s;
                }
            }
            """);
}
