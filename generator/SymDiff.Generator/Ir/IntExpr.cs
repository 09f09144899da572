namespace SymDiff.Generator.Ir;

/// <summary>
/// An <c>int</c> expression of the integer IR: every index, loop bound and <c>int</c> value a method reads.
/// Immutable and compared by structure, with its hash computed once, so expressions serve as keys (an element
/// is a vector and one of these) and models holding them stay value-equatable.
/// </summary>
/// <remarks>
/// The parser builds it as the source wrote it (its parentheses are <see cref="IntOp.Group"/> nodes), so printing
/// gives the source's text back; <see cref="IntPolynomial"/> gives the normal form analyses compare.
/// </remarks>
internal sealed class IntExpr : IEquatable<IntExpr>
{
    public static readonly IntExpr Zero = Constant(0);

    public static readonly IntExpr One = Constant(1);

    private readonly int _hash;

    private string? _text;

    private IntExpr(IntOp op, int value, string name, IntExpr? left, IntExpr? right)
    {
        Op = op;
        Value = value;
        Name = name;
        Left = left;
        Right = right;
        _hash = Hash(op, value, name, left, right);
    }

    public IntOp Op { get; }

    /// <summary>A constant's value.</summary>
    public int Value { get; }

    /// <summary>A name's text as written (with any <c>@</c>), or the vector of a <see cref="IntOp.Length"/>.</summary>
    public string Name { get; }

    /// <summary>The operand of a unary node, or the left one of a binary node.</summary>
    public IntExpr? Left { get; }

    public IntExpr? Right { get; }

    public bool IsConstant => Op == IntOp.Constant;

    /// <summary>Whether this is the literal 0 (a loop's usual start).</summary>
    public bool IsZero => Op == IntOp.Constant && Value == 0;

    public static IntExpr Constant(int value) => new(IntOp.Constant, value, "", null, null);

    public static IntExpr Named(string name) => new(IntOp.Name, 0, name, null, null);

    public static IntExpr LengthOf(string vector) => new(IntOp.Length, 0, vector, null, null);

    public static IntExpr Grouped(IntExpr operand) => new(IntOp.Group, 0, "", operand, null);

    public static IntExpr UncheckedOf(IntExpr operand) => new(IntOp.Unchecked, 0, "", operand, null);

    public static IntExpr Negated(IntExpr operand) => new(IntOp.Negate, 0, "", operand, null);

    public static IntExpr MaxOf(IntExpr left, IntExpr right) => new(IntOp.Max, 0, "", left, right);

    public static IntExpr Widened(IntExpr operand) => new(IntOp.Widen, 0, "", operand, null);

    public static IntExpr Narrowed(IntExpr operand) => new(IntOp.Narrow, 0, "", operand, null);

    public static IntExpr Binary(IntOp op, IntExpr left, IntExpr right)
        => op is IntOp.Add or IntOp.Subtract or IntOp.Multiply or IntOp.Divide or IntOp.Remainder
            ? new IntExpr(op, 0, "", left, right)
            : throw new ArgumentOutOfRangeException(nameof(op), op, "not a binary operation");

    public static bool operator ==(IntExpr? left, IntExpr? right) => Equals(left, right);

    public static bool operator !=(IntExpr? left, IntExpr? right) => !Equals(left, right);

    public static IntExpr operator +(IntExpr left, IntExpr right) => Binary(IntOp.Add, left, right);

    public static IntExpr operator -(IntExpr left, IntExpr right) => Binary(IntOp.Subtract, left, right);

    public static IntExpr operator *(IntExpr left, IntExpr right) => Binary(IntOp.Multiply, left, right);

    public static IntExpr operator /(IntExpr left, IntExpr right) => Binary(IntOp.Divide, left, right);

    public static IntExpr operator %(IntExpr left, IntExpr right) => Binary(IntOp.Remainder, left, right);

    public static IntExpr operator +(IntExpr left, int right) => left + Constant(right);

    /// <summary>
    /// <paramref name="left"/> + <paramref name="right"/>, with <paramref name="right"/>'s own sums and differences
    /// continuing <paramref name="left"/>'s (<c>a + b - c</c>, not <c>a + (b - c)</c>): the same value in <c>int</c>'s
    /// wrapping arithmetic, written as generated code chains its terms.
    /// </summary>
    public static IntExpr Sum(IntExpr left, IntExpr right)
        => right.Op switch
        {
            IntOp.Add => Sum(left, right.Left!) + right.Right!,
            IntOp.Subtract => Sum(left, right.Left!) - right.Right!,
            _ => left + right,
        };

    public static IntExpr operator -(IntExpr left, int right) => left - Constant(right);

    /// <summary>This expression and every one inside it, operands first.</summary>
    public IEnumerable<IntExpr> DescendantsAndSelf()
    {
        if (Left is not null)
        {
            foreach (var e in Left.DescendantsAndSelf())
            {
                yield return e;
            }
        }

        if (Right is not null)
        {
            foreach (var e in Right.DescendantsAndSelf())
            {
                yield return e;
            }
        }

        yield return this;
    }

