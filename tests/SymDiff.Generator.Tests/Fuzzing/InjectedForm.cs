namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>
/// A form users write, injected into a random method by <see cref="FormInjector"/>. All but the last two are refused
/// today (in some context or for some kind of method); <see cref="AscendingFor"/> and <see cref="IfElse"/> are
/// supported, so that the numeric path of <see cref="RefusedFormFuzzTests"/> can be shown to work.
/// </summary>
internal enum InjectedForm
{
    ReturnInLoop,
    Break,
    Continue,
    While,
    DoWhile,
    Goto,
    DescendingFor,
    SteppedFor,
    SwitchStatement,
    SwitchExpression,
    Pattern,
    LocalFunction,
    Lambda,
    Throw,
    Try,
    Checked,
    Using,
    Tuple,
    Deconstruction,
    IndexFromEnd,
    LengthIndex,
    AscendingFor,
    IfElse,
}
