using System.Globalization;

namespace SymDiff.Generator.Emitting;

/// <summary>
/// Slices that one loop reads or writes elements through: <c>icf[ik * n + j]</c> inside the loop over j becomes
/// <c>s0[j]</c>, with <c>s0</c> the span from <c>ik * n</c> on, taken once before the loop. The address is then the
/// loop's variable alone, as in code written by hand, and the JIT can drop the bounds checks of a loop it clones.
/// </summary>
/// <remarks>
/// A slice is taken only where the offset and the variable are never negative while an element is read (see
/// <see cref="InductionVariables.Element"/>), so the slice's own bounds check throws exactly where the source's
/// would. Before the loop, where it may run no iteration, an offset out of range gives an empty slice instead of
/// an exception: <c>o &gt;= 0 &amp;&amp; o &lt;= x.Length ? x.Slice(o) : default</c>.
/// </remarks>
internal sealed class ElementSlices
{
    private static readonly IReadOnlyDictionary<string, string> NoSpans = new Dictionary<string, string>();

    private readonly IReadOnlyDictionary<string, string> _spans;
    private readonly Func<string, bool> _isInvariant;
    private readonly string _prefix;
    private readonly Dictionary<(string Vector, bool IsRow, IntExpr Start), string> _byStart = new();
    private readonly List<Let> _declarations = new();

    private ElementSlices(IReadOnlyDictionary<string, string> spans, Func<string, bool> isInvariant, string prefix)
    {
        _spans = spans;
        _isInvariant = isInvariant;
        _prefix = prefix;
    }

    /// <summary>Nothing is sliced.</summary>
    public static ElementSlices None { get; } = new(NoSpans, _ => false, "");

    /// <summary>Outside every loop: which vectors are spans (name, span type), and which names no statement assigns.</summary>
    public static ElementSlices Root(IReadOnlyDictionary<string, string> spans, Func<string, bool> isInvariant) => new(spans, isInvariant, "");

    /// <summary>The slices of a loop inside this scope, named <paramref name="prefix"/> and a number.</summary>
    public ElementSlices Enter(string prefix) => new(_spans, _isInvariant, prefix);

    /// <summary>Whether no statement assigns <paramref name="name"/>.</summary>
    public bool IsInvariant(string name) => _isInvariant(name);

    /// <summary>How <paramref name="vector"/> is sliced: a span of the root's, or a table or record of the generated code; null when it is not.</summary>
    public (string SpanType, bool IsArray, bool IsGenerated)? Source(string vector, (string SpanType, bool IsArray)? generated)
        => generated is { } own ? (own.SpanType, own.IsArray, true)
            : _spans.TryGetValue(vector, out var type) ? (type, false, false)
            : null;

    /// <summary>The slice of <paramref name="vector"/> from <paramref name="start"/> on, declared before the loop on first use.</summary>
    public string Slice(string vector, (string SpanType, bool IsArray, bool IsGenerated) source, IntExpr start)
    {
        if (!IsNew((vector, false, start), out var name))
        {
            return name;
        }

        OptimizationRemarks.Report(OptimizationPass.Slicing, vector + " is read from " + start + " on through the slice " + name);
        var at = start.ToString();
        if (start.Op != IntOp.Name)
        {
            at = name + "_at";
            // Checked as the source's: a wrapped offset could land in range and read the wrong element silently.
            _declarations.Add(new Let("int", at, Code.Of(start)));
        }

        var inRange = at + " >= 0 && " + at + " <= " + vector + ".Length";
        _declarations.Add(new Let(source.SpanType, name, inRange + " ? " + SliceOf(vector, source, at, length: null) + " : default"));
        return name;
    }

    /// <summary>The first row taken (see <see cref="Row"/>), whose length the others take; null before.</summary>
    public string? FirstRow { get; private set; }

    /// <summary>
    /// The row of <paramref name="vector"/> from <paramref name="start"/>, <paramref name="count"/> elements long for the
    /// first row and as long as the first for the others, declared before the loop on first use. Unlike
    /// <see cref="Slice"/>'s, its bounds are not checked ahead: the caller knows them in range.
    /// </summary>
    public string Row(string vector, (string SpanType, bool IsArray, bool IsGenerated) source, IntExpr start, IntExpr count)
    {
        if (!IsNew((vector, true, start), out var name))
        {
            return name;
        }

        OptimizationRemarks.Report(OptimizationPass.Rows, vector + " is read in rows from " + start + " through " + name);
        var length = FirstRow is { } first ? first + ".Length" : count.ToString();
        FirstRow ??= name;
        _declarations.Add(new Let(source.SpanType, name, SliceOf(vector, source, start.ToString(), length)));
        return name;
    }

    /// <summary>Whether <paramref name="key"/> is taken for the first time; <paramref name="name"/> is its slice's.</summary>
    private bool IsNew((string Vector, bool IsRow, IntExpr Start) key, out string name)
    {
        if (_byStart.TryGetValue(key, out name!))
        {
            return false;
        }

        name = _prefix + _byStart.Count.ToString(CultureInfo.InvariantCulture);
        _byStart.Add(key, name);
        return true;
    }

    /// <summary>The span of <paramref name="vector"/> from <paramref name="start"/>, <paramref name="length"/> long or to its end.</summary>
    private static string SliceOf(string vector, (string SpanType, bool IsArray, bool IsGenerated) source, string start, string? length)
        => source.IsArray
            ? "new " + source.SpanType + "(" + vector + ", " + start + ", " + (length ?? vector + ".Length - " + start) + ")"
            : vector + ".Slice(" + start + (length is null ? "" : ", " + length) + ")";

    /// <summary>The declarations to write before the loop's header.</summary>
    public IEnumerable<Let> Declarations() => _declarations;
}
