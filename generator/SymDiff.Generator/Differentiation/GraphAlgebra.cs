using System;
using System.Collections.Generic;
using SymDiff.Generator.Model;

namespace SymDiff.Generator.Differentiation;

/// <summary>
/// Smart constructors over an <see cref="ExprGraph"/>: every node is made here, and every
/// simplification rule lives here.
/// </summary>
/// <remarks>
/// Two rule sets, kept apart on purpose:
/// <list type="bullet">
/// <item><b>Value rules</b> (<see cref="Add"/>, <see cref="Multiply"/>, ...) keep IEEE-754 results
/// bit for bit, the sign of a zero included: constants are folded only by exactly rounded operations
/// (+ − × ÷, sqrt, floor, ...; never sin or log, whose last bit varies by platform); <c>x·1</c>,
/// <c>x/1</c>, <c>x−(+0)</c>, <c>x+(−0)</c>, <c>−(−x)</c> are dropped; <c>x+0</c>, <c>0−x</c> and
/// <c>−(a−b)</c> are kept (folded, they would turn a +0 into −0 or back, which Atan2 sees);
/// <c>x·0</c> is <b>not</b> folded, since NaN·0 and ∞·0 are NaN.</item>
/// <item><b>Derivative rules</b> (<see cref="Scale"/>, <see cref="Accumulate"/>) combine adjoints.
/// There a zero is symbolic: a path whose derivative is zero contributes nothing, so an
/// untaken branch or a dead value can never inject 0·∞ = NaN into a gradient.</item>
/// </list>
/// </remarks>
internal sealed class GraphAlgebra
{
    /// <summary>Integer powers up to this size are expanded into multiplications.</summary>
    private const int MaxExpandedPower = 16;

    private readonly HashSet<int> _sums = new();

    public GraphAlgebra(ExprGraph graph)
    {
        Graph = graph;
        Zero = Constant(0.0);
        One = Constant(1.0);
    }

    public ExprGraph Graph { get; }

    public int Zero { get; }

    public int One { get; }

    public int Constant(double value) => Graph.Intern(GraphNode.FromConstant(value));

    public int Parameter(int index) => Graph.Intern(GraphNode.FromParameter(index));

    public bool IsZero(int id) => Graph.IsConstant(id, out var value) && value == 0.0;

    public bool IsOne(int id) => Graph.IsConstant(id, 1.0);

    private GraphNode Node(int id) => Graph[id];

    private bool IsConstant(int id, out double value) => Graph.IsConstant(id, out value);

    /// <summary>Applies <paramref name="operation"/> to operands, choosing the right constructor.</summary>
    public int Apply(Operation operation, int a = -1, int b = -1, int c = -1) => operation switch
    {
        Operation.Add => Add(a, b),
        Operation.Subtract => Subtract(a, b),
        Operation.Multiply => Multiply(a, b),
        Operation.Divide => Divide(a, b),
        Operation.Negate => Negate(a),
        Operation.Pow => Pow(a, b),
        Operation.Select => Select(a, b, c),
        Operation.Not => Not(a),
        Operation.True or Operation.False => Boolean(operation == Operation.True),
        Operation.And or Operation.Or => Logical(operation, a, b),
        Operation.Less or Operation.LessOrEqual or Operation.Greater or Operation.GreaterOrEqual
            or Operation.Equal or Operation.NotEqual => Compare(operation, a, b),
        _ => Function(operation, a, b),
    };

    // ---- Value rules -------------------------------------------------------------------------

    public int Add(int a, int b)
    {
        if (IsConstant(a, out var x) && IsConstant(b, out var y))
        {
            return Constant(x + y);
        }

        // −0 + b is b bit for bit; +0 + b is not (+0 + −0 = +0).
        if (IsNegativeZero(a))
        {
            return b;
        }

        if (IsNegativeZero(b))
        {
            return a;
        }

        if (Graph.Is(b, Operation.Negate))
        {
            return Subtract(a, Node(b).Operand0);
        }

        if (Graph.Is(a, Operation.Negate))
        {
            return Subtract(b, Node(a).Operand0);
        }

        if (a == b)
        {
            return Multiply(Constant(2.0), a);
        }

        // a + (-c)·b → a - c·b: exact, since (-c)·b is -(c·b) bit for bit.
        if (Node(b) is { Operation: Operation.Multiply } product && IsConstant(product.Operand0, out var c) && c < 0)
        {
            return Subtract(a, Multiply(Constant(-c), product.Operand1));
        }

        return Commutative(Operation.Add, a, b);
    }

