using SymDiff.Tests.Functions;
using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Gradients;

/// <summary>Shared subexpressions, a fifty-operation chain and eight parameters, against finite differences (1e-6 relative).</summary>
public sealed class ScaleTests
{
    [Theory]
    [InlineData(0.5, 1.5)]
    [InlineData(-1.0, 0.3)]
    public void SharedExpression_SmoothPoints_EachUseCounted(double x, double y)
    {
        var value = Scale.SharedExpressionGradient(x, y, out var dx, out var dy);

        // e^{2xy} + e^{xy}.
        var e1 = Math.Exp(x * y);
        var e2 = Math.Exp(2 * x * y);
        GradientCheck.Verify(
            p => Scale.SharedExpression(p[0], p[1]),
            [x, y],
            value,
            [dx, dy],
            [(2 * y * e2) + (y * e1), (2 * x * e2) + (x * e1)]);
    }

    [Theory]
    [InlineData(0.5, 1.5)]
    [InlineData(-1.0, 0.3)]
    [InlineData(1.2, -0.4)]
    public void SharedSubexpressions_SmoothPoints_MatchesChainRuleThroughS(double x, double y)
    {
        var value = Scale.SharedSubexpressionsGradient(x, y, out var dx, out var dy);

        // f(s) = (s² + s/(1+s²))·s + eˢ·s + s², s = xy + sin x.
        var s = (x * y) + Math.Sin(x);
        var q = 1 + (s * s);
        var t = (s * s) + (s / q);
        var dt = (2 * s) + ((q - (2 * s * s)) / (q * q));
        var df = (dt * s) + t + (Math.Exp(s) * (s + 1)) + (2 * s);
        GradientCheck.Verify(
            p => Scale.SharedSubexpressions(p[0], p[1]),
            [x, y],
            value,
            [dx, dy],
            [df * (y + Math.Cos(x)), df * x]);
    }

    [Theory]
    [InlineData(0.7, 0.4)]
    [InlineData(1.2, 0.9)]
    [InlineData(-0.5, 0.3)]
    public void LongChain_SmoothPoints_MatchesFiniteDifferences(double x, double y)
    {
        var value = Scale.LongChainGradient(x, y, out var dx, out var dy);

        GradientCheck.VerifyAgainstFiniteDifferences(p => Scale.LongChain(p[0], p[1]), [x, y], value, [dx, dy]);
    }

    [Theory]
    [InlineData(1.0, 2.0, 3.0, 4.0, 0.5, -0.5, 0.7, 1.5)]
    [InlineData(-0.3, 0.8, -1.2, 2.5, -1.0, 0.2, -2.0, 0.25)]
    public void Eight_SmoothPoints_MatchesFormulaAndFiniteDifferences(
        double a, double b, double c, double d, double e, double f, double g, double h)
    {
        var value = Scale.EightGradient(a, b, c, d, e, f, g, h,
            out var da, out var db, out var dc, out var dd, out var de, out var df, out var dg, out var dh);

        var r = Math.Sqrt((b * b) + (g * g));
        var ef = Math.Exp(e * f);
        GradientCheck.Verify(
            p => Scale.Eight(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]),
            [a, b, c, d, e, f, g, h],
            value,
            [da, db, dc, dd, de, df, dg, dh],
            [
                b + (h * c),
                a - (b / r),
                (1 / d) + (a * h),
                -c / (d * d),
                -f * ef,
                -e * ef,
                (Math.Cos(g) * h) - (g / r),
                Math.Sin(g) + (a * c),
            ]);
    }
}
