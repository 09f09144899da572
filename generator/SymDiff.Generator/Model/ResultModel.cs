namespace SymDiff.Generator.Model;

/// <summary>What a <c>[Differentiable]</c> method returns: one double, a tuple of doubles, or nothing (it writes output vectors).</summary>
/// <param name="TypeText">The C# return type: <c>double</c>, <c>(double, double)</c> or <c>(double Sum, double Product)</c>.</param>
/// <param name="Names">Each output's name: the tuple element's name (<c>Item1</c> when unnamed), or the method's name.</param>
internal sealed record ResultModel(string TypeText, EquatableArray<string> Names)
{
    public static ResultModel Scalar(string methodName, string type = "double") => new(type, new[] { methodName }.ToEquatableArray());

    /// <summary>A <c>void</c> method writing output vectors.</summary>
    public static ResultModel Void { get; } = new("void", EquatableArray<string>.Empty);

    public bool IsTuple => TypeText.StartsWith("(");

    public bool IsVoid => TypeText == "void";

    public int Count => Names.Count;

    /// <summary>Output <paramref name="index"/>'s name for derived names (<c>uSum</c>): the element's name, or its position from 1 when unnamed.</summary>
    public string Stem(int index)
        => Names[index].StartsWith("Item") ? (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : Names[index];
}
