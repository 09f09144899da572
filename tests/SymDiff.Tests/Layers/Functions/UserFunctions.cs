namespace SymDiff.Tests.Layers.Functions;

/// <summary>A user's own differentiable functions, hooked into layers and losses through structs.</summary>
public static partial class UserFunctions
{
    /// <summary>Swish <c>x·σ(x)</c>, written without the runtime's sigmoid.</summary>
    [Differentiable]
    public static double Swish(double x) => x / (1 + Math.Exp(-x));

    /// <summary>The log-cosh loss <c>ln cosh(p − t)</c>.</summary>
    [Differentiable]
    public static double LogCosh(double prediction, double target) => Math.Log(Math.Cosh(prediction - target));

    /// <summary>The Huber loss with δ = 1, a branch on the residual.</summary>
    [Differentiable]
    public static double Huber(double prediction, double target)
    {
        var r = prediction - target;
        if (Math.Abs(r) <= 1)
        {
            return 0.5 * r * r;
        }

        return Math.Abs(r) - 0.5;
    }
}
