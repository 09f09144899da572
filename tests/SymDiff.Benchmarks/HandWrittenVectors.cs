namespace SymDiff.Benchmarks;

/// <summary>Hand-written reverse passes for the span benchmarks: the practical limit for the generated code.</summary>
public static class HandWrittenVectors
{
    /// <summary>
    /// One pass: term i touches x[i] and x[i+1], so ∂/∂x[i] = (carry from term i − 1) − 400·a·x[i] − 2b,
    /// and the carry to x[i+1] is 200a. Overwrites <paramref name="dx"/>.
    /// </summary>
    public static double RosenbrockGradient(ReadOnlySpan<double> x, Span<double> dx)
    {
        if (dx.Length != x.Length)
        {
            throw new ArgumentException("dx must have x's length.", nameof(dx));
        }

        if (x.Length == 0)
        {
            return 0.0;
        }

        var sum = 0.0;
        var carry = 0.0;
        for (var i = 0; i < x.Length - 1; i++)
        {
            var xi = x[i];
            var a = x[i + 1] - (xi * xi);
            var b = 1.0 - xi;
            sum += (100.0 * a * a) + (b * b);
            dx[i] = carry - (400.0 * a * xi) - (2.0 * b);
            carry = 200.0 * a;
        }

        dx[^1] = carry;
        return sum;
    }

    /// <summary>
    /// max + log Σ exp(x[i] − max) and its gradient, the softmax exp(x[i] − max) / Σ: the exponentials go
    /// straight into <paramref name="dx"/> and are scaled once the sum is known. The shift's own derivative
    /// is exactly 0 (1 − Σ softmax), so no pass over the max. Overwrites <paramref name="dx"/>.
    /// </summary>
    public static double LogSumExpGradient(ReadOnlySpan<double> x, Span<double> dx)
    {
        if (dx.Length != x.Length || x.Length == 0)
        {
            throw new ArgumentException("x must not be empty, and dx must have its length.", nameof(dx));
        }

        var max = x[0];
        for (var i = 1; i < x.Length; i++)
        {
            max = Math.Max(max, x[i]);
        }

        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            var e = Math.Exp(x[i] - max);
            dx[i] = e;
            sum += e;
        }

        var inverse = 1.0 / sum;
        for (var i = 0; i < x.Length; i++)
        {
            dx[i] *= inverse;
        }

        return max + Math.Log(sum);
    }
}

/// <summary>
/// The ADBench GMM objective and its gradient by hand, following ADBench's gmm structure: per point,
/// the k main terms with their L·(x − μ) vectors, the softmax weights over the components, and the
/// reverse pass accumulated into ∂alphas, ∂means, ∂icf and ∂x; then the log-sum-exp of the alphas
/// and the Wishart prior. exp(diagonal) and Σ diagonal are computed once per component; scratch
/// buffers are allocated once per (k, d), so a call allocates nothing.
/// </summary>
public sealed class HandWrittenGmm
{
    private readonly int _k;
    private readonly int _d;
    private readonly double[] _expDiagonal;
    private readonly double[] _sumDiagonal;
    private readonly double[] _centered;
    private readonly double[] _qx;
    private readonly double[] _terms;
    private readonly double[] _dCentered;

    public HandWrittenGmm(int k, int d)
    {
        _k = k;
        _d = d;
        _expDiagonal = new double[k * d];
        _sumDiagonal = new double[k];
        _centered = new double[k * d];
        _qx = new double[k * d];
        _terms = new double[k];
        _dCentered = new double[d];
    }

