using System.Collections.Immutable;

namespace SymDiff.Generator.Ir;

/// <summary>A product of atoms of an <see cref="IntPolynomial"/>, each repeated by its power, in their text's ordinal order; empty for the constant term.</summary>
internal readonly struct Monomial : IEquatable<Monomial>
{
    private readonly ImmutableArray<IntExpr> _atoms;

    private Monomial(ImmutableArray<IntExpr> atoms) => _atoms = atoms;

    public static Monomial One => new(ImmutableArray<IntExpr>.Empty);

    public IReadOnlyList<IntExpr> Atoms => _atoms.IsDefault ? ImmutableArray<IntExpr>.Empty : _atoms;

    public int Degree => Atoms.Count;

    public static Monomial Of(IEnumerable<IntExpr> atoms)
        => new(atoms.OrderBy(a => a.ToString(), StringComparer.Ordinal).ToImmutableArray());

    public Monomial Times(Monomial other) => Of(Atoms.Concat(other.Atoms));

    /// <summary>The power of <paramref name="atom"/>.</summary>
    public int PowerOf(IntExpr atom) => Atoms.Count(a => a.Equals(atom));

    /// <summary>The atoms as C# reads them multiplied, joined by <c> * </c>: the order <see cref="IntPolynomial"/> writes terms in.</summary>
    public string Text => string.Join(" * ", Atoms);

    public bool Equals(Monomial other) => Atoms.SequenceEqual(other.Atoms);

    public override bool Equals(object? obj) => obj is Monomial other && Equals(other);

    public override int GetHashCode()
    {
        var hash = 17;
        foreach (var atom in Atoms)
        {
            hash = unchecked((hash * 31) + atom.GetHashCode());
        }

        return hash;
    }
}
