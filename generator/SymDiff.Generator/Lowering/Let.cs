namespace SymDiff.Generator.Lowering;

/// <summary>A local declared, with its first value or (<see cref="Value"/> null) none yet.</summary>
internal sealed class Let : Statement
{
    public Let(string type, string name, Code? value)
    {
        Type = type;
        Name = name;
        Value = value;
    }

    /// <summary>A local whose first value was built as plain text, whose reads are not known.</summary>
    public Let(string type, string name, string? value)
        : this(type, name, value is null ? null : Code.Plain(value))
    {
    }

    public string Type { get; }

    public string Name { get; }

    public Code? Value { get; }
}
