namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>
/// A high-accuracy numerical partial derivative that knows when it can be trusted.
/// </summary>
/// <remarks>
/// <para>
/// Ridders' method (Numerical Recipes §5.7): central differences D(h) at steps h, h/1.4, h/1.4², ...
/// are Richardson-extrapolated in a tableau (D(h) = f′ + c₂h² + c₄h⁴ + ..., so each column removes
/// the next even power of h). The method returns the extrapolation whose neighbours in the tableau
/// agree best, and that disagreement as its error estimate; it stops when rounding makes the
/// estimates diverge.
/// </para>
/// <para>
/// The estimate is computed twice, from two unrelated initial steps. It is <see cref="Trusted"/>
/// only when both error estimates, and the difference between the two results, are below
/// <see cref="TrustTolerance"/>·max(1, |f′|), and a plain central difference at a much smaller step
/// roughly agrees (both sequences can step over a narrow interval where another branch is taken).
/// Near a kink or a jump (a branch boundary, <c>Abs</c>, <c>Floor</c>, ...), at a pole, or where
/// rounding dominates, the differences at different steps disagree and the point is skipped rather
/// than compared.
/// </para>
/// </remarks>
internal readonly record struct ReferenceDerivative(double Value, double Error, bool Trusted)
{
    /// <summary>The largest scaled error a trusted reference may have: 100 times below the comparison tolerance.</summary>
    public const double TrustTolerance = 1e-8;

    /// <summary>The step of the check against narrow branches: rounding gives it about 1e-10·|f| of error, far below <see cref="FineTolerance"/>.</summary>
    private const double FineStep = 1e-6;

    /// <summary>How far the fine difference may be from the extrapolation (truncation at a curved point is about h²·f‴/6).</summary>
    private const double FineTolerance = 1e-3;

    private const double Shrink = 1.4;
    private const int Steps = 10;
    private const double Safe = 2.0;

    public static ReferenceDerivative Of(Func<double[], double> f, double[] point, int index)
    {
        var scale = Math.Max(1.0, Math.Abs(point[index]));
        var (first, firstError) = Ridders(f, point, index, 0.05 * scale);
        var (second, secondError) = Ridders(f, point, index, 0.0137 * scale);
        var bound = TrustTolerance * Math.Max(1.0, Math.Abs(first));

        // Both sequences may step over a branch taken only in a narrow interval around the point (seed 31337's
        // M414 and M1060: every step lands where the function is flat, and Ridders agrees with itself on 0): a
        // plain difference at a step far below theirs must not disagree grossly.
        var fine = Central(f, (double[])point.Clone(), point[index], index, FineStep * scale);
        var trusted = double.IsFinite(first) && double.IsFinite(second)
            && firstError <= bound && secondError <= bound && Math.Abs(first - second) <= bound
            && Math.Abs(fine - first) <= FineTolerance * Math.Max(1.0, Math.Max(Math.Abs(first), Math.Abs(fine)));
        return new ReferenceDerivative(first, Math.Max(firstError, secondError), trusted);
    }

    private static (double Derivative, double Error) Ridders(Func<double[], double> f, double[] point, int index, double step)
    {
        var tableau = new double[Steps, Steps];
        var shifted = (double[])point.Clone();
        var best = double.NaN;
        var error = double.PositiveInfinity;
        for (var i = 0; i < Steps; i++, step /= Shrink)
        {
            tableau[0, i] = Central(f, shifted, point[index], index, step);
            if (!double.IsFinite(tableau[0, i]))
            {
                return (double.NaN, double.PositiveInfinity);
            }

            var factor = Shrink * Shrink;
            for (var j = 1; j <= i; j++, factor *= Shrink * Shrink)
            {
                tableau[j, i] = (tableau[j - 1, i] * factor - tableau[j - 1, i - 1]) / (factor - 1.0);
                var disagreement = Math.Max(Math.Abs(tableau[j, i] - tableau[j - 1, i]), Math.Abs(tableau[j, i] - tableau[j - 1, i - 1]));
                if (disagreement <= error)
                {
                    error = disagreement;
                    best = tableau[j, i];
                }
            }

            // Higher order got worse by a significant factor: rounding has taken over.
            if (i > 0 && Math.Abs(tableau[i, i] - tableau[i - 1, i - 1]) >= Safe * error)
            {
                break;
            }
        }

        return (best, error);
    }

    private static double Central(Func<double[], double> f, double[] shifted, double x, int index, double step)
    {
        shifted[index] = x + step;
        var forward = f(shifted);
        shifted[index] = x - step;
        var backward = f(shifted);
        shifted[index] = x;

        // Divide by the step actually taken (x ± h is rounded), not by the nominal 2h.
        return (forward - backward) / ((x + step) - (x - step));
    }
}
