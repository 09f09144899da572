namespace SymDiff.Generator.Emitting;

/// <summary>One optimization applied: in which generated member, which, and where (as LLVM's <c>-Rpass</c> reports).</summary>
internal readonly record struct OptimizationRemark(string Member, OptimizationPass Pass, string Detail)
{
    public override string ToString() => Member + ": " + Pass + ": " + Detail;
}

/// <summary>
/// Collects the remarks of the optimizations applied while one type's file is emitted. The optimizations report
/// where they decide, deep inside the emitters, so the collector is ambient to the emitting thread; it goes once
/// each optimization is a pass over the lowered IR that returns its remarks.
/// </summary>
internal static class OptimizationRemarks
{
    [ThreadStatic]
    private static List<OptimizationRemark>? _sink;

    [ThreadStatic]
    private static string? _member;

    /// <summary>Collects into <paramref name="sink"/> until disposed.</summary>
    public static IDisposable Collect(List<OptimizationRemark> sink)
    {
        var (previous, member) = (_sink, _member);
        _sink = sink;
        return new Restore(() => (_sink, _member) = (previous, member));
    }

    /// <summary>Attributes the remarks to <paramref name="member"/> until disposed.</summary>
    public static IDisposable InMember(string member)
    {
        var previous = _member;
        _member = member;
        return new Restore(() => _member = previous);
    }

    /// <summary>Reports that <paramref name="pass"/> applied; the same remark twice in a member (a body written twice) counts once.</summary>
    public static void Report(OptimizationPass pass, string detail)
    {
        if (_sink is { } sink)
        {
            var remark = new OptimizationRemark(_member ?? "", pass, detail);
            if (!sink.Contains(remark))
            {
                sink.Add(remark);
            }
        }
    }

    /// <summary>
    /// <paramref name="remarks"/> member by member, as the members were emitted, and within a member in the order of
    /// the passes (<see cref="OptimizationPass"/>), not in the order the lowering happened to reach them.
    /// </summary>
    public static IEnumerable<OptimizationRemark> InPipelineOrder(IReadOnlyList<OptimizationRemark> remarks)
    {
        var members = remarks.Select(remark => remark.Member).Distinct().ToList();
        return remarks.OrderBy(remark => members.IndexOf(remark.Member)).ThenBy(remark => remark.Pass);
    }

    private sealed class Restore : IDisposable
    {
        private Action? _undo;

        public Restore(Action undo) => _undo = undo;

        public void Dispose()
        {
            _undo?.Invoke();
            _undo = null;
        }
    }
}
