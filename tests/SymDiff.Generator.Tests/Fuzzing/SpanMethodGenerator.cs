namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>
/// Writes random <c>[Differentiable]</c> methods over two vectors, <c>M(ReadOnlySpan&lt;double&gt; x,
/// ReadOnlySpan&lt;double&gt; y, double a, int n)</c>: loops over <c>i &lt; n</c> with inner loops up to two deeper,
/// element reads at affine, product and triangular indices (<c>i * n + j</c>, <c>j * (j + 1) / 2 + i</c>,
/// <c>j * (2 * n - j - 1) / 2 + i</c>), reads guarded by index conditions (<c>i + 1 &lt; n ? x[i + 1] : a</c>),
/// inner loops that do not read the outer index, branches on the index (<c>i % 2 == 0</c>), loop-carried sums
/// and products, carried values overwritten (<c>s = x[i] * a</c>), an early return before the loops, and a
/// second loop over the results of the first (a log-sum-exp, shifted by a maximum as the GMM's is), and rows of a
/// triangle packed column by column inside the outer loop (the GMM's L·(x − μ)). Every
/// method is smooth in x, y and a almost everywhere (the maximum has kinks, where the reference is not
/// trusted), so central differences can check every partial.
/// </summary>
/// <remarks>
/// Both vectors have length <see cref="Length"/>(n), enough for every index the generator writes. Each method
/// comes with plain wrappers taking arrays (<c>M_Value</c>, <c>M_Gradient</c>, <c>M_Tangent</c>,
/// <c>M_HessianVector</c>), since a span cannot be passed by reflection.
/// </remarks>
internal sealed class SpanMethodGenerator : RandomMethodWriter
{
    private static readonly string[] Smooth = { "Sin", "Cos", "Tanh", "Atan" };
    private static readonly string[] Literals = { "0.5", "1.5", "-2.0", "0.25", "3.0" };

    private int _locals;

    public SpanMethodGenerator(Random random)
        : base(random)
    {
    }

    /// <summary>The length of x and y for a size n.</summary>
    public static int Length(int n) => (n * n) + (2 * n) + 1;

    public FuzzMethod Next(string name)
    {
        Begin();
        _locals = 0;
        Line("[Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.HessianVector)]");
        Line("public static double " + name + "(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double a, int n)");
        Open();
        if (Chance(0.15))
        {
            // The loops below run only when this does not return (and may read past x when it does).
            // A length compared as an int or read as a double (x.Length is n² + 2n + 1).
            Line("if (" + Pick(new[] { "n == 0", "n > 4", "x.Length == 1", "y.Length / 2.0 > 12.5" }) + ")");
            Open();
            Line("return Math.Sin(a) * a;");
            Close();
        }

        Line("var s = " + Expression(new Scope(Array.Empty<string>(), new[] { "a" }), 1) + ";");
        Loop(new Scope(Array.Empty<string>(), new[] { "a", "s" }), "s", depth: 0);
        switch (Random.Next(6))
        {
            case 0:
            case 1:
                SecondLoop();
                break;
            case 2:
                ShiftedSum();
                break;
        }

        Line("return s;");
        Close();
        Wrappers(name);
        return new FuzzMethod(name, 4, Text.ToString());
    }

    /// <summary>A loop accumulating into <paramref name="target"/>, with up to two loops inside it.</summary>
    private void Loop(Scope scope, string target, int depth)
    {
        if (depth == 1 && Chance(0.2))
        {
            TriangleRows(scope, target);
            return;
        }

        var index = "ijk"[depth].ToString();
        var (start, end) = depth == 0 ? ("0", "n") : Bounds(scope.Indices[^1]);

        // An inner loop that does not read the loop around it computes the same values on each of its iterations.
        var invariant = depth > 0 && Chance(0.3);
        var indices = invariant ? scope.Indices.Take(scope.Indices.Count - 1).Append(index).ToArray() : scope.Indices.Append(index).ToArray();
        if (invariant)
        {
            (start, end) = ("0", "n");
        }

        Line("for (int " + index + " = " + start + "; " + index + " < " + end + "; " + index + "++)");
        Open();
        var inner = new Scope(indices, scope.Doubles);
        if (depth < 2 && Chance(depth == 0 ? 0.7 : 0.4))
        {
            var local = "t" + _locals++;
            Line("var " + local + " = " + Expression(inner, 2) + ";");
            Loop(inner with { Doubles = inner.Doubles.Append(local).ToArray() }, local, depth + 1);
            Update(target, inner with { Doubles = inner.Doubles.Append(local).ToArray() });
        }
        else if (Chance(0.25))
        {
            // A branch on the index: the body differs between iterations, not with the inputs.
            Line("if (" + index + " % 2 == 0)");
            Open();
            Update(target, inner);
            Close();
            Line("else");
            Open();
            Update(target, inner);
            Close();
        }
        else
        {
            Update(target, inner);
        }

        Close();
    }

