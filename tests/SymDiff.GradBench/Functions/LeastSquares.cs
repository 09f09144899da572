namespace SymDiff.GradBench.Functions;

/// <summary>GradBench's llsq eval: a degree m − 1 polynomial fitted to the sign function at n points of [−1, 1].</summary>
public static partial class LeastSquares
{
    /// <summary>
    /// ½ Σᵢ (sᵢ − Σⱼ xⱼ tᵢʲ)² with tᵢ = −1 + 2i/(n − 1) and sᵢ = sign(tᵢ). The powers tᵢʲ are built by repeated
    /// multiplication, as GradBench's reference does, so the numbers round the same way.
    /// </summary>
    [Differentiable]
    public static double Primal(ReadOnlySpan<double> x, int n)
    {
        var sum = 0.0;
        for (int i = 0; i < n; i++)
        {
            var t = -1.0 + 2.0 * i / (n - 1);
            double sign = Math.Sign(t);
            var fit = 0.0;
            var power = 1.0;
            for (int j = 0; j < x.Length; j++)
            {
                fit += x[j] * power;
                power *= t;
            }

            var residual = sign - fit;
            sum += residual * residual;
        }

        return 0.5 * sum;
    }
}
