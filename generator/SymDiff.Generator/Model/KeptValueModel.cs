namespace SymDiff.Generator.Model;

/// <summary>
/// A costly value (a <c>Math</c> call such as <c>Exp</c>) that a loop's body computes and its backward body
/// computes again from the same operands: its node in the outer <see cref="LoopModel.Body"/> and in
/// <see cref="LoopModel.Reverse"/>.
/// </summary>
internal readonly record struct KeptValueModel(int InBody, int InReverse);
