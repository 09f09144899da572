namespace SymDiff.Generator.Emitting;

/// <summary>
/// The names a generated member already uses (its source parameters, the graph's own parameters, the source's locals)
/// and those it has given out: a new name avoids them all, so no two parameters of a generated signature clash.
/// </summary>
internal sealed class NamingScope
{
    private readonly HashSet<string> _taken;

    public NamingScope(IEnumerable<string> taken) => _taken = new HashSet<string>(taken.Select(Bare), StringComparer.Ordinal);

    /// <summary>The scope of a member generated from <paramref name="graph"/>: its parameters and the source's locals are taken.</summary>
    public static NamingScope Of(MethodModel method, DerivativeGraphModel graph)
        => new(method.Parameters.Concat(graph.Parameters).Concat(graph.NameHints.Where(h => h.Length > 0)));

    /// <summary>
    /// <paramref name="stem"/> when it is free, else the first free one of <c>__stem</c>, <c>___stem</c>, …; taken from now on.
    /// </summary>
    public string Fresh(string stem)
    {
        var name = stem;
        while (!_taken.Add(Bare(name)))
        {
            name = (name == stem ? "__" : "_") + name;
        }

        return name;
    }

    // @x and x are the same identifier.
    private static string Bare(string name) => name.TrimStart('@');
}
