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
        CheckUses(program.Statements, outside, new List<string>());
    }

    /// <summary>
    /// Walks <paramref name="statements"/> in order: each read must be visible where it stands. Names declared are added
    /// to <paramref name="visible"/> and to <paramref name="declared"/>, the current scope's, which its caller takes out
    /// again when the scope ends (no name is declared twice, which <see cref="Check"/> saw to).
    /// </summary>
    private static void CheckUses(IEnumerable<Statement> statements, HashSet<string> visible, List<string> declared)
    {
        foreach (var statement in statements)
        {
            if (statement is Block place)
            {
                CheckUses(place.Statements, visible, declared);
                continue;
            }

            foreach (var code in Reads(statement))
            {
                Require(code, visible);
            }

            foreach (var name in DeclaredBy(statement).Select(Normalized))
            {
                if (visible.Add(name))
                {
                    declared.Add(name);
                }
            }

            foreach (var (body, own) in ScopesOf(statement))
            {
                var inner = new List<string>();
                if (own is not null && visible.Add(Normalized(own)))
                {
                    inner.Add(Normalized(own));
                }

                CheckUses(body.Statements, visible, inner);
                visible.ExceptWith(inner);
            }
        }
    }

    private static void Require(Code code, HashSet<string> visible)
    {
        string? missing = null;
        if (code.AnyRead(name => !visible.Contains(missing = name)))
        {
            throw new InvalidOperationException("The lowered program reads " + missing + " where it is not declared.");
        }
    }

    private static void Check(Block scope, HashSet<string> outer, string? own = null)
    {
        var declared = new HashSet<string>();
        foreach (var name in (own is null ? Enumerable.Empty<string>() : new[] { own }).Concat(Declarations(scope)).Select(Normalized))
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
        => scope.Statements.SelectMany(statement => statement is Block place ? Declarations(place) : DeclaredBy(statement));

    /// <summary>The scopes directly inside <paramref name="scope"/> (through its places), with the name each declares on entry.</summary>
    private static IEnumerable<(Block Body, string? Own)> NestedScopes(Block scope)
        => scope.Statements.SelectMany(statement => statement is Block place ? NestedScopes(place) : ScopesOf(statement));

    /// <summary>The names <paramref name="statement"/> declares in the scope it stands in.</summary>
    private static IEnumerable<string> DeclaredBy(Statement statement) => statement switch
    {
        Let let => new[] { let.Name },
        CodeLine line => line.Declares,
        Rent { Buffer.Count: { } count } rent => new[] { count, rent.Buffer.Array },
        Rent rent => new[] { rent.Buffer.Array },
        _ => Array.Empty<string>(),
    };

    /// <summary>The code <paramref name="statement"/> itself reads (not the statements nested in it).</summary>
    private static IEnumerable<Code> Reads(Statement statement) => statement switch
    {
        Let { Value: { } value } => new[] { value },
        CodeLine line => new[] { line.Code },
        Store store => new[] { store.Target, store.Value },
        Return result => new[] { result.Value },
        Release release => new[] { Code.Name(release.Buffer.Array) },
        If branch => new[] { branch.Condition },
        Braced braced => new[] { braced.Header },
        Loop loop => new[] { Code.Of(loop.Start), Code.Of(loop.End) },
        _ => Array.Empty<Code>(),
    };

    /// <summary>The scopes <paramref name="statement"/> opens, each with the name it declares on entry (a loop's variable).</summary>
    private static IEnumerable<(Block Body, string? Own)> ScopesOf(Statement statement)
        => statement.Bodies.Select(body => (body, statement is Loop loop ? loop.Index : null));

    private static string Normalized(string name) => name.TrimStart('@');
}