    public int Subtract(int a, int b)
    {
        if (IsConstant(a, out var x) && IsConstant(b, out var y))
        {
            return Constant(x - y);
        }

        // a − (+0) is a, and −0 − b is −b, bit for bit; a − (−0) and +0 − b are not (at a zero).
        if (IsZero(b) && !IsNegativeZero(b))
        {
            return a;
        }

        if (IsNegativeZero(a))
        {
            return Negate(b);
        }

        if (Graph.Is(b, Operation.Negate))
        {
            return Add(a, Node(b).Operand0);
        }

        return Graph.Intern(new GraphNode(Operation.Subtract, a, b));
    }

    public int Multiply(int a, int b)
    {
        if (IsConstant(a, out var x) && IsConstant(b, out var y))
        {
            return Constant(x * y);
        }

        if (IsOne(a))
        {
            return b;
        }

        if (IsOne(b))
        {
            return a;
        }

        if (Graph.IsConstant(a, -1.0))
        {
            return Negate(b);
        }

        if (Graph.IsConstant(b, -1.0))
        {
            return Negate(a);
        }

        // a·a → a², a^n·a → a^(n+1): the power is emitted as the same left-to-right product.
        if (a == b && !Node(a).IsConstant)
        {
            return Pow(a, Constant(2.0));
        }

        foreach (var (power, factor) in new[] { (a, b), (b, a) })
        {
            if (IsIntegerPower(power, out var @base, out var n) && @base == factor && n > 0 && n < MaxExpandedPower)
            {
                return Pow(factor, Constant(n + 1));
            }
        }

        var negateA = Graph.Is(a, Operation.Negate);
        var negateB = Graph.Is(b, Operation.Negate);
        if (negateA || negateB)
        {
            var product = Multiply(negateA ? Node(a).Operand0 : a, negateB ? Node(b).Operand0 : b);
            return negateA && negateB ? product : Negate(product);
        }

        return Commutative(Operation.Multiply, a, b);
    }

    public int Divide(int a, int b)
    {
        if (IsConstant(a, out var x) && IsConstant(b, out var y))
        {
            return Constant(x / y);
        }

        if (IsOne(b))
        {
            return a;
        }

        if (Graph.IsConstant(b, -1.0))
        {
            return Negate(a);
        }

        var negateA = Graph.Is(a, Operation.Negate);
        var negateB = Graph.Is(b, Operation.Negate);
        if (negateA || negateB)
        {
            var quotient = Divide(negateA ? Node(a).Operand0 : a, negateB ? Node(b).Operand0 : b);
            return negateA && negateB ? quotient : Negate(quotient);
        }

        return Graph.Intern(new GraphNode(Operation.Divide, a, b));
    }

    public int Negate(int a)
    {
        if (IsConstant(a, out var x))
        {
            return Constant(-x);
        }

        var node = Node(a);
        if (node.Operation == Operation.Negate)
        {
            return node.Operand0;
        }

        return Graph.Intern(new GraphNode(Operation.Negate, a));
    }

    private bool IsNegativeZero(int id) => IsConstant(id, out var value) && value == 0.0 && BitConverter.DoubleToInt64Bits(value) < 0;

    /// <summary>
    /// <c>Math.Pow</c>. A constant integer exponent up to 16 stays a <c>Pow</c> node (so its derivative
    /// reads <c>3·x²</c>) but is emitted as multiplications: no <c>Pow</c> call, no logarithm.
    /// </summary>
    public int Pow(int a, int b)
    {
        if (IsConstant(b, out var exponent) && IsSmallInteger(exponent))
        {
            if (exponent == 0)
            {
                return One;
            }

            if (exponent == 1)
            {
                return a;
            }

            if (IsConstant(a, out var x))
            {
                var power = 1.0;
                for (var i = 0; i < Math.Abs(exponent); i++)
                {
                    power *= x;
                }

                return Constant(exponent < 0 ? 1.0 / power : power);
            }
        }

        return Graph.Intern(new GraphNode(Operation.Pow, a, b));
    }

    /// <summary>An exponent emitted as repeated multiplication.</summary>
    public static bool IsSmallInteger(double exponent)
        => exponent == Math.Floor(exponent) && Math.Abs(exponent) <= MaxExpandedPower;

