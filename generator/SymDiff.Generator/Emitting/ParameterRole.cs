namespace SymDiff.Generator.Emitting;

/// <summary>What a parameter of a generated member carries.</summary>
internal enum ParameterRole
{
    /// <summary>A source parameter, as the source method takes it.</summary>
    Primal,

    /// <summary>A derivative written out: ∂F/∂x (<c>dx</c>), or (H·v) at x (<c>hvx</c>).</summary>
    Adjoint,

    /// <summary>A direction of forward mode: the tangent of an input (<c>tx</c>).</summary>
    Direction,

    /// <summary>The weight of an output in a vector–Jacobian product (<c>u</c>).</summary>
    Cotangent,

    /// <summary>The adjoint of the result that a pullback scales by (<c>seed</c>).</summary>
    Seed,

    /// <summary>A span the member fills as a whole (a Hessian, a Jacobian, a Jacobian–vector product).</summary>
    Buffer,
}
