using System.Threading;

namespace SymDiff.Generator.Differentiation;

/// <summary>
/// Derive stage: builds the value DAG once, then the DAG of every requested mode on top of it —
/// reverse mode for the gradient, forward mode for the tangent, reverse over the gradient for the
/// Hessian — each pruned to what its outputs reach, so dead code is gone before anything is emitted.
/// </summary>
internal static class MethodDeriver
{
    public static DerivativesModel Derive(MethodModel method, CancellationToken cancellationToken)
        => Derive(method, EquatableArray<CustomDerivativeModel>.Empty, cancellationToken);

    /// <summary>A method that gets no code, its error being reported elsewhere (an uncovered call, recursion).</summary>
    public static DerivativesModel Skipped(MethodModel method)
        => new(method, null, null, null, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, "", null) { Unresolved = true };

    /// <param name="method">The method.</param>
    /// <param name="customDerivatives">Every <c>[DerivativeOf]</c> method of the compilation.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public static DerivativesModel Derive(MethodModel method, EquatableArray<CustomDerivativeModel> customDerivatives, CancellationToken cancellationToken)
    {
        try
        {
            DerivativesModel model;
            using (ExprGraph.Limit(MaxMethodGrowth))
            {
                model = DeriveCore(method, customDerivatives, cancellationToken);
            }

            if (method.Scalar == "double")
            {
                return model;
            }

            DerivativeGraphModel? Typed(DerivativeGraphModel? graph) => graph is null ? null : graph with { Scalar = method.Scalar };
            return model with
            {
                Gradient = Typed(model.Gradient),
                Tangent = Typed(model.Tangent),
                Hessian = Typed(model.Hessian),
                HessianVector = Typed(model.HessianVector),
                OutputVjp = Typed(model.OutputVjp),
                OutputTangent = Typed(model.OutputTangent),
            };
        }
        catch (DerivativeTooLargeException)
        {
            // Outside the per-mode budgets of DeriveScalar: building the method itself, or a tuple's or output method's derivatives.
            return Skipped(method) with { TooLarge = new[] { "Gradient" }.ToEquatableArray() };
        }
        catch (UnresolvedCallException)
        {
            // The call's SD2002 is reported by the diagnostics step; the method just gets no code.
            return Skipped(method);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new DerivativesModel(method, null, null, null, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, "", e.GetType().Name + ": " + e.Message);
        }
    }

    private static DerivativesModel DeriveCore(MethodModel method, EquatableArray<CustomDerivativeModel> customDerivatives, CancellationToken cancellationToken)
    {
        CalleeModel Resolve(CalleeModel callee)
        {
            if (callee.IsResolved)
            {
                return callee;
            }

            var custom = customDerivatives.FirstOrDefault(c => c.Key == callee.Key) ?? throw new UnresolvedCallException();
            return callee with { Form = custom.Form, DerivativeMethod = custom.DerivativeMethod };
        }

        if (method.Output.IsVoid)
        {
            return DeriveOutputs(method, Resolve, cancellationToken);
        }

        var graph = new ExprGraph();
        var g = new GraphAlgebra(graph);
        var hints = new Dictionary<int, string>();
        var literals = new Dictionary<int, string>();
        var parameters = method.Parameters;
        var values = GraphBuilder.Build(g, method, hints, literals, Resolve, cancellationToken);
        return method.Output.IsTuple
            ? DeriveVector(method, g, values, hints, literals, cancellationToken)
            : DeriveScalar(method, g, values[0], hints, literals, cancellationToken);
    }

