using SymDiff.Tests.Functions;

namespace SymDiff.Tests.SecondOrder;

/// <summary>
/// A function over vectors and scalars seen as a function of one flat vector θ (every differentiable input
/// in order), with its generated gradient, tangent and Hessian–vector product called on slices of θ.
/// </summary>
public sealed record SpanCase(
    string Name,
    int Size,
    Func<double[], double> Value,
    Func<double[], double[]> Gradient,
    Func<double[], double[], (double Value, double Tangent)> Tangent,
    Func<double[], double[], (double Value, double[] Gradient, double[] Product)> HessianVector)
{
    public override string ToString() => Name;
}

/// <summary>The loop and vector functions of <see cref="Vectors"/> and <see cref="Gmm"/>, as <see cref="SpanCase"/>s.</summary>
public static class SpanCases
{
    private const int GmmD = 2;
    private const int GmmK = 3;
    private const int GmmN = 10;
    private const int GmmIcf = GmmD * (GmmD + 1) / 2;

    public static IEnumerable<object[]> Names => All.Select(c => new object[] { c.Name });

    public static SpanCase Get(string name) => All.Single(c => c.Name == name);

    private static IReadOnlyList<SpanCase> All { get; } = new[]
    {
        new SpanCase(
            "Rosenbrock",
            7,
            p => Vectors.Rosenbrock(p),
            p => Buffer(p.Length, g => Vectors.RosenbrockGradient(p, g)),
            (p, t) => (Vectors.RosenbrockTangent(p, t, out var tangent), tangent),
            (p, v) =>
            {
                var (d, hv) = (new double[p.Length], new double[p.Length]);
                return (Vectors.RosenbrockHessianVector(p, v, d, hv), d, hv);
            }),
        new SpanCase(
            "Dot",
            8,
            p => Vectors.Dot(p.AsSpan(0, 4), p.AsSpan(4)),
            p => Buffer(8, g => Vectors.DotGradient(p.AsSpan(0, 4), p.AsSpan(4), g.AsSpan(0, 4), g.AsSpan(4))),
            (p, t) => (Vectors.DotTangent(p.AsSpan(0, 4), p.AsSpan(4), t.AsSpan(0, 4), t.AsSpan(4), out var tangent), tangent),
            (p, v) =>
            {
                var (d, hv) = (new double[8], new double[8]);
                var value = Vectors.DotHessianVector(p.AsSpan(0, 4), p.AsSpan(4), v.AsSpan(0, 4), v.AsSpan(4), d.AsSpan(0, 4), d.AsSpan(4), hv.AsSpan(0, 4), hv.AsSpan(4));
                return (value, d, hv);
            }),
        new SpanCase(
            "LogSumExp",
            6,
            p => Vectors.LogSumExp(p),
            p => Buffer(p.Length, g => Vectors.LogSumExpGradient(p, g)),
            (p, t) => (Vectors.LogSumExpTangent(p, t, out var tangent), tangent),
            (p, v) =>
            {
                var (d, hv) = (new double[p.Length], new double[p.Length]);
                return (Vectors.LogSumExpHessianVector(p, v, d, hv), d, hv);
            }),
        new SpanCase(
            "SoftmaxCrossEntropy",
            5,
            p => Vectors.SoftmaxCrossEntropy(p, 2),
            p => Buffer(p.Length, g => Vectors.SoftmaxCrossEntropyGradient(p, 2, g)),
            (p, t) => (Vectors.SoftmaxCrossEntropyTangent(p, 2, t, out var tangent), tangent),
            (p, v) =>
            {
                var (d, hv) = (new double[p.Length], new double[p.Length]);
                return (Vectors.SoftmaxCrossEntropyHessianVector(p, 2, v, d, hv), d, hv);
            }),
        new SpanCase(
            "Horner",
            6,
            p => Vectors.Horner(p[..5], p[5]),
            p => Buffer(6, g =>
            {
                var value = Vectors.HornerGradient(p[..5], p[5], g.AsSpan(0, 5), out g[5]);
                return value;
            }),
            (p, t) => (Vectors.HornerTangent(p[..5], p[5], t.AsSpan(0, 5), t[5], out var tangent), tangent),
            (p, v) =>
            {
                var (d, hv) = (new double[6], new double[6]);
                var value = Vectors.HornerHessianVector(p[..5], p[5], v.AsSpan(0, 5), v[5], d.AsSpan(0, 5), out d[5], hv.AsSpan(0, 5), out hv[5]);
                return (value, d, hv);
            }),
        new SpanCase(
            "Product",
            5,
            p => Vectors.Product(p.AsSpan(0, 4), 3, p[4]),
            p => Buffer(5, g =>
            {
                var value = Vectors.ProductGradient(p.AsSpan(0, 4), 3, p[4], g.AsSpan(0, 4), out g[4]);
                return value;
            }),
            (p, t) => (Vectors.ProductTangent(p.AsSpan(0, 4), 3, p[4], t.AsSpan(0, 4), t[4], out var tangent), tangent),
            (p, v) =>
            {
                var (d, hv) = (new double[5], new double[5]);
                var value = Vectors.ProductHessianVector(p.AsSpan(0, 4), 3, p[4], v.AsSpan(0, 4), v[4], d.AsSpan(0, 4), out d[4], hv.AsSpan(0, 4), out hv[4]);
                return (value, d, hv);
            }),
        new SpanCase(
            "Recurrence",
            6,
            p => Vectors.Recurrence(p[..5], p[5]),
            p => Buffer(6, g =>
            {
                var value = Vectors.RecurrenceGradient(p[..5], p[5], g.AsSpan(0, 5), out g[5]);
                return value;
            }),
            (p, t) => (Vectors.RecurrenceTangent(p[..5], p[5], t.AsSpan(0, 5), t[5], out var tangent), tangent),
            (p, v) =>
            {
                var (d, hv) = (new double[6], new double[6]);
                var value = Vectors.RecurrenceHessianVector(p[..5], p[5], v.AsSpan(0, 5), v[5], d.AsSpan(0, 5), out d[5], hv.AsSpan(0, 5), out hv[5]);
                return (value, d, hv);
            }),
        GmmCase(),
    };

