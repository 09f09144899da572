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
internal sealed partial class GraphAlgebra
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
}