    private static DerivativesModel DeriveScalar(MethodModel method, GraphAlgebra g, int value, Dictionary<int, string> hints, Dictionary<int, string> literals, CancellationToken cancellationToken)
    {
        var graph = g.Graph;
        var parameters = method.Parameters;
        var values = new[] { value };
        var scalars = Enumerable.Range(0, parameters.Count).Where(i => method.Kind(i) == ParameterKind.Scalar).Select(g.Parameter).ToArray();
        var tooLarge = new List<string>();
        int[] gradient = System.Array.Empty<int>();
        var gradientModel = Bounded("Gradient", tooLarge, () =>
        {
            var sweep = ReverseMode.Sweep(g, new[] { (value, g.One) }, scalars, cancellationToken);
            gradient = sweep.Targets;
            return GraphFreezer.Freeze(graph, parameters, hints, literals, values, gradient, sweep, cancellationToken).Model;
        });
        if (gradientModel is null)
        {
            return Skipped(method) with { TooLarge = tooLarge.ToEquatableArray() };
        }

        var tangentModel = !method.Modes.HasFlag(DerivativeModes.Tangent) ? null : Bounded("Tangent", tooLarge, () =>
        {
            var (direction, tangentNames) = DirectionParameters(method, g, "t");
            var (pushed, tangent) = ForwardMode.Push(g, values, direction, cancellationToken);
            return GraphFreezer.Freeze(graph, parameters.Concat(tangentNames).ToList(), hints, literals, pushed, tangent, cancellationToken: cancellationToken).Model;
        });
        var hessianVectorModel = !method.Modes.HasFlag(DerivativeModes.HessianVector) ? null : Bounded("HessianVector", tooLarge, () => HessianVector(method, g, value, hints, literals, cancellationToken));
        if (!method.IsScalar)
        {
            return Describe(method, gradientModel) with { Gradient = gradientModel, Tangent = tangentModel, HessianVector = hessianVectorModel, TooLarge = tooLarge.ToEquatableArray() };
        }

        var hessianModel = !method.Modes.HasFlag(DerivativeModes.Hessian) ? null : Bounded("Hessian", tooLarge, () =>
        {
            var n = parameters.Count;
            var entries = graph.Loops.Count > 0 ? HessianByColumns(g, value, n, cancellationToken) : HessianByRows(g, gradient, cancellationToken);
            return GraphFreezer.Freeze(graph, parameters, hints, literals, values, gradient.Concat(entries).ToList()).Model;
        });

        return Describe(method, gradientModel) with { Gradient = gradientModel, Tangent = tangentModel, Hessian = hessianModel, HessianVector = hessianVectorModel, TooLarge = tooLarge.ToEquatableArray() };
    }

    /// <summary>Nodes one generated method may hold, its loop bodies included: the largest real method seen (the GMM's H·v, about 700 lines) is well inside.</summary>
    internal const int MaxMethodNodes = 100_000;

    /// <summary>How many nodes the graphs (the method's and its loop bodies') may gain while one mode is derived, to bound the generator's time as well.</summary>
    private const int MaxGraphGrowth = 250_000;

    /// <summary>The same for the whole method, every mode included.</summary>
    private const int MaxMethodGrowth = 1_000_000;

    /// <summary>
    /// Derives one mode within the budgets; null, with <paramref name="mode"/> added to <paramref name="tooLarge"/>,
    /// when its graph or its frozen method outgrows them (SD2010): nested branches multiply the paths that second
    /// derivatives must cover, and a method of hundreds of thousands of lines would take minutes to compile and
    /// could overflow the stack when it runs.
    /// </summary>
    private static DerivativeGraphModel? Bounded(string mode, List<string> tooLarge, System.Func<DerivativeGraphModel> derive)
    {
        try
        {
            using (ExprGraph.Limit(MaxGraphGrowth))
            {
                var model = derive();
                if (Size(model) <= MaxMethodNodes)
                {
                    return model;
                }
            }
        }
        catch (DerivativeTooLargeException)
        {
        }

        tooLarge.Add(mode);
        return null;
    }

    /// <summary>The nodes of a generated method: its DAG and, in each loop, the body, backward body and fused body.</summary>
    private static int Size(DerivativeGraphModel model)
        => model.Nodes.Count + model.Loops.Sum(loop => Size(loop.Body) + Size(loop.Reverse) + (loop.Fused is { } fused ? Size(fused) : 0));

