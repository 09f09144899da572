namespace SymDiff.Generator.Model;

/// <summary><c>return e;</c>, or <c>return (e1, ..., ek);</c> for a method returning a tuple of doubles.</summary>
internal sealed record ReturnStatementModel(EquatableArray<ExpressionModel> Values) : StatementModel
{
    public ReturnStatementModel(ExpressionModel value)
        : this(new[] { value }.ToEquatableArray())
    {
    }
}
