using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SymDiff.Generator.Emitting;

/// <summary>
/// The <c>int</c> products one loop's header computes for the indices inside it, read in every iteration (<c>ix * d</c> in
/// <c>x[ix * d + j]</c>, <c>ik * (d * (d + 1) / 2)</c>), each once instead of on every inner iteration.
/// </summary>
/// <remarks>
/// Products are named as the loop's body is written and declared when it closes, in the order named; after
/// that the loop takes no more (an index written later is left as it is).
/// </remarks>
internal sealed class HoistedProducts
{
    private readonly string _prefix;
    private readonly Dictionary<string, string> _names = new(System.StringComparer.Ordinal);
    private readonly List<(string Name, string Code)> _declared = new();

    public HoistedProducts(string prefix) => _prefix = prefix;

    /// <summary>Whether the loop has closed: its declarations are written.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>The local holding <paramref name="code"/>, named on first use.</summary>
    public string Name(string code)
    {
        if (!_names.TryGetValue(code, out var name))
        {
            name = _prefix + _declared.Count.ToString(CultureInfo.InvariantCulture);
            _names.Add(code, name);
            _declared.Add((name, code));
        }

        return name;
    }

    /// <summary>The declarations to write before the loop's header; closes the loop to new products.</summary>
    public IReadOnlyList<string> Close()
    {
        IsClosed = true;
        // unchecked, as the running locals are: computed ahead, a product runs even where the source's branch would not.
        return _declared.Select(d => "int " + d.Name + " = unchecked(" + d.Code + ");").ToList();
    }
}