    /// <summary>Row i is the gradient's entry i differentiated again (reverse over reverse); the upper triangle is kept and mirrored, so it is exactly symmetric.</summary>
    private static int[] HessianByRows(GraphAlgebra g, int[] gradient, CancellationToken cancellationToken)
    {
        var n = gradient.Length;
        var entries = new int[n * n];
        for (var i = 0; i < n; i++)
        {
            var row = ReverseMode.Adjoints(g, gradient[i], n, cancellationToken);
            for (var j = i; j < n; j++)
            {
                entries[i * n + j] = entries[j * n + i] = row[j];
            }
        }

        return entries;
    }

    /// <summary>
    /// The Hessian of a method with loops, whose gradient holds backward loops that cannot be differentiated
    /// again: column j is the gradient of the derivative along parameter j (reverse over forward, the loop
    /// carrying each value with its tangent). The upper triangle is kept and mirrored, so it is exactly symmetric.
    /// </summary>
    private static int[] HessianByColumns(GraphAlgebra g, int value, int n, CancellationToken cancellationToken)
    {
        var entries = new int[n * n];
        var parameters = Enumerable.Range(0, n).Select(g.Parameter).ToArray();
        for (var j = 0; j < n; j++)
        {
            var axis = Enumerable.Range(0, n).ToDictionary(i => i, i => i == j ? g.One : g.Zero);
            var (_, tangent) = ForwardMode.Push(g, new[] { value }, new ForwardMode.Direction(axis, new Dictionary<string, string>()), cancellationToken);
            var column = ReverseMode.Adjoints(g, tangent[0], parameters, cancellationToken);
            for (var i = 0; i <= j; i++)
            {
                entries[i * n + j] = entries[j * n + i] = column[i];
            }
        }

        return entries;
    }

    /// <summary>
    /// The Hessian–vector product H·v by reverse mode over forward mode: the gradient of the directional
    /// derivative ∇f·v. Its parameters are the source's, then a direction per scalar or vector parameter; its
    /// outputs, per scalar parameter p, (H·v)ₚ then ∂f/∂p (the gradient is the adjoint of the direction, so it
    /// comes free); a vector's two adjoints go to the buffers of the vector and of its direction.
    /// </summary>
    private static DerivativeGraphModel HessianVector(MethodModel method, GraphAlgebra g, int value, Dictionary<int, string> hints, Dictionary<int, string> literals, CancellationToken cancellationToken)
    {
        var parameters = method.Parameters;
        var (direction, directionNames) = DirectionParameters(method, g, "v");
        var (pushed, tangent) = ForwardMode.Push(g, new[] { value }, direction, cancellationToken);
        var scalars = Enumerable.Range(0, parameters.Count).Where(i => method.Kind(i) == ParameterKind.Scalar).ToList();
        var targets = scalars.Select(g.Parameter).Concat(scalars.Select(i => direction.Parameters[i])).ToArray();
        var sweep = ReverseMode.Sweep(g, new[] { (tangent[0], g.One) }, targets, cancellationToken);
        return GraphFreezer.Freeze(g.Graph, parameters.Concat(directionNames).ToList(), hints, literals, pushed, sweep.Targets, sweep, cancellationToken).Model;
    }

    /// <summary>
    /// A direction (tangent) parameter per differentiable parameter, named prefix + name: a scalar's is
    /// parameter node n + k, a vector's is a vector of its own.
    /// </summary>
    public static (ForwardMode.Direction Direction, IReadOnlyList<string> Names) DirectionParameters(MethodModel method, GraphAlgebra g, string prefix)
    {
        var parameters = method.Parameters;
        var differentiable = method.Inputs;
        var names = ExtraNames(method, prefix, differentiable.Select(i => parameters[i]).ToList());
        var seeds = new Dictionary<int, int>();
        var vectors = new Dictionary<string, string>();
        for (var k = 0; k < differentiable.Count; k++)
        {
            var i = differentiable[k];
            if (method.Kind(i) == ParameterKind.Vector)
            {
                vectors[parameters[i]] = names[k];
            }
            else
            {
                seeds[i] = g.Parameter(parameters.Count + k);
            }
        }

        return (new ForwardMode.Direction(seeds, vectors), names);
    }