    /// <summary>
    /// Rows j of a triangle packed column by column, each a sum over the columns k before it (or up to it) of an entry
    /// read at <c>k * (2 * n - k - 1) / 2 + j</c> times a value that does not read j, as the GMM's L·(x − μ): the
    /// shape whose backward sweep runs column by column, reading each column as rows.
    /// </summary>
    private void TriangleRows(Scope scope, string target)
    {
        var outer = scope.Indices[^1];
        var row = new Scope(scope.Indices.Append("j").ToArray(), scope.Doubles);
        var column = new Scope(new[] { outer, "k" }, scope.Doubles);
        var local = "t" + _locals++;
        Line("for (int j = 0; j < n; j++)");
        Open();
        Line("var " + local + " = " + Expression(row, 2) + ";");
        Line("for (int k = 0; k < " + (Chance(0.5) ? "j" : "j + 1") + "; k++)");
        Open();
        Line(local + " += " + (Chance(0.5) ? "x" : "y") + "[k * (2 * n - k - 1) / 2 + j] * " + Wrap(Expression(column, 1)) + ";");
        Close();
        Line(Chance(0.5) ? target + " += " + local + " * " + local + ";" : target + " = " + target + " * 0.5 + Math.Sin(" + local + ");");
        Close();
    }

    private static string Wrap(string expression) => "(" + expression + ")";

    /// <summary>A loop over the results of the first: a log-sum-exp or a maximum, as the GMM's shifted sum.</summary>
    private void SecondLoop()
    {
        var scope = new Scope(new[] { "i" }, new[] { "a", "s" });
        Line("var r = 0.0;");
        Line("for (int i = 0; i < n; i++)");
        Open();
        Line("r += Math.Exp(Math.Sin(" + Expression(scope, 2) + ") + x[i]);");
        Close();
        Line("s += Math.Log(1.0 + r);");
    }

    /// <summary>
    /// A log-sum-exp over i shifted by its largest term, the shift's derivative stopped, as the GMM writes it: the
    /// same term computed in two loops.
    /// </summary>
    private void ShiftedSum()
    {
        var term = Expression(new Scope(new[] { "i" }, new[] { "a", "s" }), 2);
        Line("var m = double.NegativeInfinity;");
        Line("for (int i = 0; i < n; i++)");
        Open();
        Line("m = Math.Max(m, " + term + ");");
        Close();
        Line("var shift = Derivatives.WithoutDerivative(m);");
        Line("var r = 0.0;");
        Line("for (int i = 0; i < n; i++)");
        Open();
        Line("r += Math.Exp(" + term + " - shift);");
        Close();
        Line("s += n > 0 ? shift + Math.Log(r) : 0.0;");
    }

    private void Update(string target, Scope scope)
    {
        var value = Expression(scope, 3);
        switch (Random.Next(5))
        {
            case 0:
                Line(target + " = " + target + " * 0.5 + " + value + ";");
                break;
            case 1:
                Line(target + " -= " + value + ";");
                break;
            case 2:
                // Overwritten: the value carried in is dropped, unless the new one reads it.
                Line(target + " = " + value + ";");
                break;
            default:
                Line(target + " += " + value + ";");
                break;
        }
    }

