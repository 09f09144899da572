namespace SymDiff.Generator.Model;

/// <summary>
/// <c>for (int Index = Start; Index &lt; End; Index++) { Body }</c> with <c>int</c> bounds in the integer IR
/// (a <c>foreach</c> over a vector becomes one, its element a local of the body).
/// </summary>
internal sealed record ForStatementModel(string Index, Ir.IntExpr Start, Ir.IntExpr End, EquatableArray<StatementModel> Body) : StatementModel;
