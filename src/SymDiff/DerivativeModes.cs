using System;

namespace SymDiff;

/// <summary>Which derivative methods the generator adds for a <see cref="DifferentiableAttribute"/> method.</summary>
[Flags]
public enum DerivativeModes
{
    /// <summary><c>NameGradient(p1..pn, out dp1..dpn)</c>: value and gradient by reverse mode. Always generated.</summary>
    Gradient = 1,

    /// <summary><c>NameTangent(p1..pn, t1..tn, out tangent)</c>: value and directional derivative by forward mode.</summary>
    Tangent = 2,

    /// <summary><c>NameHessian(p1..pn, gradient, hessian)</c>: value, gradient and the exact symmetric Hessian.</summary>
    Hessian = 4,

    /// <summary>
    /// <c>NameHessianVector(p1..pn, v1..vn, gradient outputs, product outputs)</c>: value, gradient and the
    /// Hessian–vector product H·v without forming H, for vectors too large for an n×n Hessian.
    /// </summary>
    HessianVector = 8,

    /// <summary>Every mode.</summary>
    All = Gradient | Tangent | Hessian | HessianVector,
}