    /// <summary>Whether the expression reads the name <paramref name="name"/> (a vector's <c>Length</c> does not count).</summary>
    public bool Reads(string name)
        => Op == IntOp.Name ? SameName(Name, name) : (Left?.Reads(name) ?? false) || (Right?.Reads(name) ?? false);

    /// <summary>Whether every name the expression reads is one of <paramref name="names"/> (given without <c>@</c>).</summary>
    public bool ReadsOnly(ICollection<string> names) => Names().All(names.Contains);

    /// <summary>Whether the expression reads no name and no length: C# would fold it were it written as one constant expression.</summary>
    public bool IsConstantOnly => Op switch
    {
        IntOp.Constant => true,
        IntOp.Name or IntOp.Length => false,
        _ => Left!.IsConstantOnly && (Right?.IsConstantOnly ?? true),
    };

    /// <summary>The expression without the parentheses and <c>unchecked</c> around it.</summary>
    public IntExpr Unwrapped => Op is IntOp.Group or IntOp.Unchecked ? Left!.Unwrapped : this;

    /// <summary>This expression with every read of <paramref name="name"/> replaced by <paramref name="value"/>.</summary>
    public IntExpr Substitute(string name, IntExpr value)
        => Rewrite(e => e.Op == IntOp.Name && SameName(e.Name, name) ? value : null);

    /// <summary>
    /// This expression with each largest part <paramref name="replacement"/> gives a replacement for (tried from the root
    /// down) replaced; this same instance when it gives none.
    /// </summary>
    public IntExpr Rewrite(Func<IntExpr, IntExpr?> replacement)
    {
        if (replacement(this) is { } replaced)
        {
            return replaced;
        }

        var left = Left?.Rewrite(replacement);
        var right = Right?.Rewrite(replacement);
        return ReferenceEquals(left, Left) && ReferenceEquals(right, Right) ? this : new IntExpr(Op, Value, Name, left, right);
    }

    /// <summary>The C# text: the source's own, for an expression the parser built.</summary>
    public override string ToString() => _text ??= IntExprText.Write(this);

    /// <summary>Whether this is a name or a vector's length: nothing to compute ahead.</summary>
    public bool IsPlain => Op is IntOp.Name or IntOp.Length;

    /// <summary>The names the expression reads, without <c>@</c> (not the vectors of lengths).</summary>
    public IEnumerable<string> Names()
    {
        foreach (var e in DescendantsAndSelf())
        {
            if (e.Op == IntOp.Name)
            {
                yield return e.Name.TrimStart('@');
            }
        }
    }

    /// <summary>
    /// Whether it computes without throwing, overflow aside: names, lengths, literals and ring operations, divided only
    /// by positive literals (a division by anything else may throw, and C# throws on <c>int.MinValue / -1</c> too).
    /// </summary>
    public bool CannotThrow => Op switch
    {
        IntOp.Constant or IntOp.Name or IntOp.Length => true,
        IntOp.Group or IntOp.Negate => Left!.CannotThrow,
        IntOp.Add or IntOp.Subtract or IntOp.Multiply => Left!.CannotThrow && Right!.CannotThrow,
        IntOp.Divide or IntOp.Remainder => Left!.CannotThrow && !MayThrow,
        _ => false,
    };

    /// <summary>Whether this expression or one inside it divides (<c>/</c>, <c>%</c>) by anything but a positive literal: the divisions that may throw.</summary>
    public bool Divides => DescendantsAndSelf().Any(e => e.MayThrow);

    /// <summary>A division or remainder whose divisor is not a positive literal.</summary>
    private bool MayThrow => Op is IntOp.Divide or IntOp.Remainder && !(WithoutGroups(Right!) is { Op: IntOp.Constant, Value: > 0 });

    private static IntExpr WithoutGroups(IntExpr e) => e.Op == IntOp.Group ? WithoutGroups(e.Left!) : e;

    public bool Equals(IntExpr? other)
        => ReferenceEquals(this, other)
            || (other is not null && _hash == other._hash && Op == other.Op && Value == other.Value && Name == other.Name
                && Equals(Left, other.Left) && Equals(Right, other.Right));

    public override bool Equals(object? obj) => Equals(obj as IntExpr);

    public override int GetHashCode() => _hash;

    /// <summary>Whether two names are the same C# identifier (<c>@i</c> is <c>i</c>).</summary>
    public static bool SameName(string a, string b) => string.Equals(a.TrimStart('@'), b.TrimStart('@'), StringComparison.Ordinal);

    private static bool Equals(IntExpr? a, IntExpr? b) => a is null ? b is null : a.Equals(b);

    private static int Hash(IntOp op, int value, string name, IntExpr? left, IntExpr? right)
    {
        unchecked
        {
            var hash = ((int)op * 397) ^ value;
            hash = (hash * 397) ^ StringComparer.Ordinal.GetHashCode(name);
            hash = (hash * 397) ^ (left?._hash ?? 0);
            return (hash * 397) ^ (right?._hash ?? 0);
        }
    }
}
