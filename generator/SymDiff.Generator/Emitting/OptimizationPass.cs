namespace SymDiff.Generator.Emitting;

/// <summary>
/// The optimizations that report remarks, named with the field's terms, in the order of the pipeline that
/// docs/architecture.md describes; a member's remarks are listed in this order.
/// </summary>
internal enum OptimizationPass
{
    /// <summary>A loop whose adjoint iterations commute runs its backward sweep inside its forward one.</summary>
    LoopFusion,

    /// <summary>Values the backward sweep reads, recorded per iteration by the forward pass.</summary>
    Tape,

    /// <summary>Costly values both sweeps compute, recorded once instead of recomputed.</summary>
    Cache,

    /// <summary>Results of inner loops recorded per iteration, so the backward sweep does not run them again.</summary>
    InnerLoopRecord,

    /// <summary>Results of inner loops of inner loops, recorded one level down.</summary>
    DeepRecord,

    /// <summary>A later loop reads an earlier loop's record of the same inner loops.</summary>
    SharedRecord,

    /// <summary>A costly value that does not change with the top-level loop, tabulated once.</summary>
    InvariantTable,

    /// <summary>Arithmetic on elements that an inner loop computes for every outer iteration, tabulated once.</summary>
    HoistedValueTable,

    /// <summary>A table kept for every iteration of a forward loop, which a later sweep reads.</summary>
    IterationTable,

    /// <summary>An inner sum's element adjoints accumulated per index in a table, added once after the sweep.</summary>
    AdjointAccumulation,

    /// <summary>An inner sum's sweep deferred and run as a nest with the loops interchanged.</summary>
    LoopInterchange,

    /// <summary>A fused loop's writes at <c>i + c</c> and <c>i + c + 1</c> go through a local carried to the next iteration.</summary>
    ScalarReplacement,

    /// <summary>A polynomial index kept in a running local advanced by its differences.</summary>
    StrengthReduction,

    /// <summary>A part of an index that does not change in a loop, computed before it.</summary>
    LoopInvariantCodeMotion,

    /// <summary>Elements at an offset from the loop variable read through a slice taken before the loop.</summary>
    Slicing,

    /// <summary>Elements read as rows of a slice, the loop running a counter from 0.</summary>
    Rows,

    /// <summary>A tape or table rented once before the top-level loop instead of on each of its iterations.</summary>
    AllocationHoisting,
}
