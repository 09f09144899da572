using System.Globalization;

namespace SymDiff.Generator.Emitting;

/// <summary>
/// The <c>int</c> parts of indices that one loop's header computes for the loops inside it (<c>ix * d</c> in
/// <c>x[ix * d + j]</c> inside the loop over j, <c>ik * (d * (d + 1) / 2)</c>), each once instead of on every
/// inner iteration.
/// </summary>
/// <remarks>
/// Parts are named as the loop's body is written and declared when it closes, in the order named; after that
/// the loop takes no more (an index written later is left as it is).
/// </remarks>
internal sealed class HoistedProducts
{
    private readonly string _prefix;
    private readonly Dictionary<(bool Expanded, IntExpr Code), string> _names = new();
    private readonly List<(string Name, string Code)> _declared = new();

    public HoistedProducts(string prefix) => _prefix = prefix;

    /// <summary>Whether the loop has closed: its declarations are written.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>The local holding <paramref name="code"/>, named on first use.</summary>
    /// <param name="expanded">
    /// Whether <paramref name="code"/> is a term of an expanded polynomial, computed <c>unchecked</c> as the running
    /// locals are (in a build with overflow checks it may overflow where the source's factored form does not), rather
    /// than a part of an index as the source writes it, computed as the source computes it.
    /// </param>
    public string Name(IntExpr code, bool expanded)
    {
        if (!_names.TryGetValue((expanded, code), out var name))
        {
            name = _prefix + _declared.Count.ToString(CultureInfo.InvariantCulture);
            _names.Add((expanded, code), name);
            _declared.Add((name, expanded ? "unchecked(" + code + ")" : code.ToString()));
        }

        return name;
    }

    /// <summary>The declarations to write before the loop's header; closes the loop to new parts.</summary>
    public IReadOnlyList<Let> Close()
    {
        IsClosed = true;
        foreach (var (name, code) in _declared)
        {
            OptimizationRemarks.Report(OptimizationPass.LoopInvariantCodeMotion, code + " is computed before the loop, in " + name);
        }

        return _declared.Select(d => new Let("int", d.Name, d.Code)).ToList();
    }
}
