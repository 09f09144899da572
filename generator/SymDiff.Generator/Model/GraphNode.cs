namespace SymDiff.Generator.Model;

/// <summary>
/// One node of an expression DAG: an operation and the ids of its operands (-1 where absent).
/// <see cref="Payload"/> holds a constant's bits (so -0.0 and 0.0 stay distinct) or a parameter's index.
/// </summary>
internal readonly record struct GraphNode(Operation Operation, int Operand0 = -1, int Operand1 = -1, int Operand2 = -1, long Payload = 0)
{
    public double Constant => System.BitConverter.Int64BitsToDouble(Payload);

    public int ParameterIndex => (int)Payload;

    public bool IsConstant => Operation == Operation.Constant;

    public int Arity => Operand2 >= 0 ? 3 : Operand1 >= 0 ? 2 : Operand0 >= 0 ? 1 : 0;

    public int Operand(int index) => index switch
    {
        0 => Operand0,
        1 => Operand1,
        2 => Operand2,
        _ => -1,
    };

    public static GraphNode FromConstant(double value)
        => new(Operation.Constant, Payload: System.BitConverter.DoubleToInt64Bits(value));

    public static GraphNode FromParameter(int index) => new(Operation.Parameter, Payload: index);
}
