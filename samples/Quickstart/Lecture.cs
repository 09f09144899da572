using SymDiff;

namespace Quickstart;

/// <summary>The worked examples of the backpropagation lectures SymDiff grew from.</summary>
public static partial class Lecture
{
    /// <summary>f(x, y) = x³(x + 3y). Its tangent and Hessian are generated too.</summary>
    [Differentiable(Modes = DerivativeModes.Tangent | DerivativeModes.Hessian)]
    public static double F(double x, double y) => x * x * x * (x + 3 * y);

    /// <summary>g(x1, x2) = (2·x1 + 3·x2)² + 3.</summary>
    [Differentiable]
    public static double G(double x1, double x2) => Math.Pow(2 * x1 + 3 * x2, 2) + 3;

    /// <summary>A sigmoid neuron σ(w0·x0 + w1·x1 + w2).</summary>
    [Differentiable]
    public static double Neuron(double w0, double x0, double w1, double x1, double w2)
    {
        var z = w0 * x0 + w1 * x1 + w2;
        return 1.0 / (1.0 + Math.Exp(-z));
    }

    /// <summary>The Huber loss of a residual r: quadratic within δ of zero, linear outside it.</summary>
    [Differentiable]
    public static double Huber(double r, double delta)
    {
        double loss;
        if (Math.Abs(r) <= delta)
        {
            loss = 0.5 * r * r;
        }
        else
        {
            loss = delta * (Math.Abs(r) - 0.5 * delta);
        }

        return loss;
    }
}