    /// <summary>θ = alphas, means, icf, x, γ, m (the objective with d = 2, k = 3, n = 10).</summary>
    private static SpanCase GmmCase()
    {
        int[] sizes = { GmmK, GmmK * GmmD, GmmK * GmmIcf, GmmN * GmmD };
        var offsets = new int[5];
        for (var i = 0; i < 4; i++)
        {
            offsets[i + 1] = offsets[i] + sizes[i];
        }

        Span<double> Slice(double[] p, int part) => p.AsSpan(offsets[part], sizes[part]);
        var size = offsets[4] + 2;
        var gamma = size - 2;
        var m = size - 1;
        return new SpanCase(
            "Gmm",
            size,
            p => Gmm.Objective(Slice(p, 0), Slice(p, 1), Slice(p, 2), Slice(p, 3), GmmD, p[gamma], p[m]),
            p => Buffer(size, g => Gmm.ObjectiveGradient(Slice(p, 0), Slice(p, 1), Slice(p, 2), Slice(p, 3), GmmD, p[gamma], p[m], Slice(g, 0), Slice(g, 1), Slice(g, 2), Slice(g, 3), out g[gamma], out g[m])),
            (p, t) => (Gmm.ObjectiveTangent(Slice(p, 0), Slice(p, 1), Slice(p, 2), Slice(p, 3), GmmD, p[gamma], p[m], Slice(t, 0), Slice(t, 1), Slice(t, 2), Slice(t, 3), t[gamma], t[m], out var tangent), tangent),
            (p, v) =>
            {
                var (d, hv) = (new double[size], new double[size]);
                var value = Gmm.ObjectiveHessianVector(
                    Slice(p, 0), Slice(p, 1), Slice(p, 2), Slice(p, 3), GmmD, p[gamma], p[m],
                    Slice(v, 0), Slice(v, 1), Slice(v, 2), Slice(v, 3), v[gamma], v[m],
                    Slice(d, 0), Slice(d, 1), Slice(d, 2), Slice(d, 3), out d[gamma], out d[m],
                    Slice(hv, 0), Slice(hv, 1), Slice(hv, 2), Slice(hv, 3), out hv[gamma], out hv[m]);
                return (value, d, hv);
            });
    }

    private static double[] Buffer(int size, Func<double[], double> fill)
    {
        var buffer = new double[size];
        fill(buffer);
        return buffer;
    }
}
