using SymDiff.Tests.Functions;

namespace SymDiff.Tests.SecondOrder;

/// <summary>
/// A method writing output vectors seen as y = f(θ) over one flat input θ (every input in parameter order)
/// and one flat output y, with its generated Tangent, Vjp and Jacobian called on slices.
/// </summary>
public sealed record OutputCase(
    string Name,
    int Inputs,
    int Outputs,
    Func<double[], double[]> Value,
    Func<double[], double[], (double[] Value, double[] Tangent)> Tangent,
    Func<double[], double[], (double[] Value, double[] Product)> Vjp,
    Func<double[], (double[] Value, double[] Jacobian)> Jacobian)
{
    public override string ToString() => Name;
}

/// <summary>The functions of <see cref="Outputs"/>, as <see cref="OutputCase"/>s.</summary>
public static class OutputCases
{
    public static IEnumerable<object[]> Names => All.Select(c => new object[] { c.Name });

    public static OutputCase Get(string name) => All.Single(c => c.Name == name);

    private static IReadOnlyList<OutputCase> All { get; } = new[]
    {
        new OutputCase(
            "Softmax",
            5,
            5,
            p => Run(5, y => Outputs.Softmax(p, y)),
            (p, t) => Pair(5, 5, (y, ty) => Outputs.SoftmaxTangent(p, y, t, ty)),
            (p, u) => Pair(5, 5, (y, d) => Outputs.SoftmaxVjp(p, y, u, d)),
            p => Pair(5, 25, (y, j) => Outputs.SoftmaxJacobian(p, y, j))),
        new OutputCase(
            "ToCartesian",
            2,
            2,
            p => Run(2, y => Outputs.ToCartesian(p[0], p[1], y)),
            (p, t) => Pair(2, 2, (y, ty) => Outputs.ToCartesianTangent(p[0], p[1], y, t[0], t[1], ty)),
            (p, u) => Pair(2, 2, (y, d) => Outputs.ToCartesianVjp(p[0], p[1], y, u, out d[0], out d[1])),
            p => Pair(2, 4, (y, j) => Outputs.ToCartesianJacobian(p[0], p[1], y, j))),
        new OutputCase(
            "Affine",
            5,
            4,
            p => Run(4, y => Outputs.Affine(p.AsSpan(0, 4), p[4], y)),
            (p, t) => Pair(4, 4, (y, ty) => Outputs.AffineTangent(p.AsSpan(0, 4), p[4], y, t.AsSpan(0, 4), t[4], ty)),
            (p, u) => Pair(4, 5, (y, d) => Outputs.AffineVjp(p.AsSpan(0, 4), p[4], y, u, d.AsSpan(0, 4), out d[4])),
            p => Pair(4, 20, (y, j) => Outputs.AffineJacobian(p.AsSpan(0, 4), p[4], y, j))),
        new OutputCase(
            "CumulativeProduct",
            6,
            6,
            p => Run(6, y => Outputs.CumulativeProduct(p, y)),
            (p, t) => Pair(6, 6, (y, ty) => Outputs.CumulativeProductTangent(p, y, t, ty)),
            (p, u) => Pair(6, 6, (y, d) => Outputs.CumulativeProductVjp(p, y, u, d)),
            p => Pair(6, 36, (y, j) => Outputs.CumulativeProductJacobian(p, y, j))),
        new OutputCase(
            "Layer",
            9,
            2,
            p => Run(2, y => Outputs.Layer(p.AsSpan(0, 6), p.AsSpan(6), y)),
            (p, t) => Pair(2, 2, (y, ty) => Outputs.LayerTangent(p.AsSpan(0, 6), p.AsSpan(6), y, t.AsSpan(0, 6), t.AsSpan(6), ty)),
            (p, u) => Pair(2, 9, (y, d) => Outputs.LayerVjp(p.AsSpan(0, 6), p.AsSpan(6), y, u, d.AsSpan(0, 6), d.AsSpan(6))),
            p => Pair(2, 18, (y, j) => Outputs.LayerJacobian(p.AsSpan(0, 6), p.AsSpan(6), y, j))),
        new OutputCase(
            "Overwrite",
            2,
            2,
            p => Run(2, y => Outputs.Overwrite(p[0], p[1], y)),
            (p, t) => Pair(2, 2, (y, ty) => Outputs.OverwriteTangent(p[0], p[1], y, t[0], t[1], ty)),
            (p, u) => Pair(2, 2, (y, d) => Outputs.OverwriteVjp(p[0], p[1], y, u, out d[0], out d[1])),
            p => Pair(2, 4, (y, j) => Outputs.OverwriteJacobian(p[0], p[1], y, j))),
        new OutputCase(
            "Spread",
            4,
            5,
            p => Run(5, y => Outputs.Spread(p, y.AsSpan(0, 1), y.AsSpan(1))),
            (p, t) => Pair(5, 5, (y, ty) => Outputs.SpreadTangent(p, y.AsSpan(0, 1), y.AsSpan(1), t, ty.AsSpan(0, 1), ty.AsSpan(1))),
            (p, u) => Pair(5, 4, (y, d) => Outputs.SpreadVjp(p, y.AsSpan(0, 1), y.AsSpan(1), u.AsSpan(0, 1), u.AsSpan(1), d)),
            p => Pair(5, 20, (y, j) => Outputs.SpreadJacobian(p, y.AsSpan(0, 1), y.AsSpan(1), j))),
    };

    private static double[] Run(int size, Action<double[]> fill)
    {
        var buffer = Enumerable.Repeat(double.NaN, size).ToArray();
        fill(buffer);
        return buffer;
    }

    /// <summary>Two buffers, filled with NaN first so that an element left unwritten shows.</summary>
    private static (double[], double[]) Pair(int first, int second, Action<double[], double[]> fill)
    {
        var a = Enumerable.Repeat(double.NaN, first).ToArray();
        var b = Enumerable.Repeat(double.NaN, second).ToArray();
        fill(a, b);
        return (a, b);
    }
}
