using System.Globalization;

namespace SymDiff.Generator.Ir;

/// <summary>
/// Writes an <see cref="IntExpr"/> as C#: parentheses where C#'s precedence needs them and nowhere else, so an
/// expression the parser built (its parentheses kept as <see cref="IntOp.Group"/>) reads as the source wrote it.
/// </summary>
internal static class IntExprText
{
    private const int Additive = 1;
    private const int Multiplicative = 2;
    private const int Unary = 3;
    private const int Primary = 4;

    public static string Write(IntExpr expression) => Write(expression, 0);

    private static string Write(IntExpr e, int minimum)
    {
        var (text, precedence) = e.Op switch
        {
            IntOp.Constant => (e.Value.ToString(CultureInfo.InvariantCulture), e.Value < 0 ? Unary : Primary),
            IntOp.Name => (e.Name, Primary),
            IntOp.Length => (e.Name + ".Length", Primary),
            IntOp.Group => ("(" + Write(e.Left!, 0) + ")", Primary),
            IntOp.Unchecked => ("unchecked(" + Write(e.Left!, 0) + ")", Primary),
            IntOp.Negate => (Negation(Write(e.Left!, Unary)), Unary),
            IntOp.Max => ("global::System.Math.Max(" + Write(e.Left!, 0) + ", " + Write(e.Right!, 0) + ")", Primary),
            IntOp.Widen => e.Left!.IsConstant && e.Left.Value >= 0 ? (Write(e.Left, 0) + "L", Primary) : ("(long)" + Write(e.Left!, Unary), Unary),
            IntOp.Narrow => ("(int)" + Write(e.Left!, Unary), Unary),
            _ => (Write(e.Left!, Precedence(e.Op)) + " " + Symbol(e.Op) + " " + Write(e.Right!, Precedence(e.Op) + 1), Precedence(e.Op)),
        };

        return precedence < minimum ? "(" + text + ")" : text;
    }

    // "-" before "-5" would read as the decrement "--5".
    private static string Negation(string operand) => operand.StartsWith("-", System.StringComparison.Ordinal) ? "-(" + operand + ")" : "-" + operand;

    private static int Precedence(IntOp op) => op is IntOp.Add or IntOp.Subtract ? Additive : Multiplicative;

    private static string Symbol(IntOp op) => op switch
    {
        IntOp.Add => "+",
        IntOp.Subtract => "-",
        IntOp.Multiply => "*",
        IntOp.Divide => "/",
        _ => "%",
    };
}
