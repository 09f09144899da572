namespace SymDiff.Generator.Emitting;

/// <summary>Where the iterations of one inner loop record, or read, the results of its own inner loops.</summary>
/// <param name="Tape">The recording loop's tape.</param>
/// <param name="Base">Where the current iteration of the recording loop starts.</param>
/// <param name="Entry">The inner loop and what it records.</param>
internal sealed record DeepSlots(string Tape, IntExpr Base, DeepRecording.Entry Entry)
{
    /// <summary>The type of the tape, for a loop to slice it (see <see cref="InductionVariables.Element"/>).</summary>
    public static (string SpanType, bool IsArray) Span { get; } = ("global::System.Span<double>", false);

    /// <summary>Where on the tape value <paramref name="k"/> of the inner loop's current iteration is.</summary>
    public IntExpr Index(int k)
    {
        var iteration = DeepRecording.Iteration(Entry.Loop);
        var at = IntExpr.Sum(Base, Entry.Width == 1 ? iteration : iteration * IntExpr.Constant(Entry.Width));
        return k == 0 ? at : at + k;
    }

    /// <summary>Value <paramref name="k"/> of the inner loop's current iteration, read or written in the scope of <paramref name="inductions"/>.</summary>
    public string Slot(int k, InductionVariables inductions) => inductions.Element(Tape, Index(k), Span);
}
