namespace SymDiff.Generator.Differentiation;

/// <summary>The derivative rules of <see cref="GraphAlgebra"/>: products with adjoints and sums of them, with symbolic zeros and branch-aware scaling.</summary>
internal sealed partial class GraphAlgebra
{
    /// <summary>
    /// <paramref name="adjoint"/> × <paramref name="partial"/> in derivative code. Zero is symbolic
    /// (a zero factor drops the term, whatever the other factor is), and a factor that is a
    /// conditional is pushed into its branches, so the product is only evaluated on the taken branch.
    /// </summary>
    public int Scale(int adjoint, int partial)
    {
        if (IsZero(adjoint) || IsZero(partial))
        {
            return Zero;
        }

        // The adjoint's branch goes outside: the partial is then only evaluated where the branch is taken.
        var g = Node(adjoint);
        if (g.Operation == Operation.Select && CanBeZero(adjoint))
        {
            return Select(g.Operand0, Scale(g.Operand1, partial), Scale(g.Operand2, partial));
        }

        // A sum or product holding such a branch is scaled part by part, so each branch keeps the partial inside.
        if (g.Operation is Operation.Add or Operation.Subtract && (CanBeZero(g.Operand0) || CanBeZero(g.Operand1)))
        {
            var left = Scale(g.Operand0, partial);
            var right = Scale(g.Operand1, partial);
            return g.Operation == Operation.Add ? Accumulate(left, right) : Subtract(left, right);
        }

        if (g.Operation == Operation.Multiply && CanBeZero(g.Operand0))
        {
            return Scale(g.Operand0, Scale(g.Operand1, partial));
        }

        if (g.Operation == Operation.Multiply && CanBeZero(g.Operand1))
        {
            return Scale(g.Operand1, Scale(g.Operand0, partial));
        }

        var p = Node(partial);
        if (p.Operation == Operation.Select)
        {
            return Select(p.Operand0, Scale(adjoint, p.Operand1), Scale(adjoint, p.Operand2));
        }

        if (p.Operation == Operation.Negate)
        {
            return Negate(Scale(adjoint, p.Operand0));
        }

        if (g.Operation == Operation.Negate)
        {
            return Negate(Scale(g.Operand0, partial));
        }

        // A strong zero: an adjoint that is zero at run time keeps a partial that is infinite or NaN there (a value
        // the source never computed on its path, or one it never reads again) out of the derivative.
        if (MayVanish(adjoint) && MayBeNonFinite(partial))
        {
            // Inside the guard the adjoint is not zero: a product of it does not vanish by control flow again.
            var guarded = Product(adjoint, partial);
            _guardedProducts.Add(guarded);
            return Select(Compare(Operation.NotEqual, adjoint, Zero), guarded, Zero);
        }

        return Product(adjoint, partial);
    }

    /// <summary><paramref name="adjoint"/> × <paramref name="partial"/>, neither a conditional to push out, folded where exact.</summary>
    private int Product(int adjoint, int partial)
    {
        var g = Node(adjoint);
        var p = Node(partial);
        if (p.Operation == Operation.Divide && IsOne(p.Operand0))
        {
            return Divide(adjoint, p.Operand1);
        }

        if (g.Operation == Operation.Divide && IsOne(g.Operand0))
        {
            return Divide(partial, g.Operand1);
        }

        // c1 · (c2 · x) → (c1·c2) · x
        if (IsConstant(adjoint, out var c1) && p.Operation == Operation.Multiply && IsConstant(p.Operand0, out var c2))
        {
            return Multiply(Constant(c1 * c2), p.Operand1);
        }

        if (IsConstant(partial, out c2) && g.Operation == Operation.Multiply && IsConstant(g.Operand0, out c1))
        {
            return Multiply(Constant(c1 * c2), g.Operand1);
        }

        // (c·u) · (±2^k·v) → (±2^k·c)·u · v, and the mirror image: c stays with u, so the result
        // is the same bit pattern unless an intermediate over- or underflows.
        if (TryFoldPowerOfTwo(adjoint, partial, out var folded) || TryFoldPowerOfTwo(partial, adjoint, out folded))
        {
            return folded;
        }

        return Multiply(adjoint, partial);
    }

