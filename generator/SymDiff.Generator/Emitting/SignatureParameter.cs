namespace SymDiff.Generator.Emitting;

/// <summary>
/// One parameter of a generated member: its name, its role, its shape (that of <see cref="Source"/>, the source
/// parameter it goes with, or -1 for none) and its C# type with any modifier (<c>out double</c>).
/// </summary>
internal sealed record SignatureParameter(string Name, ParameterRole Role, ParameterKind Shape, int Source, string Type)
{
    /// <summary>The name as code (<c>@in</c>).</summary>
    public string Code => Identifier.Escape(Name);

    public string Declaration => Type + " " + Code;

    public bool IsVector => Shape is ParameterKind.Vector or ParameterKind.Output;
}