    /// <summary>The integer exponent when <paramref name="id"/> is <c>a^n</c> emitted as multiplications.</summary>
    public bool IsIntegerPower(int id, out int @base, out int exponent)
    {
        var node = Node(id);
        @base = node.Operand0;
        exponent = 0;
        if (node.Operation != Operation.Pow || !IsConstant(node.Operand1, out var n) || !IsSmallInteger(n))
        {
            return false;
        }

        exponent = (int)n;
        return true;
    }

    public int Select(int condition, int whenTrue, int whenFalse)
    {
        if (Graph.Is(condition, Operation.True) || whenTrue == whenFalse)
        {
            return whenTrue;
        }

        if (Graph.Is(condition, Operation.False))
        {
            return whenFalse;
        }

        if (Graph.Is(condition, Operation.Not))
        {
            return Select(Node(condition).Operand0, whenFalse, whenTrue);
        }

        // c ? (c ? a : b) : d  →  c ? a : d, and the mirror image.
        if (Graph.Is(whenTrue, Operation.Select) && Node(whenTrue).Operand0 == condition)
        {
            return Select(condition, Node(whenTrue).Operand1, whenFalse);
        }

        if (Graph.Is(whenFalse, Operation.Select) && Node(whenFalse).Operand0 == condition)
        {
            return Select(condition, whenTrue, Node(whenFalse).Operand2);
        }

        return Graph.Intern(new GraphNode(Operation.Select, condition, whenTrue, whenFalse));
    }

    public int Compare(Operation operation, int a, int b)
    {
        // x < x and x > x are false for every x, NaN included.
        if (a == b && operation is Operation.Less or Operation.Greater)
        {
            return Boolean(false);
        }

        if (IsConstant(a, out var x) && IsConstant(b, out var y))
        {
            var result = operation switch
            {
                Operation.Less => x < y,
                Operation.LessOrEqual => x <= y,
                Operation.Greater => x > y,
                Operation.GreaterOrEqual => x >= y,
                Operation.Equal => x == y,
                _ => x != y,
            };
            return Boolean(result);
        }

        return Graph.Intern(new GraphNode(operation, a, b));
    }

    public int Not(int a)
    {
        var node = Node(a);
        return node.Operation switch
        {
            Operation.True => Boolean(false),
            Operation.False => Boolean(true),
            Operation.Not => node.Operand0,
            _ => Graph.Intern(new GraphNode(Operation.Not, a)),
        };
    }

    public int Logical(Operation operation, int a, int b)
    {
        var isAnd = operation == Operation.And;
        foreach (var (known, other) in new[] { (a, b), (b, a) })
        {
            if (Graph.Is(known, Operation.True))
            {
                return isAnd ? other : known;
            }

            if (Graph.Is(known, Operation.False))
            {
                return isAnd ? known : other;
            }
        }

        return a == b ? a : Graph.Intern(new GraphNode(operation, a, b));
    }

    public int Boolean(bool value) => Graph.Intern(new GraphNode(value ? Operation.True : Operation.False));

    /// <summary>A <c>Math</c> function; folded only where the result is exactly rounded everywhere.</summary>
    public int Function(Operation operation, int a, int b = -1)
    {
        if (operation == Operation.WithoutDerivative && (Node(a).IsConstant || Graph.Is(a, Operation.WithoutDerivative)))
        {
            return a;
        }

        if (IsConstant(a, out var x) && (b < 0 || IsConstant(b, out _)))
        {
            var y = b < 0 ? double.NaN : Node(b).Constant;
            double? folded = operation switch
            {
                Operation.Sqrt => Math.Sqrt(x),
                Operation.Abs => Math.Abs(x),
                Operation.Floor => Math.Floor(x),
                Operation.Ceiling => Math.Ceiling(x),
                Operation.Round => Math.Round(x),
                Operation.Sign or Operation.SignOf when !double.IsNaN(x) => Math.Sign(x),
                Operation.Max when !double.IsNaN(x) && !double.IsNaN(y) && x != y => Math.Max(x, y),
                Operation.Min when !double.IsNaN(x) && !double.IsNaN(y) && x != y => Math.Min(x, y),
                _ => null,
            };
            if (folded is double value)
            {
                return Constant(value);
            }
        }

        return Graph.Intern(new GraphNode(operation, a, b));
    }

    /// <summary>Keeps the written operand order (for readable output) but finds <c>b op a</c> if it exists.</summary>
    private int Commutative(Operation operation, int a, int b)
        => Graph.TryFind(new GraphNode(operation, b, a), out var swapped)
            ? swapped
            : Graph.Intern(new GraphNode(operation, a, b));

    // ---- Derivative rules ----------------------------------------------------------------------

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
