namespace SymDiff.Generator.Tests.Fuzzing;

/// <summary>Where an injected form stands: at the top level of the method, in a branch, in a loop, in a loop in a loop.</summary>
internal enum FormContext
{
    TopLevel,
    Branch,
    Loop,
    NestedLoop,
}
