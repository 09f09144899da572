namespace SymDiff.Generator.Emitting;

/// <summary>
/// The signature of one generated member: the source's parameters, then those the member adds, each with a role
/// and a shape, named in one <see cref="NamingScope"/>. It writes the declaration and the length checks of the
/// spans that must match a vector.
/// </summary>
internal sealed class MemberSignature
{
    private readonly List<SignatureParameter> _parameters = new();

    public MemberSignature(MethodModel method, DerivativeGraphModel graph, string suffix)
    {
        Method = method;
        Suffix = suffix;
        Names = NamingScope.Of(method, graph);
        for (var i = 0; i < method.Parameters.Count; i++)
        {
            _parameters.Add(new SignatureParameter(method.Parameters[i], ParameterRole.Primal, method.Kind(i), i, method.TypeOf(i)));
        }
    }

    public MethodModel Method { get; }

    /// <summary>The member's name after the method's: <c>Gradient</c>, <c>Tangent</c>, ...</summary>
    public string Suffix { get; }

    public NamingScope Names { get; }

    public IReadOnlyList<SignatureParameter> Parameters => _parameters;

    /// <summary>The member's name, <c>FGradient</c>.</summary>
    public string Member => Method.Name + Suffix;

    /// <summary>Adds a parameter named <paramref name="name"/> (already free in <see cref="Names"/>) for source parameter <paramref name="source"/> (-1 for none).</summary>
    public SignatureParameter Add(ParameterRole role, string name, int source = -1, string? type = null)
    {
        var shape = source < 0 ? ParameterKind.Scalar : Method.Kind(source);
        var parameter = new SignatureParameter(name, role, shape, source, type ?? TypeOf(role, shape));
        _parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Adds a parameter named <paramref name="stem"/>, or a fresh name from it.</summary>
    public SignatureParameter AddFresh(ParameterRole role, string stem, int source = -1, string? type = null) => Add(role, Names.Fresh(stem), source, type);

    /// <summary>Adds forward mode's directions: the graph's parameters after the source's, one per differentiable input.</summary>
    public List<SignatureParameter> AddDirections(DerivativeGraphModel graph)
        => TangentEmitter.Directions(Method, graph).Select(d => Add(ParameterRole.Direction, d.Name, d.Parameter)).ToList();

    /// <summary><c>[access] static R FSuffix&lt;T&gt;(parameters) where T : ...</c>.</summary>
    public string Declaration(string returnType) => Method.Declaration(Suffix, returnType, _parameters.Select(p => p.Declaration));

    /// <summary>For each of <paramref name="parameters"/> that is a span for a vector: throws unless it has its vector's length.</summary>
    public void CheckLengths(SourceWriter writer, IEnumerable<SignatureParameter> parameters)
    {
        foreach (var parameter in parameters.Where(p => p.IsVector && p.Source >= 0))
        {
            LengthChecks.SameAs(writer, Member, parameter.Code, Identifier.Escape(Method.Parameters[parameter.Source]));
        }
    }

    /// <summary>For a vector input: the gradient buffer each adjoint parameter of it is, for the body to add element adjoints into.</summary>
    public List<(string Vector, string Buffer)> Buffers(IEnumerable<SignatureParameter> adjoints)
        => adjoints.Where(p => p.Shape == ParameterKind.Vector).Select(p => (Method.Parameters[p.Source], p.Code)).ToList();

    private string TypeOf(ParameterRole role, ParameterKind shape)
    {
        var scalar = Method.Scalar;
        var vector = shape is ParameterKind.Vector or ParameterKind.Output;
        return role switch
        {
            ParameterRole.Adjoint => vector ? "global::System.Span<" + scalar + ">" : "out " + scalar,
            ParameterRole.Direction => vector ? "global::System.ReadOnlySpan<" + scalar + ">" : scalar,
            ParameterRole.Cotangent => vector ? "global::System.ReadOnlySpan<" + scalar + ">" : scalar,
            ParameterRole.Buffer => "global::System.Span<" + scalar + ">",
            _ => scalar,
        };
    }
}