    /// <summary>
    /// A tuple result gets its Jacobian — by forward mode (one pass per input) when inputs ≤ outputs,
    /// by reverse mode (one pass per output) otherwise — and a vector–Jacobian product.
    /// </summary>
    private static DerivativesModel DeriveVector(MethodModel method, GraphAlgebra g, int[] values, Dictionary<int, string> hints, Dictionary<int, string> literals, CancellationToken cancellationToken)
    {
        var graph = g.Graph;
        var parameters = method.Parameters;
        var n = parameters.Count;
        var k = values.Length;
        var jacobian = new int[k * n];
        var jacobianValues = values;
        var forward = n <= k;
        if (forward)
        {
            for (var j = 0; j < n; j++)
            {
                var seeds = Enumerable.Range(0, n).Select(i => i == j ? g.One : g.Zero).ToArray();
                var direction = new ForwardMode.Direction(Enumerable.Range(0, n).ToDictionary(i => i, i => seeds[i]), new Dictionary<string, string>());
                var (pushed, column) = ForwardMode.Push(g, values, direction, cancellationToken);
                if (j == 0)
                {
                    // Values are read through the first tangent loops, which compute them anyway.
                    jacobianValues = pushed;
                }

                for (var i = 0; i < k; i++)
                {
                    jacobian[i * n + j] = column[i];
                }
            }
        }
        else
        {
            for (var i = 0; i < k; i++)
            {
                var row = ReverseMode.Adjoints(g, values[i], n, cancellationToken);
                Array.Copy(row, 0, jacobian, i * n, n);
            }
        }

        var jacobianModel = GraphFreezer.Freeze(graph, parameters, hints, literals, jacobianValues, jacobian).Model;

        var cotangentNames = ExtraNames(method, "u", Enumerable.Range(0, method.Output.Count).Select(method.Output.Stem).ToList());
        var cotangents = values.Select((v, i) => (v, g.Parameter(n + i))).ToArray();
        var vjp = ReverseMode.Adjoints(g, cotangents, Enumerable.Range(0, n).Select(g.Parameter).ToArray(), cancellationToken);
        var vjpModel = GraphFreezer.Freeze(graph, parameters.Concat(cotangentNames).ToList(), hints, literals, values, vjp).Model;

        DerivativeGraphModel? tangentModel = null;
        if (method.Modes.HasFlag(DerivativeModes.Tangent))
        {
            var (direction, tangentNames) = DirectionParameters(method, g, "t");
            var (pushed, tangents) = ForwardMode.Push(g, values, direction, cancellationToken);
            tangentModel = GraphFreezer.Freeze(graph, parameters.Concat(tangentNames).ToList(), hints, literals, pushed, tangents, cancellationToken: cancellationToken).Model;
        }

        return Describe(method, jacobianModel) with { Jacobian = jacobianModel, JacobianByForwardMode = forward, Vjp = vjpModel, Tangent = tangentModel };
    }