    /// <summary>
    /// <c>(c·u)·(±2^k·v)</c> as <c>((±2^k·c)·u)·v</c>. Scaling by a power of two is exact, so
    /// <c>2^k·v</c> and <c>2^k·c</c> round nothing, and <c>round(round(c·u)·2^k·v)</c> equals
    /// <c>round(round(2^k·c·u)·v)</c> unless a product leaves the normal range (overflow to ±∞, or
    /// underflow into subnormals, where a bit can be lost).
    /// </summary>
    private bool TryFoldPowerOfTwo(int scaled, int doubled, out int folded)
    {
        folded = -1;
        var s = Node(scaled);
        var d = Node(doubled);
        if (s.Operation != Operation.Multiply || d.Operation != Operation.Multiply
            || !IsConstant(s.Operand0, out var c) || !IsConstant(d.Operand0, out var power)
            || !IsPowerOfTwo(power))
        {
            return false;
        }

        var coefficient = c * power;
        if (!IsNormal(c) || !IsNormal(coefficient))
        {
            return false;
        }

        folded = Multiply(Multiply(Constant(coefficient), s.Operand1), d.Operand1);
        return true;
    }

    /// <summary>±2^k for a normal double: a zero mantissa, and an exponent neither 0 nor all ones.</summary>
    private static bool IsPowerOfTwo(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        return IsNormal(value) && (bits & 0xFFFFFFFFFFFFFL) == 0;
    }

    private static bool IsNormal(double value)
    {
        var exponent = (BitConverter.DoubleToInt64Bits(value) >> 52) & 0x7FF;
        return exponent != 0 && exponent != 0x7FF;
    }

    /// <summary>Whether a conditional adjoint is zero on some path (then a product must not be formed outside it: 0·∞ = NaN).</summary>
    private bool CanBeZero(int id)
    {
        // Nodes never change, so the answer is kept: on a DAG of nested conditionals the recursion would revisit
        // shared subgraphs exponentially often.
        if (_canBeZero.TryGetValue(id, out var known))
        {
            return known;
        }

        var node = Node(id);
        var result = IsZero(id)
            || node.Operation == Operation.Select && (CanBeZero(node.Operand1) || CanBeZero(node.Operand2))
            || node.Operation is Operation.Add or Operation.Subtract or Operation.Multiply && (CanBeZero(node.Operand0) || CanBeZero(node.Operand1))
            || node.Operation == Operation.Negate && CanBeZero(node.Operand0);
        _canBeZero[id] = result;
        return result;
    }

    private readonly System.Collections.Generic.Dictionary<int, bool> _canBeZero = new();

    /// <summary>
    /// <paramref name="sum"/> + <paramref name="term"/> in derivative code: a zero term is dropped, and
    /// two conditionals on the same condition merge into one.
    /// </summary>
    public int Accumulate(int sum, int term)
    {
        if (IsZero(sum))
        {
            return term;
        }

        if (IsZero(term))
        {
            return sum;
        }

        var s = Node(sum);
        var t = Node(term);
        if (s.Operation == Operation.Select && t.Operation == Operation.Select && s.Operand0 == t.Operand0)
        {
            return Select(s.Operand0, Accumulate(s.Operand1, t.Operand1), Accumulate(s.Operand2, t.Operand2));
        }

        // c1·x + ... + c2·x → (c1 + c2)·x + ...: like terms are collected across the whole sum.
        var terms = new List<int>();
        FlattenSum(sum, terms);
        if (CoefficientOf(term, out var c2, out var y))
        {
            for (var i = 0; i < terms.Count; i++)
            {
                if (CoefficientOf(terms[i], out var c1, out var x) && x == y)
                {
                    var coefficient = c1 + c2;
                    terms[i] = coefficient == 1.0 ? x : coefficient == -1.0 ? Negate(x) : Multiply(Constant(coefficient), x);
                    var rebuilt = terms[0];
                    for (var k = 1; k < terms.Count; k++)
                    {
                        rebuilt = AddTerm(rebuilt, terms[k]);
                    }

                    return rebuilt;
                }
            }
        }

        // k₁·(u·v) + k₂·(u·v), with k₁, k₂ powers of two wherever they sit (u·(½·v), (u·v)·½, −(2·u)·v): the product
        // rule's two terms of ½·v·v. Each is exactly kᵢ·round(u·v), so their sum is exactly (k₁ + k₂)·round(u·v).
        if (ScaledProduct(term, 0, out var k2, out var u2, out var v2))
        {
            for (var i = 0; i < terms.Count; i++)
            {
                if (ScaledProduct(terms[i], 0, out var k1, out var u1, out var v1)
                    && ((u1 == u2 && v1 == v2) || (u1 == v2 && v1 == u2))
                    && (k1 + k2) is var k && k != 0.0 && IsNormal(k))
                {
                    var product = Multiply(u1, v1);
                    terms[i] = k == 1.0 ? product : k == -1.0 ? Negate(product) : Multiply(Constant(k), product);
                    var rebuilt = terms[0];
                    for (var j = 1; j < terms.Count; j++)
                    {
                        rebuilt = AddTerm(rebuilt, terms[j]);
                    }

                    return rebuilt;
                }
            }
        }

        return AddTerm(sum, term);
    }

