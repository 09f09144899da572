namespace SymDiff.Generator.Model;

/// <summary>The namespace and the chain of types (outermost first) that a generated member goes into.</summary>
internal sealed record ContainingTypeModel(string Namespace, EquatableArray<TypeHeaderModel> Types)
{
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
