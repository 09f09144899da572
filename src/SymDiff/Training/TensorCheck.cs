namespace SymDiff.Training;

/// <summary>The worst disagreement between analytic and numeric derivatives within one tensor (see <see cref="GradientCheck"/>).</summary>
/// <param name="Name">The tensor, e.g. <c>layer 0 Dense(3, 2) weights</c>, <c>input</c> or <c>x</c>.</param>
/// <param name="Checks">Number of comparisons made: one per element, or one per random direction.</param>
/// <param name="WorstRelativeError">The largest <c>|a − n| / max(|a|, |n|, floor)</c> over the comparisons.</param>
/// <param name="WorstIndex">The element (or direction) where it occurred.</param>
/// <param name="Analytic">The analytic derivative there (a directional derivative in direction mode).</param>
/// <param name="Numeric">The central finite difference there.</param>
public readonly record struct TensorCheck(string Name, int Checks, double WorstRelativeError, int WorstIndex, double Analytic, double Numeric);
