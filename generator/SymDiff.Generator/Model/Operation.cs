namespace SymDiff.Generator.Model;

/// <summary>Every operation an expression node can apply. Its facts live in <see cref="OperationTable"/>.</summary>
internal enum Operation
{
    Constant,
    Parameter,

    Add,
    Subtract,
    Multiply,
    Divide,
    Negate,

    Sin,
    Cos,
    Tan,
    Asin,
    Acos,
    Atan,
    Atan2,
    Sinh,
    Cosh,
    Tanh,
    Exp,
    Log,
    LogBase,
    Log10,
    Log2,
    Sqrt,
    Cbrt,
    Pow,
    Abs,
    Max,
    Min,
    Sign,
    Floor,
    Ceiling,
    Round,

    /// <summary>sign(x) as a double, 0 at ±0 and NaN: the derivative of <see cref="Abs"/>.</summary>
    SignOf,

    /// <summary>cond ? a : b. Operands: condition, value when true, value when false.</summary>
    Select,

    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
    And,
    Or,
    Not,
    True,
    False,

    /// <summary>
    /// A call to another <c>[Differentiable]</c> method through its generated gradient: a statement
    /// node (operands: the arguments; payload: the callee in <c>Callees</c>) whose results are read by
    /// <see cref="Result"/> nodes.
    /// </summary>
    CallGradient,

    /// <summary>One result of a <see cref="CallGradient"/> (its operand): payload -1 the value, i ≥ 0 the partial by argument i.</summary>
    Result,

    /// <summary>An <c>int</c> value (loop index, size): payload indexes the graph's symbols (its C# text). Derivative 0.</summary>
    Integer,

    /// <summary>A vector element <c>x[i + 1]</c>: payload indexes the graph's symbols ("x" + separator + index text).</summary>
    Element,

    /// <summary>
    /// A <c>for</c> loop run forward: a statement node (operands: initial loop-carried values, then
    /// values the body reads from outside; payload: the loop in the graph's loops) whose final
    /// loop-carried values are <see cref="LoopResult"/> nodes.
    /// </summary>
    Loop,

    /// <summary>
    /// The same loop run backward: operands are the forward <see cref="Loop"/> node and the adjoint of
    /// each final loop-carried value; its <see cref="LoopResult"/> nodes are the adjoints of the forward
    /// loop's operands. It also adds into the gradient buffers of the vectors the body reads.
    /// </summary>
    LoopAdjoint,

    /// <summary>Result number payload of a <see cref="Loop"/> or <see cref="LoopAdjoint"/> (its operand).</summary>
    LoopResult,

    /// <summary>
    /// <c>y[i] = value</c>, a write to an output vector: a statement node (operand: the value; payload: the
    /// element's symbol, as <see cref="Element"/>'s) kept among its graph's effects.
    /// </summary>
    Store,

    /// <summary>Its operand's value, with every derivative zero (<c>Derivatives.WithoutDerivative</c>).</summary>
    WithoutDerivative,
}
