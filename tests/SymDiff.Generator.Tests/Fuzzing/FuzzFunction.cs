namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>
/// A compiled <c>[Differentiable]</c> method and its generated derivatives, as functions of one flat point, called
/// by reflection. <see cref="PointChecker"/> only calls it, so it checks any method, whatever its source holds.
/// </summary>
internal abstract class FuzzFunction
{
    public abstract int Inputs { get; }

    /// <summary>Where the point lies, as a prefix of a failure ("at n = 3, "), or empty.</summary>
    public virtual string Where => "";

    /// <summary>The half-width of the box the points are drawn from.</summary>
    public virtual double Spread => 1.0;

    /// <summary>Whether the function has <c>NameHessianVector</c> (a method writing an output vector has none).</summary>
    public virtual bool HasHessianVector => true;

    /// <summary>Whether the function has a full <c>NameHessian</c>, to compare H·v with.</summary>
    public virtual bool HasHessian => false;

    /// <summary>The name of input <paramref name="p"/>.</summary>
    public abstract string Describe(int p);

    public abstract double Value(double[] point);

    public abstract (double Value, double[] Partials) Gradient(double[] point);

    public abstract (double Value, double Tangent) Tangent(double[] point, double[] direction);

    public abstract (double Value, double[] Gradient, double[] Hv) HessianVector(double[] point, double[] direction);

    /// <summary>The Hessian, row by row, when <see cref="HasHessian"/>.</summary>
    public virtual double[] Hessian(double[] point) => throw new NotSupportedException();

    /// <summary>
    /// False where central differences cannot resolve the partials although the value is moderate (an intermediate
    /// value above 1e6, as <see cref="GradientChecker"/> skips), when that can be known.
    /// </summary>
    public virtual bool Resolvable(double[] point) => true;

    /// <summary>
    /// True where the chain rule itself gives a non-finite partial on the path the source runs (IEEE ∞·0, as
    /// <see cref="TakenPathDerivative"/> shows), when that can be known.
    /// </summary>
    public virtual bool NonFiniteByChainRule(double[] point, int p) => false;
}
