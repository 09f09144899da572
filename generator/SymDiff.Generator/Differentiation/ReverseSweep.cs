namespace SymDiff.Generator.Differentiation;

/// <summary>What a backward sweep produced.</summary>
/// <param name="Targets">The adjoint of each target asked for.</param>
/// <param name="Effects">Backward loop nodes, which write gradient buffers and must be emitted.</param>
/// <param name="Elements">Each vector element read outside loops, with its adjoint, to add into its gradient buffer.</param>
internal sealed record ReverseSweep(int[] Targets, IReadOnlyList<int> Effects, IReadOnlyList<(int Element, int Adjoint)> Elements);
