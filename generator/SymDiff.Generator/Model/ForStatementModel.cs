namespace SymDiff.Generator.Model;

/// <summary>
/// <c>for (int Index = Start; Index &lt; End; Index++) { Body }</c> with <c>int</c> bounds given as C# text
/// (a <c>foreach</c> over a vector becomes one, its element a local of the body).
/// </summary>
internal sealed record ForStatementModel(string Index, string Start, string End, EquatableArray<StatementModel> Body) : StatementModel;
