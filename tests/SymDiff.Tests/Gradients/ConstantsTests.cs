using SymDiff.Tests.Functions;
using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Gradients;

/// <summary>Named constants are constants: they scale the derivative and get no partial of their own.</summary>
public sealed class ConstantsTests
{
    [Theory]
    [InlineData(0.5)]
    [InlineData(3.0)]
    public void CircleArea_AnyRadius_TwoPiR(double r)
    {
        var value = Constants.CircleAreaGradient(r, out var dr);

        GradientCheck.Verify(p => Constants.CircleArea(p[0]), [r], value, [dr], [2 * Math.PI * r]);
    }

    [Theory]
    [InlineData(-2.0)]
    [InlineData(3.0)]
    public void TimesE_AnyPoint_DerivativeIsE(double x)
    {
        var value = Constants.TimesEGradient(x, out var dx);

        GradientCheck.Verify(p => Constants.TimesE(p[0]), [x], value, [dx], [Math.E]);
    }

    [Theory]
    [InlineData(-2.0)]
    [InlineData(3.0)]
    public void TypeConstant_AnyPoint_TwoScaleX(double x)
    {
        var value = Constants.TypeConstantGradient(x, out var dx);

        GradientCheck.Verify(p => Constants.TypeConstant(p[0]), [x], value, [dx], [2 * Constants.Scale * x]);
    }

    [Theory]
    [InlineData(-2.0)]
    [InlineData(3.0)]
    public void LocalConstant_AnyPoint_ExpOfXOverK(double x)
    {
        var value = Constants.LocalConstantGradient(x, out var dx);

        // 3·exp(x/3) has derivative exp(x/3).
        GradientCheck.Verify(p => Constants.LocalConstant(p[0]), [x], value, [dx], [Math.Exp(x / 3)]);
    }
}
