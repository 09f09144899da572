namespace SymDiff.Generator.Tests.Census;

/// <summary>
/// A method a sample is put in: <c>var s = x; [context] { sample } return result;</c>. A sample may read and
/// assign <c>x</c>, <c>s</c> and the template's other parameters, and must leave its effect in <c>s</c>.
/// </summary>
/// <param name="Name">Shown in failures.</param>
/// <param name="Modifiers">Before the return type (<c>unsafe</c>).</param>
/// <param name="Parameters">The parameter list.</param>
/// <param name="Modes">The <c>Modes</c> requested: every mode the signature allows.</param>
/// <param name="Result">The returned expression.</param>
/// <param name="Arity">How many doubles a point has (a vector's elements one by one).</param>
/// <param name="ScalarIndex">Where <c>x</c> (the branch's condition) is in a point.</param>
/// <param name="Inputs">A point's array as the method's arguments.</param>
/// <param name="Outputs">An array as the gradient's output arguments.</param>
internal sealed record CensusTemplate(
    string Name,
    string Modifiers,
    string Parameters,
    string Modes,
    string Result,
    int Arity,
    int ScalarIndex,
    Func<string, string> Inputs,
    Func<string, string> Outputs)
{
    public static readonly CensusTemplate Scalar = new(
        "scalar", "", "double x, double y", "DerivativeModes.All", "s * y", 2, 0, a => a + "[0], " + a + "[1]", a => "out " + a + "[0], out " + a + "[1]");

    /// <summary>For calls, which second derivatives cannot go through yet (SD2007).</summary>
    public static readonly CensusTemplate FirstOrder = Scalar with { Name = "first-order scalar", Modes = "DerivativeModes.Tangent" };

    /// <summary>For pointer forms, which only an unsafe method can hold.</summary>
    public static readonly CensusTemplate Unsafe = Scalar with { Name = "unsafe scalar", Modifiers = "unsafe " };

    /// <summary>For element forms (<c>v[^1]</c>, ranges, <c>v.Length</c>); a full Hessian needs double parameters (SD1009).</summary>
    public static readonly CensusTemplate Vector = new(
        "vector", "", "ReadOnlySpan<double> v, double x", "DerivativeModes.Tangent | DerivativeModes.HessianVector", "s * v[1]", 4, 3,
        a => a + ".AsSpan(0, 3), " + a + "[3]", a => a + ".AsSpan(0, 3), out " + a + "[3]");

    public bool HasHessian => Modes == "DerivativeModes.All";

    public bool HasHessianVector => HasHessian || Modes.Contains("HessianVector", StringComparison.Ordinal);

    /// <summary>The method <c>M</c> of the census type <paramref name="type"/>, around <paramref name="body"/>.</summary>
    public string Method(string type, string body) => Prefix(type) + body + "return " + Result + ";\n}\n}\n";

    /// <summary>The text before the body.</summary>
    public string Prefix(string type)
        => "public static partial class " + type + "\n{\n[Differentiable(Modes = " + Modes + ")]\npublic static " + Modifiers + "double M(" + Parameters + ")\n{\nvar s = x;\n";

    /// <summary>Array entry points to <paramref name="type"/>'s <c>M</c> and its generated methods, for the numeric checks.</summary>
    public string Adapter(string adapter, string type)
    {
        var hessian = HasHessian
            ? "public static double H(double[] p, double[] g, double[] h) => " + type + ".MHessian(" + Inputs("p") + ", g, h);\n"
            : "";
        return "public static class " + adapter + "\n{\n"
            + "public static double F(double[] p) => " + type + ".M(" + Inputs("p") + ");\n"
            + "public static double G(double[] p, double[] g) => " + type + ".MGradient(" + Inputs("p") + ", " + Outputs("g") + ");\n"
            + "public static double T(double[] p, double[] t, double[] r) => " + type + ".MTangent(" + Inputs("p") + ", " + Inputs("t") + ", out r[0]);\n"
            + (HasHessianVector ? "public static double HV(double[] p, double[] v, double[] g, double[] hv) => " + type + ".MHessianVector(" + Inputs("p") + ", " + Inputs("v") + ", " + Outputs("g") + ", " + Outputs("hv") + ");\n" : "")
            + hessian + "}\n";
    }
}
