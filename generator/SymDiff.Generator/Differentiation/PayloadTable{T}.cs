namespace SymDiff.Generator.Differentiation;

/// <summary>Values a node's payload numbers (its symbol, its callee): each stored once, numbered in the order first asked for.</summary>
internal sealed class PayloadTable<T>
    where T : notnull
{
    private readonly List<T> _values = new();
    private readonly Dictionary<T, int> _numbers = new();

    public IReadOnlyList<T> Values => _values;

    public T this[int number] => _values[number];

    /// <summary>The number of <paramref name="value"/>, added if new.</summary>
    public int NumberOf(T value)
    {
        if (!_numbers.TryGetValue(value, out var number))
        {
            number = _values.Count;
            _values.Add(value);
            _numbers.Add(value, number);
        }

        return number;
    }
}
