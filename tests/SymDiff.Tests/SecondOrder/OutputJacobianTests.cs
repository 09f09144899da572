using SymDiff.Tests.Functions;
using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.SecondOrder;

/// <summary>
/// Methods writing a Span&lt;double&gt; output: Jacobian against central differences, J·t (forward) and uᵀJ
/// (reverse) against it and against each other, in both of the Jacobian's run-time orders.
/// </summary>
public sealed class OutputJacobianTests
{
    [Theory]
    [MemberData(nameof(OutputCases.Names), MemberType = typeof(OutputCases))]
    public void Jacobian_MatchesCentralDifferences(string name)
    {
        var function = OutputCases.Get(name);
        var point = SpanTangentTests.RandomVector(function.Inputs, 21);
        var (value, jacobian) = function.Jacobian(point);

        Assert.Equal(function.Value(point), value);
        var expected = new double[function.Outputs * function.Inputs];
        for (var i = 0; i < function.Outputs; i++)
        {
            var row = i;
            var gradient = FiniteDifference.Gradient(p => function.Value(p)[row], point);
            Array.Copy(gradient, 0, expected, i * function.Inputs, function.Inputs);
        }

        GradientAssert.Close(expected, jacobian, 1e-6, 1e-8, name);
    }

    [Theory]
    [MemberData(nameof(OutputCases.Names), MemberType = typeof(OutputCases))]
    public void TangentAndVjp_AreJacobianProducts(string name)
    {
        var function = OutputCases.Get(name);
        var (n, m) = (function.Inputs, function.Outputs);
        var point = SpanTangentTests.RandomVector(n, 22);
        var direction = SpanTangentTests.RandomVector(n, 23);
        var weights = SpanTangentTests.RandomVector(m, 24);
        var (_, jacobian) = function.Jacobian(point);

        var (tangentValue, tangent) = function.Tangent(point, direction);
        var (vjpValue, product) = function.Vjp(point, weights);
        Assert.Equal(function.Value(point), tangentValue);
        Assert.Equal(function.Value(point), vjpValue);

        var jt = Enumerable.Range(0, m).Select(i => Enumerable.Range(0, n).Sum(j => jacobian[i * n + j] * direction[j])).ToArray();
        var uj = Enumerable.Range(0, n).Select(j => Enumerable.Range(0, m).Sum(i => weights[i] * jacobian[i * n + j])).ToArray();
        GradientAssert.Close(jt, tangent, 1e-12, 1e-12, name + " J·t");
        GradientAssert.Close(uj, product, 1e-12, 1e-12, name + " uᵀJ");

        // Forward and reverse mode agree: uᵀ(J·t) = (uᵀJ)·t.
        var forward = weights.Zip(tangent, (u, t) => u * t).Sum();
        var reverse = product.Zip(direction, (p, t) => p * t).Sum();
        Assert.Equal(forward, reverse, 1e-12 * Math.Max(1, Math.Abs(forward)));
    }

    [Fact]
    public void Jacobian_ChoosesForwardOrReverseFromTheSizes_BothGiveTheSameMatrix()
    {
        // Affine has n = len + 1 inputs and m = len outputs: rows by Vjp. ToCartesian is square: columns by Tangent.
        // Either way each entry must equal the other mode's product with a unit vector.
        foreach (var name in new[] { "Affine", "ToCartesian", "Layer", "Spread" })
        {
            var function = OutputCases.Get(name);
            var (n, m) = (function.Inputs, function.Outputs);
            var point = SpanTangentTests.RandomVector(n, 25);
            var (_, jacobian) = function.Jacobian(point);
            for (var j = 0; j < n; j++)
            {
                var unit = new double[n];
                unit[j] = 1;
                var (_, column) = function.Tangent(point, unit);
                for (var i = 0; i < m; i++)
                {
                    Assert.Equal(column[i], jacobian[i * n + j], 1e-13);
                }
            }

            for (var i = 0; i < m; i++)
            {
                var unit = new double[m];
                unit[i] = 1;
                var (_, row) = function.Vjp(point, unit);
                for (var j = 0; j < n; j++)
                {
                    Assert.Equal(row[j], jacobian[i * n + j], 1e-13);
                }
            }
        }
    }

    [Fact]
    public void Softmax_JacobianIsTheTextbookOne()
    {
        // ∂yᵢ/∂zⱼ = yᵢ(δᵢⱼ − yⱼ).
        double[] z = { 0.5, -1, 2, 0, 1.5 };
        var y = new double[5];
        var jacobian = new double[25];
        Outputs.SoftmaxJacobian(z, y, jacobian);
        for (var i = 0; i < 5; i++)
        {
            for (var j = 0; j < 5; j++)
            {
                Assert.Equal(y[i] * ((i == j ? 1 : 0) - y[j]), jacobian[i * 5 + j], 1e-15);
            }
        }
    }

    [Fact]
    public void WrongLengths_ThrowNamingTheSpan()
    {
        var jacobian = Assert.Throws<ArgumentException>(() => Outputs.SoftmaxJacobian(new double[3], new double[3], new double[8]));
        Assert.Equal("jacobian", jacobian.ParamName);
        Assert.Contains("length 9 (3 outputs × 3 inputs), not 8", jacobian.Message);
        var weights = Assert.Throws<ArgumentException>(() => Outputs.SoftmaxVjp(new double[3], new double[3], new double[2], new double[3]));
        Assert.Equal("uy", weights.ParamName);
        var tangent = Assert.Throws<ArgumentException>(() => Outputs.SoftmaxTangent(new double[3], new double[3], new double[3], new double[4]));
        Assert.Equal("ty", tangent.ParamName);
    }

    [Fact]
    public void DerivativeMethods_DoNotAllocate()
    {
        var z = SpanTangentTests.RandomVector(50, 1);
        var t = SpanTangentTests.RandomVector(50, 2);
        var (y, ty, dz) = (new double[50], new double[50], new double[50]);
        var jacobian = new double[2500];
        var affine = new double[50 * 51];
        // The first calls rent the pool's arrays; after that every call gives back what it rents.
        Outputs.SoftmaxTangent(z, y, t, ty);
        Outputs.SoftmaxVjp(z, y, t, dz);
        Outputs.SoftmaxJacobian(z, y, jacobian);
        Outputs.AffineJacobian(z, 0.5, y, affine);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 20; i++)
        {
            Outputs.SoftmaxTangent(z, y, t, ty);
            Outputs.SoftmaxVjp(z, y, t, dz);
            Outputs.SoftmaxJacobian(z, y, jacobian);
            Outputs.AffineJacobian(z, 0.5, y, affine);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
