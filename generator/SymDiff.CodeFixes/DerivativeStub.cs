using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SymDiff.CodeFixes;

/// <summary>
/// The text of a <c>[DerivativeOf]</c> method for a function <c>double F(double p1, ..., double pn)</c>, for its
/// user to fill in: <c>double FDerivative(double x)</c> for one parameter, and
/// <c>double FDerivative(p1..pn, out double dp1..dpn)</c> (the value and its partials) for more.
/// Its body throws until it is written, so that a forgotten stub cannot pass for a derivative.
/// </summary>
internal static class DerivativeStub
{
    /// <summary>Whether SymDiff can take a derivative of <paramref name="method"/> from a [DerivativeOf] method: static, double of doubles by value.</summary>
    public static bool IsDoubleFunction(IMethodSymbol method)
        => method.IsStatic && !method.IsGenericMethod && method.Parameters.Length > 0
            && method.ReturnType.SpecialType == SpecialType.System_Double && !method.ReturnsByRef
            && method.Parameters.All(p => p.Type.SpecialType == SpecialType.System_Double && p.RefKind == RefKind.None);

    /// <param name="function">The function to give a derivative.</param>
    /// <param name="name">The stub's name.</param>
    /// <param name="model">For type names as short as the code at <paramref name="position"/> allows.</param>
    /// <param name="position">Where the stub goes.</param>
    /// <param name="indent">The indentation of the stub's lines.</param>
    /// <param name="endOfLine">The file's line ending.</param>
    public static string Text(IMethodSymbol function, string name, SemanticModel model, int position, string indent, string endOfLine)
    {
        var attribute = ShortName(model, position, "SymDiff.DerivativeOfAttribute");
        attribute = attribute.EndsWith("Attribute", System.StringComparison.Ordinal) ? attribute.Substring(0, attribute.Length - "Attribute".Length) : attribute;
        var exception = ShortName(model, position, "System.NotSupportedException");
        var type = function.ContainingType.ToMinimalDisplayString(model, position);

        var values = function.Parameters.Select(p => p.Name).ToList();
        var parameters = values.Select(v => "double " + Escaped(v)).ToList();
        if (values.Count > 1)
        {
            var taken = new HashSet<string>(values);
            foreach (var value in values)
            {
                var partial = "d" + value;
                while (!taken.Add(partial))
                {
                    partial = "d" + partial;
                }

                parameters.Add("out double " + Escaped(partial));
            }
        }

        var text = new StringBuilder()
            .Append(indent).Append('[').Append(attribute).Append("(typeof(").Append(type).Append("), nameof(").Append(type).Append('.').Append(function.Name).Append("))]").Append(endOfLine)
            .Append(indent).Append("internal static double ").Append(name).Append('(').Append(string.Join(", ", parameters)).Append(')').Append(endOfLine)
            .Append(indent).Append("    => throw new ").Append(exception).Append("(\"Write the derivative of ").Append(function.Name).Append("\");").Append(endOfLine);
        return text.ToString();
    }

    private static string ShortName(SemanticModel model, int position, string metadataName)
        => model.Compilation.GetTypeByMetadataName(metadataName) is { } symbol ? symbol.ToMinimalDisplayString(model, position) : "global::" + metadataName;

    private static string Escaped(string name) => SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None && SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.None ? name : "@" + name;
}
