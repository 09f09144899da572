namespace SymDiff.Generator.Model;

/// <summary>
/// A loop nested in another loop's body that the outer loop's backward body runs again: its node in
/// the outer <see cref="LoopModel.Body"/> and in <see cref="LoopModel.Reverse"/>.
/// </summary>
internal readonly record struct InnerLoopModel(int InBody, int InReverse);
