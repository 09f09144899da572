namespace SymDiff.Generator.Tests.Census;

/// <summary>Where a sample is put in its method: every form is tried in each of these.</summary>
[Flags]
internal enum CensusContexts
{
    None = 0,
    TopLevel = 1,
    InBranch = 2,
    InLoop = 4,
    InNestedLoop = 8,
    OutsideLoops = TopLevel | InBranch,
    All = TopLevel | InBranch | InLoop | InNestedLoop,
}
