namespace SymDiff.Generator.Model;

/// <summary>A frozen <c>for</c> loop: bounds, body, and the body's vector–Jacobian product for the backward sweep.</summary>
/// <param name="Index">The loop variable.</param>
/// <param name="Start">First index.</param>
/// <param name="End">Index bound (exclusive).</param>
/// <param name="StateNames">Source names of the loop-carried variables.</param>
/// <param name="Body">The body: parameters are the carried values then the captured ones; values are the carried values after one iteration.</param>
/// <param name="Reverse">The body's VJP: parameters are carried, captured, then the adjoints of the new carried values; outputs are the adjoints of the carried values, then of the captured ones, then of each element read (see <paramref name="ReverseElements"/>).</param>
/// <param name="ReverseElements">For the outputs after carried and captured: the element node each is the adjoint of, in <paramref name="Reverse"/>.</param>
/// <param name="NeedsTape">Whether the backward sweep reads the carried values, which the forward sweep must then record.</param>
internal sealed record LoopModel(
    string Index,
    Ir.IntExpr Start,
    Ir.IntExpr End,
    EquatableArray<string> StateNames,
    DerivativeGraphModel Body,
    DerivativeGraphModel Reverse,
    EquatableArray<int> ReverseElements,
    bool NeedsTape)
{
    /// <summary>
    /// Body and backward body as one DAG (parameters as in <see cref="Reverse"/>; values the new carried
    /// values; outputs as Reverse's), for a loop whose backward sweep can run inside its forward one.
    /// </summary>
    public DerivativeGraphModel? Fused { get; init; }

    /// <summary>As <see cref="ReverseElements"/>, numbered in <see cref="Fused"/>.</summary>
    public EquatableArray<int> FusedElements { get; init; }

    /// <summary>The constant adjoints <see cref="Fused"/> was simplified with; empty when they are its parameters.</summary>
    public EquatableArray<double> FusedSeeds { get; init; }

    /// <summary>
    /// Whether the backward sweep's adjoints of the carried values never change from one iteration to
    /// the next (sums: <c>s += f(i)</c>) and it reads no carried value: then its iterations commute and
    /// can run in the forward loop, sharing its work.
    /// </summary>
    public bool IsAdditive { get; init; }

    /// <summary>Inner loops run both by the body and by the backward body, with no output writes.</summary>
    public EquatableArray<InnerLoopModel> InnerLoops { get; init; }

    /// <summary>Costly values computed by both the body and the backward body (see <see cref="KeptValueModel"/>).</summary>
    public EquatableArray<KeptValueModel> KeptValues { get; init; }
}
