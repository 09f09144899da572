namespace SymDiff.Generator.Differentiation;

/// <summary>
/// The local derivative of every operation with respect to each operand: one entry per operation,
/// shared by every mode (reverse mode multiplies it by the user's adjoint; forward mode, by the
/// operand's tangent; second order differentiates these nodes again).
/// </summary>
/// <remarks>
/// Conventions at non-smooth points (docs/conventions.md): at a kink the derivative is the mean of
/// the one-sided derivatives (<c>Abs'(0) = 0</c>, a tie of <c>Max</c>/<c>Min</c> gives ½ to each side);
/// <c>Sqrt'(0) = 0</c> (not ∞, so <c>Sqrt(x·x)</c> agrees with <c>Abs</c>); step functions
/// (<c>Floor</c>, <c>Ceiling</c>, <c>Round</c>, <c>Sign</c>) have derivative 0; the exponent partial of
/// <c>Pow(a, b)</c> is 0 where <c>a ≤ 0</c> rather than evaluating <c>Log</c> of it.
/// </remarks>
internal static class DerivativeRules
{
    private const double Log10E = 0.4342944819032518;
    private const double Log2E = 1.4426950408889634;

    /// <summary>
    /// The nodes <paramref name="id"/> depends on differentiably, each with ∂node/∂it. Mostly its
    /// operands; a call's value depends on the call's arguments, through the callee's gradient.
    /// </summary>
    public static IEnumerable<(int Target, int Partial)> Partials(GraphAlgebra g, int id)
    {
        var node = g.Graph[id];
        if (node.Operation is Operation.Loop or Operation.LoopAdjoint or Operation.LoopResult or Operation.Integer or Operation.Element or Operation.Store)
        {
            // Loops are crossed by ReverseMode as a whole; ints and vector elements are leaves.
            yield break;
        }

        if (node.Operation == Operation.Result)
        {
            if (node.Payload != -1)
            {
                throw new NotSupportedException("Second derivatives through a call to another [Differentiable] method are not supported yet.");
            }

            var call = g.Graph[node.Operand0];
            for (var i = 0; i < call.Arity; i++)
            {
                yield return (call.Operand(i), g.Graph.Intern(new GraphNode(Operation.Result, node.Operand0, Payload: i)));
            }

            yield break;
        }

        for (var operand = 0; operand < node.Arity; operand++)
        {
            var target = node.Operand(operand);
            var targetNode = g.Graph[target];
            if (targetNode.IsConstant || targetNode.Operation == Operation.Integer || OperationTable.Get(targetNode.Operation).IsBoolean)
            {
                continue;
            }

            yield return (target, Partial(g, id, operand));
        }
    }

    /// <summary>∂node/∂operand as a node of the same graph; <see cref="GraphAlgebra.Zero"/> when it is zero.</summary>
    public static int Partial(GraphAlgebra g, int id, int operand)
    {
        var node = g.Graph[id];
        var a = node.Operand0;
        var b = node.Operand1;
        return node.Operation switch
        {
            Operation.Add => g.One,
            Operation.Subtract => operand == 0 ? g.One : g.Constant(-1.0),
            Operation.Multiply => operand == 0 ? b : a,
            // (1/b)' = -(1/b)·(1/b): a multiply where -(1/b)/b would divide again.
            Operation.Divide => operand == 0 ? g.Divide(g.One, b) : g.IsOne(a) ? g.Negate(g.Multiply(id, id)) : g.Negate(g.Divide(id, b)),
            Operation.Negate => g.Constant(-1.0),

            Operation.Sin => g.Function(Operation.Cos, a),
            Operation.Cos => g.Negate(g.Function(Operation.Sin, a)),
            Operation.Tan => g.Add(g.One, g.Multiply(id, id)),
            Operation.Asin => g.Divide(g.One, OneMinusSquareRoot(g, a)),
            Operation.Acos => g.Negate(g.Divide(g.One, OneMinusSquareRoot(g, a))),
            Operation.Atan => g.Divide(g.One, g.Add(g.One, g.Multiply(a, a))),
            Operation.Atan2 => Atan2(g, a, b, operand),
            Operation.Sinh => g.Function(Operation.Cosh, a),
            Operation.Cosh => g.Function(Operation.Sinh, a),
            Operation.Tanh => g.Subtract(g.One, g.Multiply(id, id)),
            Operation.Exp => id,
            Operation.Log => g.Divide(g.One, a),
            Operation.LogBase => operand == 0
                ? g.Divide(g.One, g.Multiply(a, g.Function(Operation.Log, b)))
                : g.Negate(g.Divide(id, g.Multiply(b, g.Function(Operation.Log, b)))),
            Operation.Log10 => g.Divide(g.Constant(Log10E), a),
            Operation.Log2 => g.Divide(g.Constant(Log2E), a),
            Operation.Sqrt => g.Select(g.Compare(Operation.Equal, id, g.Zero), g.Zero, g.Divide(g.Constant(0.5), id)),
            Operation.Cbrt => g.Divide(g.One, g.Multiply(g.Constant(3.0), g.Multiply(id, id))),
            Operation.Pow => operand == 0
                ? g.Multiply(b, g.Pow(a, g.Subtract(b, g.One)))
                : g.Select(g.Compare(Operation.Greater, a, g.Zero), g.Multiply(id, g.Function(Operation.Log, a)), g.Zero),
            Operation.Abs => g.Function(Operation.SignOf, a),
            Operation.Max => Extremum(g, operand == 0 ? Operation.Greater : Operation.Less, a, b),
            Operation.Min => Extremum(g, operand == 0 ? Operation.Less : Operation.Greater, a, b),
            Operation.Sign or Operation.SignOf or Operation.Floor or Operation.Ceiling or Operation.Round or Operation.WithoutDerivative => g.Zero,

            Operation.Select => operand switch
            {
                1 => g.Select(a, g.One, g.Zero),
                2 => g.Select(a, g.Zero, g.One),
                _ => g.Zero,
            },

            Operation.Constant or Operation.Parameter or Operation.True or Operation.False
                or Operation.Less or Operation.LessOrEqual or Operation.Greater or Operation.GreaterOrEqual
                or Operation.Equal or Operation.NotEqual or Operation.And or Operation.Or or Operation.Not => g.Zero,

            Operation.CallGradient or Operation.Result => throw new NotSupportedException("Second derivatives through a call to another [Differentiable] method are not supported yet."),
            _ => throw new InvalidOperationException("No derivative rule for " + node.Operation + "."),
        };
    }

    private static int OneMinusSquareRoot(GraphAlgebra g, int a)
        => g.Function(Operation.Sqrt, g.Subtract(g.One, g.Multiply(a, a)));

    // atan2(y, x): ∂y = x / (x² + y²), ∂x = −y / (x² + y²).
    private static int Atan2(GraphAlgebra g, int y, int x, int operand)
    {
        var radius = g.Add(g.Multiply(x, x), g.Multiply(y, y));
        return operand == 0 ? g.Divide(x, radius) : g.Negate(g.Divide(y, radius));
    }

    // Max: ∂a = a > b ? 1 : a == b ? ½ : 0 (Min and ∂b mirror it through the comparison).
    private static int Extremum(GraphAlgebra g, Operation wins, int a, int b)
        => g.Select(
            g.Compare(wins, a, b),
            g.One,
            g.Select(g.Compare(Operation.Equal, a, b), g.Constant(0.5), g.Zero));
}