    /// <summary>An inner loop's range, given the index of the loop around it.</summary>
    private (string Start, string End) Bounds(string outer) => Random.Next(5) switch
    {
        0 => ("0", outer),
        1 => ("0", outer + " + 1"),
        2 => (outer, "n"),
        3 => ("1", "n"),
        _ => ("0", "n"),
    };

    private string Expression(Scope scope, int depth)
    {
        if (depth == 0 || Chance(0.25))
        {
            return Leaf(scope);
        }

        return Random.Next(6) switch
        {
            0 => "Math." + Pick(Smooth) + "(" + Expression(scope, depth - 1) + ")",
            1 => "Math.Exp(0.5 * Math.Sin(" + Expression(scope, depth - 1) + "))",
            2 => "(" + Expression(scope, depth - 1) + " - " + Expression(scope, depth - 1) + ")",
            3 => Expression(scope, depth - 1) + " * " + Expression(scope, depth - 1),
            4 => "0.5 * " + Expression(scope, depth - 1) + " * " + Expression(scope, depth - 1),
            _ => "(" + Expression(scope, depth - 1) + " + " + Expression(scope, depth - 1) + ")",
        };
    }

    private string Leaf(Scope scope)
    {
        var roll = Random.Next(10);
        if (roll < 6 && scope.Indices.Count > 0)
        {
            return Element(scope);
        }

        if (roll < 8)
        {
            return Pick(scope.Doubles);
        }

        if (Chance(0.3))
        {
            // An int read as a double where C# converts it: a length, the size, a loop's variable.
            var integers = new List<string> { "1.0 / x.Length", "0.1 * y.Length", "(double)x.Length / (n + 1)", "n * 0.25" };
            integers.AddRange(scope.Indices.Select(i => "0.5 * " + i));
            return Pick(integers);
        }

        return Pick(Literals);
    }

    /// <summary>An element at an index in range for every n: each index below is at most n² + 2n.</summary>
    private string Element(Scope scope)
    {
        var vector = Chance(0.5) ? "x" : "y";
        var i = scope.Indices[^1];
        if (scope.Indices.Count >= 2 && Chance(0.7))
        {
            var o = scope.Indices[^2];
            var index = Random.Next(8) switch
            {
                0 => o + " * n + " + i,
                1 => i + " * n + " + o,
                2 => i + " * (" + i + " + 1) / 2 + " + o,
                3 => i + " * (2 * n - " + i + " - 1) / 2 + " + o,
                4 => o + " + " + i,
                5 => "(n - 1 - " + o + ") * n + " + i,
                6 => "(" + o + " + 1) * (" + i + " + 1) - 1",
                _ => "n * " + o + " + " + i + " + 1",
            };
            return vector + "[" + index + "]";
        }

        return Random.Next(5) switch
        {
            0 => vector + "[n - 1 - " + i + "]",
            1 => vector + "[2 * " + i + "]",
            2 => "(" + i + " + 1 < n ? " + vector + "[" + i + " + 1] : a)",
            3 => vector + "[" + i + " * " + i + "]",
            _ => vector + "[" + i + "]",
        };
    }

    private void Wrappers(string name)
    {
        Line("public static double " + name + "_Value(double[] x, double[] y, double a, int n) => " + name + "(x, y, a, n);");
        Line("public static double " + name + "_Gradient(double[] x, double[] y, double a, int n, double[] dx, double[] dy, double[] da) => "
            + name + "Gradient(x, y, a, n, dx, dy, out da[0]);");
        Line("public static double " + name + "_Tangent(double[] x, double[] y, double a, int n, double[] tx, double[] ty, double ta, double[] tangent) => "
            + name + "Tangent(x, y, a, n, tx, ty, ta, out tangent[0]);");
        Line("public static double " + name + "_HessianVector(double[] x, double[] y, double a, int n, double[] vx, double[] vy, double va, double[] dx, double[] dy, double[] da, double[] hvx, double[] hvy, double[] hva) => "
            + name + "HessianVector(x, y, a, n, vx, vy, va, dx, dy, out da[0], hvx, hvy, out hva[0]);");
    }

    /// <summary>The loop indices around a statement (outermost first) and the doubles it may read.</summary>
    private sealed record Scope(IReadOnlyList<string> Indices, IReadOnlyList<string> Doubles);
}
