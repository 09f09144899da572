namespace SymDiff.Generator.Model;

/// <summary>
/// One row per operation: its arity, the <c>System.Math</c> name it is parsed from, and how it is
/// written in C# and in formulas. Operators (+, -, *, /, comparisons), Sign (NaN-safe form) and
/// integer powers are written by the writers themselves; the templates here are used for calls.
/// </summary>
internal static class OperationTable
{
    private static readonly OperationInfo[] Rows =
    {
        new(Operation.Constant, 0, null, "", ""),
        new(Operation.Parameter, 0, null, "", ""),
        new(Operation.Add, 2, null, "{0} + {1}", "{0} + {1}"),
        new(Operation.Subtract, 2, null, "{0} - {1}", "{0} - {1}"),
        new(Operation.Multiply, 2, null, "{0} * {1}", "{0}·{1}"),
        new(Operation.Divide, 2, null, "{0} / {1}", "{0} / {1}"),
        new(Operation.Negate, 1, null, "-{0}", "-{0}"),
        Call(Operation.Sin, 1, "Sin", "sin"),
        Call(Operation.Cos, 1, "Cos", "cos"),
        Call(Operation.Tan, 1, "Tan", "tan"),
        Call(Operation.Asin, 1, "Asin", "asin"),
        Call(Operation.Acos, 1, "Acos", "acos"),
        Call(Operation.Atan, 1, "Atan", "atan"),
        Call(Operation.Atan2, 2, "Atan2", "atan2"),
        Call(Operation.Sinh, 1, "Sinh", "sinh"),
        Call(Operation.Cosh, 1, "Cosh", "cosh"),
        Call(Operation.Tanh, 1, "Tanh", "tanh"),
        Call(Operation.Exp, 1, "Exp", "exp"),
        Call(Operation.Log, 1, "Log", "ln"),
        Call(Operation.LogBase, 2, "Log", "log"),
        Call(Operation.Log10, 1, "Log10", "log10"),
        Call(Operation.Log2, 1, "Log2", "log2"),
        Call(Operation.Sqrt, 1, "Sqrt", "sqrt"),
        Call(Operation.Cbrt, 1, "Cbrt", "cbrt"),
        Call(Operation.Pow, 2, "Pow", "pow"),
        Call(Operation.Abs, 1, "Abs", "abs"),
        Call(Operation.Max, 2, "Max", "max"),
        Call(Operation.Min, 2, "Min", "min"),
        Call(Operation.Sign, 1, "Sign", "sign"),
        Call(Operation.Floor, 1, "Floor", "floor"),
        Call(Operation.Ceiling, 1, "Ceiling", "ceiling"),
        Call(Operation.Round, 1, "Round", "round"),
        new(Operation.SignOf, 1, null, "", "sign({0})"),
        new(Operation.Select, 3, null, "{0} ? {1} : {2}", "{0} ? {1} : {2}"),
        new(Operation.Less, 2, null, "{0} < {1}", "{0} < {1}", IsBoolean: true),
        new(Operation.LessOrEqual, 2, null, "{0} <= {1}", "{0} ≤ {1}", IsBoolean: true),
        new(Operation.Greater, 2, null, "{0} > {1}", "{0} > {1}", IsBoolean: true),
        new(Operation.GreaterOrEqual, 2, null, "{0} >= {1}", "{0} ≥ {1}", IsBoolean: true),
        new(Operation.Equal, 2, null, "{0} == {1}", "{0} = {1}", IsBoolean: true),
        new(Operation.NotEqual, 2, null, "{0} != {1}", "{0} ≠ {1}", IsBoolean: true),
        new(Operation.And, 2, null, "{0} && {1}", "{0} ∧ {1}", IsBoolean: true),
        new(Operation.Or, 2, null, "{0} || {1}", "{0} ∨ {1}", IsBoolean: true),
        new(Operation.Not, 1, null, "!{0}", "¬{0}", IsBoolean: true),
        new(Operation.True, 0, null, "true", "true", IsBoolean: true),
        new(Operation.False, 0, null, "false", "false", IsBoolean: true),
        new(Operation.CallGradient, 0, null, "", ""),
        new(Operation.Result, 1, null, "", ""),
        new(Operation.Integer, 0, null, "", ""),
        new(Operation.Element, 0, null, "", ""),
        new(Operation.Loop, 0, null, "", ""),
        new(Operation.LoopAdjoint, 0, null, "", ""),
        new(Operation.LoopResult, 1, null, "", ""),
        new(Operation.Store, 1, null, "", ""),
        new(Operation.WithoutDerivative, 1, null, "{0}", "sg({0})"),
    };

    private static readonly Dictionary<(string Name, int Arity), Operation> ByMathName = BuildMathIndex();

    public static OperationInfo Get(Operation operation) => Rows[(int)operation];

    /// <summary>
    /// Whether a call costs far more than a store and a load (the transcendental functions, roots and powers), so
    /// that computing it once into a table or a tape and reading it back pays. A power with a small integer exponent
    /// is written as products and is not (see <c>CSharpExpressionWriter.IntegerExponent</c>).
    /// </summary>
    public static bool IsCostly(Operation operation) => operation is Operation.Exp or Operation.Log or Operation.LogBase
        or Operation.Log10 or Operation.Log2 or Operation.Sin or Operation.Cos or Operation.Tan or Operation.Asin
        or Operation.Acos or Operation.Atan or Operation.Atan2 or Operation.Sinh or Operation.Cosh or Operation.Tanh
        or Operation.Sqrt or Operation.Cbrt or Operation.Pow;

    /// <summary>Finds the operation for <c>Math.{name}</c> (or <c>double.{name}</c>) called with <paramref name="arity"/> arguments.</summary>
    public static bool TryGetMathFunction(string name, int arity, out Operation operation)
        => ByMathName.TryGetValue((name, arity), out operation);

    /// <summary>The names of all supported <c>Math</c> functions, for diagnostics.</summary>
    public static IEnumerable<string> MathNames
    {
        get
        {
            foreach (var row in Rows)
            {
                if (row.MathName is not null && row.Operation != Operation.LogBase)
                {
                    yield return row.MathName;
                }
            }
        }
    }

    private static OperationInfo Call(Operation operation, int arity, string mathName, string formulaName)
    {
        var arguments = arity == 1 ? "{0}" : "{0}, {1}";
        return new OperationInfo(
            operation,
            arity,
            mathName,
            "global::System.Math." + mathName + "(" + arguments + ")",
            formulaName + "(" + arguments + ")");
    }

    private static Dictionary<(string, int), Operation> BuildMathIndex()
    {
        var index = new Dictionary<(string, int), Operation>();
        for (var i = 0; i < Rows.Length; i++)
        {
            var row = Rows[i];
            if (row.Operation != (Operation)i)
            {
                throw new System.InvalidOperationException("OperationTable row " + i + " is out of order.");
            }

            if (row.MathName is not null)
            {
                index[(row.MathName, row.Arity)] = row.Operation;
            }
        }

        return index;
    }
}
