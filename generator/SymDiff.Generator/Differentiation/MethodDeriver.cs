using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using SymDiff.Generator.Model;

namespace SymDiff.Generator.Differentiation;

/// <summary>
/// Derive stage: builds the value DAG once, then the DAG of every requested mode on top of it —
/// reverse mode for the gradient, forward mode for the tangent, reverse over the gradient for the
/// Hessian — each pruned to what its outputs reach, so dead code is gone before anything is emitted.
/// </summary>
internal static class MethodDeriver
{
    public static DerivativesModel Derive(MethodModel method, CancellationToken cancellationToken)
    {
        try
        {
            return DeriveCore(method, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new DerivativesModel(method, null, null, null, EquatableArray<string>.Empty, "", EquatableArray<string>.Empty, EquatableArray<string>.Empty, "", e.GetType().Name + ": " + e.Message);
        }
    }

    private static DerivativesModel DeriveCore(MethodModel method, CancellationToken cancellationToken)
    {
        var graph = new ExprGraph();
        var g = new GraphAlgebra(graph);
        var hints = new Dictionary<int, string>();
        var literals = new Dictionary<int, string>();
        var parameters = method.Parameters;
        var value = GraphBuilder.Build(g, method, hints, literals, cancellationToken);
        var gradient = ReverseMode.Adjoints(g, value, parameters.Count, cancellationToken);

        var (gradientModel, map) = GraphFreezer.Freeze(graph, parameters, hints, literals, value, gradient);

        DerivativeGraphModel? tangentModel = null;
        if (method.Modes.HasFlag(DerivativeModes.Tangent))
        {
            var tangentNames = TangentNames(method);
            var seeds = tangentNames.Select((_, i) => g.Parameter(parameters.Count + i)).ToArray();
            var tangent = ForwardMode.Tangent(g, value, seeds, cancellationToken);
            tangentModel = GraphFreezer.Freeze(graph, parameters.Concat(tangentNames).ToList(), hints, literals, value, new[] { tangent }).Model;
        }

        DerivativeGraphModel? hessianModel = null;
        if (method.Modes.HasFlag(DerivativeModes.Hessian))
        {
            var n = parameters.Count;
            var entries = new int[n * n];
            for (var i = 0; i < n; i++)
            {
                var row = ReverseMode.Adjoints(g, gradient[i], n, cancellationToken);
                for (var j = i; j < n; j++)
                {
                    // Exactly symmetric: the upper triangle is computed, the lower one mirrors it.
                    entries[i * n + j] = entries[j * n + i] = row[j];
                }
            }

            hessianModel = GraphFreezer.Freeze(graph, parameters, hints, literals, value, gradient.Concat(entries).ToList()).Model;
        }

        var locals = FormulaLocals(gradientModel);
        var printer = new FormulaPrinter(gradientModel.Nodes, parameters, locals);
        var expanded = new FormulaPrinter(gradientModel.Nodes, parameters, new Dictionary<int, string>());
        return new DerivativesModel(
            method,
            gradientModel,
            tangentModel,
            hessianModel,
            locals.Select(pair => pair.Value + " = " + printer.Print(pair.Key)).ToEquatableArray(),
            printer.Print(gradientModel.Value),
            gradientModel.Outputs.Select(printer.Print).ToEquatableArray(),
            gradientModel.Outputs.Select(expanded.Print).ToEquatableArray(),
            MermaidPrinter.Print(gradientModel, method.Name),
            null);
    }

    /// <summary><c>tx</c> for parameter <c>x</c>, avoiding the method's own parameter names.</summary>
    public static IReadOnlyList<string> TangentNames(MethodModel method)
    {
        var taken = new HashSet<string>(method.Parameters);
        var names = new List<string>();
        foreach (var parameter in method.Parameters)
        {
            var name = "t" + parameter;
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
        foreach (var group in graph.NameHints.Select((name, id) => (name, id)).Where(n => n.name.Length > 0 && n.id != graph.Value).GroupBy(n => n.name))
        {
            if (group.Count() == 1 && !graph.Parameters.Contains(group.Key))
            {
                locals[group.First().id] = group.Key;
            }
        }

        return locals;
    }
}
