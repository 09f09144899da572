namespace SymDiff.GradBench.Functions;

/// <summary>
/// GradBench's ba eval (ADBench's bundle adjustment): the weighted reprojection error of one observation, and the
/// weight's error. A camera is [r₀ r₁ r₂ | C₀ C₁ C₂ | f | u₀ v₀ | κ₁ κ₂]: an angle-axis rotation, the centre, the focal
/// length, the principal point and the radial distortion.
/// </summary>
public static partial class BundleAdjustment
{
    /// <summary>
    /// w·(q − feat), q the projection of point x by camera cam: x − C rotated by r (Rodrigues' formula; its first-order
    /// form at r = 0, whose derivative in r is the exact rotation's there), divided by its depth, distorted radially,
    /// scaled by f and moved by (u₀, v₀).
    /// </summary>
    [Differentiable]
    public static void Reprojection(ReadOnlySpan<double> cam, ReadOnlySpan<double> x, double w, ReadOnlySpan<double> feat, Span<double> error)
    {
        var px = x[0] - cam[3];
        var py = x[1] - cam[4];
        var pz = x[2] - cam[5];
        var r0 = cam[0];
        var r1 = cam[1];
        var r2 = cam[2];
        var theta2 = r0 * r0 + r1 * r1 + r2 * r2;
        double cx, cy, cz;
        if (theta2 != 0)
        {
            var theta = Math.Sqrt(theta2);
            var n0 = r0 / theta;
            var n1 = r1 / theta;
            var n2 = r2 / theta;
            var cos = Math.Cos(theta);
            var sin = Math.Sin(theta);
            var along = (n0 * px + n1 * py + n2 * pz) * (1 - cos);
            cx = px * cos + (n1 * pz - n2 * py) * sin + n0 * along;
            cy = py * cos + (n2 * px - n0 * pz) * sin + n1 * along;
            cz = pz * cos + (n0 * py - n1 * px) * sin + n2 * along;
        }
        else
        {
            cx = px + (r1 * pz - r2 * py);
            cy = py + (r2 * px - r0 * pz);
            cz = pz + (r0 * py - r1 * px);
        }

        var u = cx / cz;
        var v = cy / cz;
        var rho = u * u + v * v;
        var distortion = 1 + cam[9] * rho + cam[10] * rho * rho;
        error[0] = w * (cam[6] * u * distortion + cam[7] - feat[0]);
        error[1] = w * (cam[6] * v * distortion + cam[8] - feat[1]);
    }

    /// <summary>1 − w²: how far the observation's weight is from 1.</summary>
    [Differentiable]
    public static double WeightError(double w) => 1 - w * w;
}
