namespace SymDiff.Generator.Lowering;

/// <summary>
/// Checks a lowered program's declarations before it is printed: no local is declared twice in one scope, or in a scope
/// nested in another that declares it, or with a parameter's name (C#'s CS0128 and CS0136); and every name a statement
/// is known to read is declared before it, in its scope or one around it, or comes from outside (CS0103, CS0841). A
/// program that fails is a generator bug, reported as one, not code that does not compile.
/// </summary>
/// <remarks>
/// In C#, a local's scope is its whole block, the statements before its declaration included, so each block's own
/// declarations are gathered before its nested blocks are checked against them. A <see cref="Block"/> inside a block is
/// a place in it, not a scope; a braced body and a loop are scopes.
/// </remarks>
internal static class DeclarationCheck
{
    /// <exception cref="InvalidOperationException">A name is declared where it is already in scope, or read where it is not declared.</exception>
    /// <param name="parameters">The names the program may read without declaring them: the method's parameters, and
    /// the locals the code around the program declares.</param>
    public static void Run(Block program, IEnumerable<string> parameters)
    {
        var outside = new HashSet<string>(parameters.Select(Normalized));
        Check(program, outside);
        // Check left outside as it found it.
        CheckUses(program.Statements, outside, new List<string>());
    }

    /// <summary>
    /// Walks <paramref name="statements"/> in order: each read must be visible where it stands. Names declared are added
    /// to <paramref name="visible"/> and to <paramref name="declared"/>, the current scope's, which its caller takes out
    /// again when the scope ends (no name is declared twice, which <see cref="Check"/> saw to).
    /// </summary>
    private static void CheckUses(IEnumerable<Statement> statements, HashSet<string> visible, List<string> declared)
    {
        void Declare(string? name)
        {
            if (name is not null && visible.Add(Normalized(name)))
            {
                declared.Add(Normalized(name));
            }
        }

        foreach (var statement in statements)
        {
            switch (statement)
            {
                case Block place:
                    CheckUses(place.Statements, visible, declared);
                    break;
                case Let let:
                    Require(let.Value, visible);
                    Declare(let.Name);
                    break;
                case CodeLine line:
                    Require(line.Code, visible);
                    foreach (var name in line.Declares)
                    {
                        Declare(name);
                    }

                    break;
                case Store store:
                    Require(store.Target, visible);
                    Require(store.Value, visible);
                    break;
                case Return result:
                    Require(result.Value, visible);
                    break;
                case Rent rent:
                    Declare(rent.Buffer.Count);
                    Declare(rent.Buffer.Array);
                    break;
                case Release release:
                    Require(Code.Name(release.Buffer.Array), visible);
                    break;
                case If branch:
                    Require(branch.Condition, visible);
                    Scope(branch.Then, visible, null);
                    if (branch.Else is { } otherwise)
                    {
                        Scope(otherwise, visible, null);
                    }

                    break;
                case Braced braced:
                    Require(braced.Header, visible);
                    Scope(braced.Body, visible, null);
                    break;
                case Loop loop:
                    Require(Code.Of(loop.Start), visible);
                    Require(Code.Of(loop.End), visible);
                    Scope(loop.Body, visible, loop.Index);
                    break;
            }
        }
    }

    /// <summary>A nested scope: its names (and <paramref name="own"/>, a loop's variable) are visible in it only.</summary>
    private static void Scope(Block body, HashSet<string> visible, string? own)
    {
        var declared = new List<string>();
        if (own is not null && visible.Add(Normalized(own)))
        {
            declared.Add(Normalized(own));
        }

        CheckUses(body.Statements, visible, declared);
        visible.ExceptWith(declared);
    }

    private static void Require(Code? code, HashSet<string> visible)
    {
        string? missing = null;
        if (code is not null && code.AnyRead(name => !visible.Contains(missing = name)))
        {
            throw new InvalidOperationException("The lowered program reads " + missing + " where it is not declared.");
        }
    }

    private static void Check(Block scope, HashSet<string> outer, IEnumerable<string>? own = null)
    {
        var declared = new HashSet<string>();
        foreach (var name in (own ?? Enumerable.Empty<string>()).Concat(Declarations(scope)).Select(Normalized))
        {
            if (outer.Contains(name) || !declared.Add(name))
            {
                throw new InvalidOperationException("The lowered program declares " + name + " where it is already in scope.");
            }
        }

        // In scope for the nested scopes, and out again after: none of them was in scope before.
        outer.UnionWith(declared);
        foreach (var (body, names) in NestedScopes(scope))
        {
            Check(body, outer, names);
        }

        outer.ExceptWith(declared);
    }

    /// <summary>The names the statements of <paramref name="scope"/> declare in it, its places included.</summary>
    private static IEnumerable<string> Declarations(Block scope)
    {
        foreach (var statement in scope.Statements)
        {
            switch (statement)
            {
                case Let let:
                    yield return let.Name;
                    break;
                case CodeLine line:
                    foreach (var name in line.Declares)
                    {
                        yield return name;
                    }

                    break;
                case Rent rent:
                    if (rent.Buffer.Count is { } count)
                    {
                        yield return count;
                    }

                    yield return rent.Buffer.Array;
                    break;
                case Block place:
                    foreach (var name in Declarations(place))
                    {
                        yield return name;
                    }

                    break;
            }
        }
    }

    /// <summary>The scopes directly inside <paramref name="scope"/> (through its places), with the names each declares on entry.</summary>
    private static IEnumerable<(Block Body, IEnumerable<string>? Names)> NestedScopes(Block scope)
    {
        foreach (var statement in scope.Statements)
        {
            switch (statement)
            {
                case Braced braced:
                    yield return (braced.Body, null);
                    break;
                case If branch:
                    yield return (branch.Then, null);
                    if (branch.Else is { } otherwise)
                    {
                        yield return (otherwise, null);
                    }

                    break;
                case Loop loop:
                    yield return (loop.Body, new[] { loop.Index });
                    break;
                case Block place:
                    foreach (var nested in NestedScopes(place))
                    {
                        yield return nested;
                    }

                    break;
            }
        }
    }

    private static string Normalized(string name) => name.TrimStart('@');
}
