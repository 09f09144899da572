namespace SymDiff.Generator.Model;

/// <summary>The namespace and the chain of types (outermost first) that a generated member goes into.</summary>
internal sealed record ContainingTypeModel(string Namespace, EquatableArray<TypeHeaderModel> Types)
{
    /// <summary>How code inside one of its nested types names it: <c>global::Ns.Outer.Inner&lt;T&gt;</c>.</summary>
    public string Reference
        => "global::" + string.Join(".", (Namespace.Length == 0 ? Array.Empty<string>() : new[] { Namespace }).Concat(Types.Select(t => t.Name + t.TypeParameters)));

    /// <summary>Ordinal sort key and hint-name stem: <c>Ns.Outer.Inner`1</c>.</summary>
    public string QualifiedName
    {
        get
        {
            var name = Namespace;
            foreach (var type in Types)
            {
                var arity = type.TypeParameters.Length == 0 ? "" : "`" + (type.TypeParameters.Split(',').Length);
                name = name.Length == 0 ? type.Name + arity : name + "." + type.Name + arity;
            }

            return name;
        }
    }
}