    /// <summary>
    /// Whether <paramref name="id"/> is <c>k·(u·v)</c> up to where its power-of-two factors sit (<c>u·(k·v)</c>,
    /// <c>(u·v)·k</c>, <c>−(u·v)</c>), with u and v not constant: then it equals <c>k·round(u·v)</c> exactly, unless a
    /// product leaves the normal range (as in <see cref="TryFoldPowerOfTwo"/>).
    /// </summary>
    private bool ScaledProduct(int id, int depth, out double scale, out int left, out int right)
    {
        scale = 1.0;
        left = right = -1;
        var node = Node(id);
        if (depth > 3 || node.Operation is not (Operation.Multiply or Operation.Negate))
        {
            return false;
        }

        if (node.Operation == Operation.Negate)
        {
            var negated = ScaledProduct(node.Operand0, depth + 1, out scale, out left, out right);
            scale = -scale;
            return negated;
        }

        foreach (var (factor, other) in new[] { (node.Operand0, node.Operand1), (node.Operand1, node.Operand0) })
        {
            if (IsConstant(factor, out var power) && IsPowerOfTwo(power) && ScaledProduct(other, depth + 1, out scale, out left, out right))
            {
                scale *= power;
                return IsNormal(scale);
            }
        }

        if (IsConstant(node.Operand0, out _) || IsConstant(node.Operand1, out _))
        {
            return false;
        }

        scale = PowerOfTwoFactor(node.Operand0, out left) * PowerOfTwoFactor(node.Operand1, out right);
        return IsNormal(scale);
    }

    /// <summary>k when <paramref name="id"/> is k·u with k a power of two (<paramref name="rest"/> = u); else 1 (u = the node).</summary>
    private double PowerOfTwoFactor(int id, out int rest)
    {
        var node = Node(id);
        if (node.Operation == Operation.Multiply && IsConstant(node.Operand0, out var power) && IsPowerOfTwo(power) && !IsConstant(node.Operand1, out _))
        {
            rest = node.Operand1;
            return power;
        }

        rest = id;
        return 1.0;
    }

    private int AddTerm(int sum, int term)
    {
        var result = Add(sum, term);
        _sums.Add(result);
        return result;
    }

    /// <summary>The terms of a sum built by <see cref="Accumulate"/>; a sum written in the source stays one term.</summary>
    private void FlattenSum(int id, List<int> terms)
    {
        var node = Node(id);
        if (node.Operation == Operation.Add && _sums.Contains(id))
        {
            FlattenSum(node.Operand0, terms);
            FlattenSum(node.Operand1, terms);
        }
        else
        {
            terms.Add(id);
        }
    }

    private bool CoefficientOf(int id, out double coefficient, out int rest)
    {
        var node = Node(id);
        if (node.Operation == Operation.Multiply && IsConstant(node.Operand0, out coefficient))
        {
            rest = node.Operand1;
            return true;
        }

        if (node.Operation == Operation.Negate && CoefficientOf(node.Operand0, out coefficient, out rest))
        {
            coefficient = -coefficient;
            return true;
        }

        coefficient = 1.0;
        rest = id;
        return !node.IsConstant;
    }
}
