namespace SymDiff.Tests.Infrastructure;

/// <summary>The tolerances the suite states once and uses everywhere.</summary>
public static class Tolerance
{
    /// <summary>Generated vs central finite differences at a smooth point (see <see cref="FiniteDifference"/>).</summary>
    public const double FiniteDifferenceRelative = 1e-6;

    /// <summary>Absolute floor for partials near zero, where the relative bound is meaningless.</summary>
    public const double FiniteDifferenceAbsolute = 1e-7;

    /// <summary>Generated vs a hand-derived formula: both are closed forms, they differ only by rounding.</summary>
    public const double FormulaRelative = 1e-12;

    /// <summary>Absolute floor for formula comparisons near zero.</summary>
    public const double FormulaAbsolute = 1e-14;

    /// <summary>Returned value vs the original method (the generator may reassociate, e.g. Pow(x, 3) → x·x·x).</summary>
    public const double ValueRelative = 1e-14;
}
