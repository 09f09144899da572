namespace SymDiff.Generator.Ir;

/// <summary>The operations of an <see cref="IntExpr"/>: C#'s <c>int</c> arithmetic on the values a method can index with.</summary>
internal enum IntOp
{
    /// <summary>An <c>int</c> literal or a constant the compiler folded.</summary>
    Constant,

    /// <summary>A named <c>int</c>: a parameter, a loop variable, or a local of the generated code.</summary>
    Name,

    /// <summary><c>x.Length</c> of a vector: never negative.</summary>
    Length,

    /// <summary>Parentheses the source wrote (or an <c>int</c> local's initializer read in its place): the value of its operand.</summary>
    Group,

    /// <summary><c>unchecked(e)</c>: arithmetic on constants only, which C# would otherwise fold and reject on overflow.</summary>
    Unchecked,

    Negate,
    Add,
    Subtract,
    Multiply,

    /// <summary>C#'s <c>/</c>: truncates toward zero; throws on a zero divisor.</summary>
    Divide,

    /// <summary>C#'s <c>%</c>: takes the dividend's sign; throws on a zero divisor.</summary>
    Remainder,

    /// <summary><c>Math.Max(a, b)</c>: generated code's, for a count that must not be negative.</summary>
    Max,

    /// <summary><c>(long)e</c>: generated code computes an expanded polynomial's numerator in <c>long</c>.</summary>
    Widen,

    /// <summary><c>(int)e</c>: back from <c>long</c>, once divided.</summary>
    Narrow,
}
