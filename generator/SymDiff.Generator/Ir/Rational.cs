using System.Numerics;

namespace SymDiff.Generator.Ir;

/// <summary>An exact fraction in lowest terms, its denominator positive: the coefficients of an <see cref="IntPolynomial"/>.</summary>
internal readonly struct Rational : IEquatable<Rational>
{
    public Rational(BigInteger numerator)
        : this(numerator, BigInteger.One)
    {
    }

    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException();
        }

        var divisor = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (denominator.Sign < 0)
        {
            divisor = -divisor;
        }

        Numerator = numerator / divisor;
        DenominatorOrZero = denominator / divisor - BigInteger.One;
    }

    public static Rational Zero => new(BigInteger.Zero);

    public static Rational One => new(BigInteger.One);

    public BigInteger Numerator { get; }

    /// <summary>The denominator, at least 1.</summary>
    public BigInteger Denominator => DenominatorOrZero + BigInteger.One;

    // Stored minus one, so that default(Rational) is 0/1.
    private BigInteger DenominatorOrZero { get; }

    public bool IsZero => Numerator.IsZero;

    public bool IsInteger => Denominator.IsOne;

    public Rational Reciprocal => new(Denominator, Numerator);

    public static Rational operator +(Rational a, Rational b) => new((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Rational operator *(Rational a, Rational b) => new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Rational operator -(Rational a) => new(-a.Numerator, a.Denominator);

    public bool Equals(Rational other) => Numerator == other.Numerator && Denominator == other.Denominator;

    public override bool Equals(object? obj) => obj is Rational other && Equals(other);

    public override int GetHashCode() => (Numerator.GetHashCode() * 397) ^ Denominator.GetHashCode();
}
