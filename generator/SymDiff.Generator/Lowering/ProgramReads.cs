namespace SymDiff.Generator.Lowering;

/// <summary>What a part of the lowered program reads: the use side of its def-use information.</summary>
internal static class ProgramReads
{
    /// <summary>
    /// Whether <paramref name="statements"/> may read <paramref name="name"/>: some statement reads it, or some statement's
    /// reads are not known (it was built as plain text).
    /// </summary>
    public static bool MayRead(IEnumerable<Statement> statements, string name)
        => statements.Any(statement => MayRead(statement, name));

    private static bool MayRead(Statement statement, string name) => statement switch
    {
        Block block => MayRead(block.Statements, name),
        CodeLine line => line.Code.MayRead(name),
        Separator => false,
        Let let => let.Value?.MayRead(name) == true,
        If branch => branch.Condition.MayRead(name) || MayRead(branch.Then.Statements, name) || (branch.Else is { } otherwise && MayRead(otherwise.Statements, name)),
        Store store => store.Target.MayRead(name) || store.Value.MayRead(name),
        Return result => result.Value.MayRead(name),
        Braced braced => braced.Header.MayRead(name) || MayRead(braced.Body.Statements, name),
        Loop loop => Code.Of(loop.Start).MayRead(name) || Code.Of(loop.End).MayRead(name) || MayRead(loop.Body.Statements, name),
        Rent rent => Code.Plain(rent.Length).MayRead(name),
        Release release => Code.Name(release.Buffer.Array).MayRead(name),
        _ => true,
    };
}