    /// <summary>Same arguments and outputs as the generated <c>Vectors.GmmGradient</c>; overwrites the gradient buffers.</summary>
    public double Gradient(
        ReadOnlySpan<double> alphas,
        ReadOnlySpan<double> means,
        ReadOnlySpan<double> icf,
        ReadOnlySpan<double> x,
        double wishartGamma,
        double wishartM,
        Span<double> dalphas,
        Span<double> dmeans,
        Span<double> dicf,
        Span<double> dx,
        out double dgamma,
        out double dm)
    {
        var k = _k;
        var d = _d;
        var n = x.Length / d;
        var icfSize = d * (d + 1) / 2;
        dalphas.Clear();
        dmeans.Clear();
        dicf.Clear();
        dx.Clear();

        for (var ik = 0; ik < k; ik++)
        {
            var s = 0.0;
            for (var j = 0; j < d; j++)
            {
                var q = icf[(ik * icfSize) + j];
                s += q;
                _expDiagonal[(ik * d) + j] = Math.Exp(q);
            }

            _sumDiagonal[ik] = s;
        }

        var slse = 0.0;
        for (var ix = 0; ix < n; ix++)
        {
            var point = x.Slice(ix * d, d);

            // Forward: main terms alphas[k] + Σ q − ½|Qx|² and their maximum.
            var max = double.NegativeInfinity;
            for (var ik = 0; ik < k; ik++)
            {
                var mean = means.Slice(ik * d, d);
                var centered = _centered.AsSpan(ik * d, d);
                var qx = _qx.AsSpan(ik * d, d);
                var expDiagonal = _expDiagonal.AsSpan(ik * d, d);
                var lower = icf.Slice((ik * icfSize) + d, icfSize - d);
                for (var j = 0; j < d; j++)
                {
                    centered[j] = point[j] - mean[j];
                    qx[j] = expDiagonal[j] * centered[j];
                }

                // Strict lower triangle column by column: column i holds rows i+1..d−1.
                var offset = 0;
                for (var i = 0; i < d; i++)
                {
                    var ci = centered[i];
                    for (var j = i + 1; j < d; j++)
                    {
                        qx[j] += lower[offset++] * ci;
                    }
                }

                var squared = 0.0;
                for (var j = 0; j < d; j++)
                {
                    squared += qx[j] * qx[j];
                }

                var term = alphas[ik] + _sumDiagonal[ik] - (0.5 * squared);
                _terms[ik] = term;
                max = Math.Max(max, term);
            }

            var sum = 0.0;
            for (var ik = 0; ik < k; ik++)
            {
                var e = Math.Exp(_terms[ik] - max);
                _terms[ik] = e;
                sum += e;
            }

            slse += max + Math.Log(sum);

            // Reverse: ∂/∂term[k] = softmax weight w; ∂/∂Qx = −w·Qx.
            var inverse = 1.0 / sum;
            var dpoint = dx.Slice(ix * d, d);
            for (var ik = 0; ik < k; ik++)
            {
                var w = _terms[ik] * inverse;
                dalphas[ik] += w;
                var centered = _centered.AsSpan(ik * d, d);
                var qx = _qx.AsSpan(ik * d, d);
                var expDiagonal = _expDiagonal.AsSpan(ik * d, d);
                var lower = icf.Slice((ik * icfSize) + d, icfSize - d);
                var dicfK = dicf.Slice(ik * icfSize, icfSize);
                var dlower = dicfK.Slice(d);
                var dCentered = _dCentered.AsSpan();
                for (var j = 0; j < d; j++)
                {
                    var dq = -w * qx[j];
                    qx[j] = dq; // reuse: qx now holds ∂/∂Qx
                    var de = dq * expDiagonal[j];
                    dicfK[j] += w + (de * centered[j]);
                    dCentered[j] = de;
                }

                var offset = 0;
                for (var i = 0; i < d; i++)
                {
                    var ci = centered[i];
                    var acc = dCentered[i];
                    for (var j = i + 1; j < d; j++)
                    {
                        var dq = qx[j];
                        dlower[offset] += dq * ci;
                        acc += dq * lower[offset];
                        offset++;
                    }

                    dCentered[i] = acc;
                }

                var dmean = dmeans.Slice(ik * d, d);
                for (var j = 0; j < d; j++)
                {
                    dmean[j] -= dCentered[j];
                    dpoint[j] += dCentered[j];
                }
            }
        }

        // −n·logsumexp(alphas): ∂/∂alphas = −n·softmax(alphas).
        var alphaMax = double.NegativeInfinity;
        for (var ik = 0; ik < k; ik++)
        {
            alphaMax = Math.Max(alphaMax, alphas[ik]);
        }

        var alphaSum = 0.0;
        for (var ik = 0; ik < k; ik++)
        {
            alphaSum += Math.Exp(alphas[ik] - alphaMax);
        }

        var scale = n / alphaSum;
        for (var ik = 0; ik < k; ik++)
        {
            dalphas[ik] -= scale * Math.Exp(alphas[ik] - alphaMax);
        }

        // Wishart prior ½γ²(Σ exp(2q) + Σ l²) − m Σ q.
        var gamma2 = wishartGamma * wishartGamma;
        var exps = 0.0;
        var squares = 0.0;
        var diagonals = 0.0;
        for (var ik = 0; ik < k; ik++)
        {
            for (var j = 0; j < icfSize; j++)
            {
                var v = icf[(ik * icfSize) + j];
                if (j < d)
                {
                    var e = _expDiagonal[(ik * d) + j];
                    var e2 = e * e;
                    exps += e2;
                    diagonals += v;
                    dicf[(ik * icfSize) + j] += (gamma2 * e2) - wishartM;
                }
                else
                {
                    squares += v * v;
                    dicf[(ik * icfSize) + j] += gamma2 * v;
                }
            }
        }

        dgamma = wishartGamma * (exps + squares);
        dm = -diagonals;
        var prior = (0.5 * gamma2 * (exps + squares)) - (wishartM * diagonals);
        return (-n * d * 0.5 * Math.Log(2 * Math.PI)) + slse - (n * (alphaMax + Math.Log(alphaSum))) + prior;
    }
}
