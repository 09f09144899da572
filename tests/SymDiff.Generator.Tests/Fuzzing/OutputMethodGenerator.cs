namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>
/// Writes random <c>[Differentiable]</c> methods that write an output vector,
/// <c>M(ReadOnlySpan&lt;double&gt; x, double a, int n, Span&lt;double&gt; z)</c>: an element per iteration of a loop over
/// <c>i &lt; n</c> (ascending or descending), computed from carried values, neighbours read under index conditions,
/// an inner loop and an if on the values. Smooth almost
/// everywhere, so differences check every partial of a weighted sum of the elements.
/// </summary>
/// <remarks>
/// x has <see cref="InputLength"/>(n) elements and z <see cref="OutputLength"/>(n). Wrappers taking arrays
/// (<c>M_Value</c>, <c>M_Vjp</c>, <c>M_Jacobian</c>, <c>M_Tangent</c>) dot the output with the weights w.
/// </remarks>
internal sealed class OutputMethodGenerator : RandomMethodWriter
{
    private static readonly string[] Smooth = { "Sin", "Cos", "Tanh", "Atan", "Exp" };
    private static readonly string[] Literals = { "0.5", "1.5", "-2.0", "0.25" };

    public OutputMethodGenerator(Random random)
        : base(random)
    {
    }

    public static int InputLength(int n) => n + 2;

    public static int OutputLength(int n) => n;

    public FuzzMethod Next(string name)
    {
        Begin();
        Line("[Differentiable]");
        Line("public static void " + name + "(ReadOnlySpan<double> x, double a, int n, Span<double> z)");
        Open();
        Line("var s = " + Expression(new[] { "a" }, 1) + ";");
        var descending = Chance(0.3);
        Line(descending ? "for (int i = n - 1; i >= 0; i--)" : "for (int i = 0; i < n; i++)");
        Open();
        var values = new List<string> { "a", "s", "x[i]" };
        Line("var t = " + Expression(values, 2) + ";");
        values.Add("t");
        if (Chance(0.4))
        {
            // A neighbour read only where the source reads it.
            Line("t += (i + 1 < n ? x[i + 1] : a) * " + Wrap(Expression(values, 1)) + ";");
        }

        if (Chance(0.35))
        {
            Line("for (int j = 0; j < " + (Chance(0.5) ? "n" : "i") + "; j++)");
            Open();
            Line("t += " + Wrap(Expression(new[] { "x[j]", "a", "t" }, 1)) + " * 0.25;");
            Close();
        }

        if (Chance(0.3))
        {
            Line("if (" + Expression(values, 1) + " > " + Pick(Literals) + ")");
            Open();
            Line("t = " + Expression(values, 1) + ";");
            Close();
        }

        Line("s = " + Pick(new[] { "s * 0.5 + ", "s + 0.25 * ", "0.5 * " }) + Wrap(Expression(values, 1)) + ";");
        Line("z[i] = " + Expression(values.Append("s").ToList(), 2) + ";");
        Close();
        Close();
        Wrappers(name);
        return new FuzzMethod(name, 4, Text.ToString());
    }

    private string Expression(IReadOnlyList<string> values, int depth)
    {
        if (depth == 0 || Chance(0.3))
        {
            return Chance(0.8) ? Pick(values) : Pick(Literals);
        }

        return Random.Next(5) switch
        {
            0 => "Math." + Pick(Smooth) + "(" + Expression(values, depth - 1) + (Chance(0.5) ? "" : " * 0.5") + ")",
            1 => Wrap(Expression(values, depth - 1)) + " * " + Wrap(Expression(values, depth - 1)),
            2 => Expression(values, depth - 1) + " + " + Expression(values, depth - 1),
            3 => Expression(values, depth - 1) + " - " + Wrap(Expression(values, depth - 1)),
            _ => Wrap(Expression(values, depth - 1)) + " / (1.5 + Math.Cos(" + Expression(values, depth - 1) + "))",
        };
    }

    private void Wrappers(string name)
    {
        Line("public static double " + name + "_Value(double[] x, double a, int n, double[] w) { var z = new double[n]; " + name + "(x, a, n, z); return global::System.Linq.Enumerable.Sum(global::System.Linq.Enumerable.Zip(w, z, (p, q) => p * q)); }");
        Line("public static double " + name + "_Vjp(double[] x, double a, int n, double[] w, double[] dx, double[] da) { var z = new double[n]; "
            + name + "Vjp(x, a, n, z, w, dx, out da[0]); return global::System.Linq.Enumerable.Sum(global::System.Linq.Enumerable.Zip(w, z, (p, q) => p * q)); }");
        Line("public static void " + name + "_Jacobian(double[] x, double a, int n, double[] jacobian) { var z = new double[n]; " + name + "Jacobian(x, a, n, z, jacobian); }");
        Line("public static double " + name + "_Tangent(double[] x, double a, int n, double[] w, double[] tx, double ta, double[] tangent) { var z = new double[n]; var tz = new double[n]; "
            + name + "Tangent(x, a, n, z, tx, ta, tz); tangent[0] = global::System.Linq.Enumerable.Sum(global::System.Linq.Enumerable.Zip(w, tz, (p, q) => p * q)); return global::System.Linq.Enumerable.Sum(global::System.Linq.Enumerable.Zip(w, z, (p, q) => p * q)); }");
    }

    private static string Wrap(string expression) => expression.All(c => char.IsLetterOrDigit(c) || c is '.' or '[' or ']') ? expression : "(" + expression + ")";
}
