namespace SymDiff.Generator.Model;

/// <summary>
/// One node of an expression DAG: an operation and the ids of its operands (-1 where absent).
/// <see cref="Payload"/> holds a constant's bits (so -0.0 and 0.0 stay distinct), a parameter's index, or
/// an index into a side table (a call's callee). A call with more than three arguments keeps the rest in
/// <see cref="More"/>.
/// </summary>
internal readonly record struct GraphNode(Operation Operation, int Operand0 = -1, int Operand1 = -1, int Operand2 = -1, long Payload = 0, EquatableArray<int> More = default)
{
    public double Constant => System.BitConverter.Int64BitsToDouble(Payload);

    public int ParameterIndex => (int)Payload;

    public bool IsConstant => Operation == Operation.Constant;

    public int Arity => More.Count > 0 ? 3 + More.Count : Operand2 >= 0 ? 3 : Operand1 >= 0 ? 2 : Operand0 >= 0 ? 1 : 0;

    public int Operand(int index) => index switch
    {
        0 => Operand0,
        1 => Operand1,
        2 => Operand2,
        _ => index - 3 < More.Count ? More[index - 3] : -1,
    };

    /// <summary>A node applying <paramref name="operation"/> to any number of operands.</summary>
    public static GraphNode WithOperands(Operation operation, System.Collections.Generic.IReadOnlyList<int> operands, long payload)
        => new(
            operation,
            operands.Count > 0 ? operands[0] : -1,
            operands.Count > 1 ? operands[1] : -1,
            operands.Count > 2 ? operands[2] : -1,
            payload,
            operands.Count > 3 ? System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Skip(operands, 3)).ToEquatableArray() : default);

    /// <summary>The same node with every operand renumbered.</summary>
    public GraphNode Renumber(System.Func<int, int> map)
    {
        var operands = new int[Arity];
        for (var i = 0; i < operands.Length; i++)
        {
            operands[i] = map(Operand(i));
        }

        return WithOperands(Operation, operands, Payload);
    }

    public static GraphNode FromConstant(double value)
        => new(Operation.Constant, Payload: System.BitConverter.DoubleToInt64Bits(value));

    public static GraphNode FromParameter(int index) => new(Operation.Parameter, Payload: index);
}
