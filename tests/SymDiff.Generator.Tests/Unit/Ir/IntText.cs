using SymDiff.Generator.Emitting;
using SymDiff.Generator.Ir;

namespace SymDiff.Generator.Tests.Unit.Ir;

/// <summary>
/// The unit tests' shorthand: indices and bounds written as C# text, read into the integer IR as the parser would
/// build them (<see cref="IntExprTests.Parse"/>), for the emitters' classes that take IR.
/// </summary>
internal static class IntText
{
    public static IntExpr E(string text) => IntExprTests.Parse(text);

    public static InductionVariables Enter(this InductionVariables scope, string variable, string start, string end, bool backward, string[] indices, string prefix, bool linear = false)
        => scope.Enter(variable, E(start), E(end), backward, indices.Select(E), prefix, linear);

    public static InductionVariables EnterRows(this InductionVariables scope, string variable, string start, string end, string[] indices, string prefix, string counter, Func<string, string, bool> isRow)
        => scope.EnterRows(variable, E(start), E(end), indices.Select(E), prefix, counter, (vector, index) => isRow(vector, index.ToString()));

    public static string Index(this InductionVariables scope, string index) => scope.Index(E(index));

    public static string Element(this InductionVariables scope, string vector, string index, (string SpanType, bool IsArray)? generated = null)
        => scope.Element(vector, E(index), generated);
}