    /// <summary>
    /// A method writing output vectors y = f(x) gets its vector–Jacobian product (reverse mode, each write
    /// y[i] = e seeded with u[i]) and its Jacobian–vector product (forward mode, each write gets ty[i] = ė beside
    /// it); both also write y. Each is built on a graph of its own.
    /// </summary>
    private static DerivativesModel DeriveOutputs(MethodModel method, Func<CalleeModel, CalleeModel> resolve, CancellationToken cancellationToken)
    {
        var parameters = method.Parameters;
        var outputs = method.Outputs;

        var (vjpAlgebra, vjpHints, vjpLiterals, vjpEffects) = BuildWithEffects(method, resolve, cancellationToken);
        var weightNames = ExtraNames(method, "u", outputs.ToList());
        var weights = new OutputWeights(vjpEffects, Enumerable.Range(0, outputs.Count).ToDictionary(k => outputs[k], k => weightNames[k]));
        var scalars = Enumerable.Range(0, parameters.Count).Where(i => method.Kind(i) == ParameterKind.Scalar).Select(vjpAlgebra.Parameter).ToArray();
        var sweep = ReverseMode.Sweep(vjpAlgebra, Array.Empty<(int, int)>(), scalars, cancellationToken, weights);
        var vjpWrites = sweep with { Effects = vjpEffects.Concat(sweep.Effects).ToList() };
        var vjp = GraphFreezer.Freeze(vjpAlgebra.Graph, parameters.Concat(weightNames).ToList(), vjpHints, vjpLiterals, Array.Empty<int>(), sweep.Targets, vjpWrites, cancellationToken).Model;

        var (jvpAlgebra, jvpHints, jvpLiterals, jvpEffects) = BuildWithEffects(method, resolve, cancellationToken);
        var (direction, directionNames) = DirectionParameters(method, jvpAlgebra, "t");
        var tangentNames = ExtraNames(method, "t", outputs.ToList());
        direction = direction with { Outputs = Enumerable.Range(0, outputs.Count).ToDictionary(k => outputs[k], k => tangentNames[k]) };
        var (_, _, effects) = ForwardMode.Push(jvpAlgebra, Array.Empty<int>(), jvpEffects, direction, cancellationToken);
        var jvpWrites = new ReverseSweep(Array.Empty<int>(), effects, Array.Empty<(int, int)>());
        var jvp = GraphFreezer.Freeze(jvpAlgebra.Graph, parameters.Concat(directionNames).Concat(tangentNames).ToList(), jvpHints, jvpLiterals, Array.Empty<int>(), Array.Empty<int>(), jvpWrites, cancellationToken).Model;

        return new DerivativesModel(method, null, null, null, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, "", null)
        {
            OutputVjp = vjp,
            OutputTangent = jvp,
        };
    }

    private static (GraphAlgebra Algebra, Dictionary<int, string> Hints, Dictionary<int, string> Literals, List<int> Effects) BuildWithEffects(MethodModel method, Func<CalleeModel, CalleeModel> resolve, CancellationToken cancellationToken)
    {
        var algebra = new GraphAlgebra(new ExprGraph());
        var hints = new Dictionary<int, string>();
        var literals = new Dictionary<int, string>();
        var effects = new List<int>();
        GraphBuilder.Build(algebra, method, hints, literals, resolve, effects, cancellationToken);
        return (algebra, hints, literals, effects);
    }

    /// <summary>The formulas and graph of <paramref name="model"/>'s values and outputs.</summary>
    private static DerivativesModel Describe(MethodModel method, DerivativeGraphModel model)
    {
        var locals = FormulaLocals(model);
        var printer = new FormulaPrinter(model, locals);
        var expanded = new FormulaPrinter(model, new Dictionary<int, string>());
        return new DerivativesModel(
            method,
            null,
            null,
            null,
            locals.Select(pair => pair.Value + " = " + printer.Print(pair.Key)).ToEquatableArray(),
            model.Values.Select(printer.Print).ToEquatableArray(),
            model.Outputs.Select(printer.Print).ToEquatableArray(),
            model.Outputs.Select(expanded.Print).ToEquatableArray(),
            MermaidPrinter.Print(model, method.Name, method.Output.Names),
            null);
    }

    /// <summary><c>tx</c> for parameter <c>x</c> (prefix + stem), avoiding the method's own parameter names.</summary>
    public static IReadOnlyList<string> ExtraNames(MethodModel method, string prefix, IReadOnlyList<string> stems)
    {
        var taken = new HashSet<string>(method.Parameters);
        var names = new List<string>();
        foreach (var stem in stems)
        {
            var name = prefix + stem;
            while (!taken.Add(name))
            {
                name = "_" + name;
            }

            names.Add(name);
        }

        return names;
    }

    /// <summary>Source locals that name exactly one node: formulas say <c>z</c> and define it once.</summary>
    public static SortedDictionary<int, string> FormulaLocals(DerivativeGraphModel graph)
    {
        var locals = new SortedDictionary<int, string>();
        foreach (var group in graph.NameHints.Select((name, id) => (name, id)).Where(n => n.name.Length > 0 && !graph.Values.Contains(n.id)).GroupBy(n => n.name))
        {
            if (group.Count() == 1 && !graph.Parameters.Contains(group.Key))
            {
                locals[group.First().id] = group.Key;
            }
        }

        return locals;
    }
}
