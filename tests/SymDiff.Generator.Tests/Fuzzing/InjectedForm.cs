namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>
/// A form users write, injected into a random method by <see cref="FormInjector"/>. Some are refused (in some context
/// or for some kind of method) and must be diagnosed where they stand; the others (<see cref="AscendingFor"/>,
/// <see cref="IfElse"/>, and the forms supported since, such as <see cref="Deconstruction"/>, <see cref="SwitchStatement"/>
/// or <see cref="IndexFromEnd"/>) are checked numerically in every context and mode.
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
