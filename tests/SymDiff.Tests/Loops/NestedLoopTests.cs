using SymDiff.Tests.Infrastructure;

namespace SymDiff.Tests.Loops;

/// <summary>A matrix–vector product inside a loop: wᵀ·tanh(A·x), A row-major in a flat span.</summary>
public static partial class Layered
{
    [Differentiable]
    public static double Layer(ReadOnlySpan<double> a, ReadOnlySpan<double> x, ReadOnlySpan<double> w)
    {
        var total = 0.0;
        for (int i = 0; i < w.Length; i++)
        {
            var row = 0.0;
            for (int j = 0; j < x.Length; j++)
            {
                row += a[i * x.Length + j] * x[j];
            }

            total += w[i] * Math.Tanh(row);
        }

        return total;
    }
}

public sealed class NestedLoopTests
{
    [Fact]
    public void MatrixVectorProductInALoop_MatchesHandDerivedBackpropagation()
    {
        var random = new Random(4);
        double[] Vector(int n) => Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var (rows, columns) = (4, 3);
        var a = Vector(rows * columns);
        var x = Vector(columns);
        var w = Vector(rows);
        var (da, dx, dw) = (new double[a.Length], new double[columns], new double[rows]);
        var value = Layered.LayerGradient(a, x, w, da, dx, dw);

        // y = A·x, h = tanh(y): ∂/∂w = h, ∂/∂y = w ∘ (1 − h²), ∂/∂A = (∂/∂y)·xᵀ, ∂/∂x = Aᵀ·(∂/∂y).
        var expectedValue = 0.0;
        var expected = (A: new double[a.Length], X: new double[columns], W: new double[rows]);
        for (var i = 0; i < rows; i++)
        {
            var y = Enumerable.Range(0, columns).Sum(j => a[i * columns + j] * x[j]);
            var h = Math.Tanh(y);
            expectedValue += w[i] * h;
            expected.W[i] = h;
            var dy = w[i] * (1 - h * h);
            for (var j = 0; j < columns; j++)
            {
                expected.A[i * columns + j] = dy * x[j];
                expected.X[j] += dy * a[i * columns + j];
            }
        }

        Assert.Equal(expectedValue, value, 1e-13);
        GradientAssert.Close(expected.A, da, 1e-12, 1e-14);
        GradientAssert.Close(expected.X, dx, 1e-12, 1e-14);
        GradientAssert.Close(expected.W, dw, 1e-12, 1e-14);
    }
}
