namespace SymDiff.Generator.Emitting;

/// <summary>
/// The tapes of loops nested in one loop of the method's top level that are rented once, before it, and
/// given back after it, instead of on each of its iterations. Only a tape whose length reads nothing but
/// the method's parameters (<c>x.Length</c>, <c>d</c>) and literals qualifies: a loop index or a local of
/// an enclosing loop could change from one iteration to the next.
/// </summary>
internal sealed class HoistedTapes
{
    private readonly HashSet<string> _parameters;

    /// <param name="parameters">The parameters of the method's top-level DAG, which its body never assigns.</param>
    public HoistedTapes(IEnumerable<string> parameters)
        => _parameters = new HashSet<string>(parameters.Select(p => p.TrimStart('@')));

    /// <summary>
    /// When the top-level loop's body runs at least once (its branch's condition and a nonempty range), or null when
    /// always. A length that divides is computed only then: the source evaluates an inner loop's bounds only when
    /// it gets there, and <c>z.Length / m</c> after <c>if (m == 0) return 0;</c> must not throw before it.
    /// </summary>
    public string? RunsWhen { get; init; }

    /// <summary>The rentals of the hoisted buffers, in the order they were asked for.</summary>
    public List<Rent> Rentals { get; } = new();

    /// <summary>The hoisted buffers, to give back after the loop.</summary>
    public IEnumerable<PooledBuffer> Rented => Rentals.Select(rental => rental.Buffer);

    /// <summary>Whether <paramref name="array"/> is the array of a hoisted buffer.</summary>
    public bool IsRented(string array) => Rentals.Any(rental => rental.Buffer.Array == array);

    /// <summary>
    /// Whether a tape of <paramref name="size"/> values for a loop from <paramref name="start"/> to <paramref name="end"/>
    /// is hoisted; if so, records the rental of <paramref name="buffer"/>. Names are unique in a method, but should one
    /// be rented again (a body written twice, in sibling blocks), the array is shared.
    /// </summary>
    /// <param name="around">The ranges of the loops the tape's loop is in, the top-level loop's first. A length that divides
    /// is computed only when those between the top-level loop and this one run too; when their bounds read more than
    /// the method's parameters, the tape is not hoisted.</param>
    public bool TryHoist(IntExpr start, IntExpr end, IntExpr size, PooledBuffer buffer, IReadOnlyList<(IntExpr Start, IntExpr End)> around)
    {
        var (rented, count, role) = (buffer.Array, buffer.Count!, buffer.Role);
        if (!IsInvariant(start) || !IsInvariant(end))
        {
            return false;
        }

        var middle = around.Skip(1).ToList();
        if (!size.Divides || middle.Count == 0)
        {
            return Rent(size, rented, count, role);
        }

        if (!middle.All(range => IsInvariant(range.Start) && IsInvariant(range.End)))
        {
            return false;
        }

        var runs = string.Join(" && ", new[] { RunsWhen }.Where(c => c is not null).Concat(middle.Select(range => range.Start + " < " + range.End)));
        return Rent(size, rented, count, role, runs);
    }

    /// <summary>
    /// Whether an array of <paramref name="size"/> values (code that must read only the method's parameters) is
    /// rented before the loop as <paramref name="rented"/>, its length in <paramref name="count"/>.
    /// </summary>
    public bool TryHoist(IntExpr size, string rented, string count, BufferRole role)
        => IsInvariant(size) && Rent(IntExpr.MaxOf(IntExpr.Zero, size), rented, count, role);

    /// <summary>
    /// <paramref name="size"/>, or 0 where <paramref name="runsWhen"/> does not hold if it divides by a variable
    /// (<see cref="IntExpr.Divides"/>): the only way a length that reads nothing but parameters and literals can
    /// throw, overflow checks aside.
    /// </summary>
    public static string Guarded(IntExpr size, string? runsWhen)
        => runsWhen is null || !size.Divides ? size.ToString() : "(" + runsWhen + " ? " + size + " : 0)";

    /// <summary>Whether an array of <paramref name="size"/> values could be rented before the loop: the size reads only the method's parameters.</summary>
    public bool CanHoist(IntExpr size) => IsInvariant(size);

    /// <summary>Whether <paramref name="value"/> reads only the method's parameters (and literals, and lengths of its vectors).</summary>
    public bool IsInvariant(IntExpr value) => value.ReadsOnly(_parameters);

    private bool Rent(IntExpr size, string rented, string count, BufferRole role, string? runsWhen = null)
    {
        var length = Guarded(size, runsWhen ?? RunsWhen);
        if (IsRented(rented))
        {
            return Rentals.Any(rental => rental.Buffer.Count == count && rental.Length == length);
        }

        Rentals.Add(new Rent(new PooledBuffer(rented, count, role), length));
        return true;
    }
}
