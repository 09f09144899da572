namespace SymDiff.Generator.Model;

/// <summary>Mirror of <c>SymDiff.DerivativeModes</c>: which methods to generate.</summary>
[System.Flags]
internal enum DerivativeModes
{
    Gradient = 1,
    Tangent = 2,
    Hessian = 4,
    HessianVector = 8,
}
