using System.Collections.Generic;
using System.Linq;
using SymDiff.Generator.Model;

namespace SymDiff.Generator.Emitting;

/// <summary>Writes a generated method's body: its locals region by region, then its outputs and return.</summary>
internal static class MethodBodyWriter
{
    /// <param name="writer">Where to write.</param>
    /// <param name="model">The method's DAG.</param>
    /// <param name="outputTargets">Where each of <see cref="DerivativeGraphModel.Outputs"/> is written (<c>dx</c>, <c>hessian[3]</c>).</param>
    /// <param name="reservedNames">Names the method's own parameters use, which locals must avoid.</param>
    /// <param name="scale">When set, outputs are accumulated as <c>target += scale * output</c> (a pullback).</param>
    public static void Write(SourceWriter writer, DerivativeGraphModel model, IReadOnlyList<string> outputTargets, IEnumerable<string> reservedNames, string? scale = null)
    {
        var plan = new EmissionPlan(model, reservedNames);
        var expressions = new CSharpExpressionWriter(plan);
        WriteRegion(writer, plan, expressions, Region.Root);
        for (var i = 0; i < outputTargets.Count; i++)
        {
            var output = expressions.Write(model.Outputs[i]);
            writer.Line(scale is null
                ? outputTargets[i] + " = " + output + ";"
                : outputTargets[i] + " += " + scale + " * " + (IsSimple(output) ? output : "(" + output + ")") + ";");
        }

        var values = model.Values.Select(expressions.Write).ToList();
        writer.Line("return " + (values.Count == 1 ? values[0] : "(" + string.Join(", ", values) + ")") + ";");
    }

    private static bool IsSimple(string expression) => expression.All(c => char.IsLetterOrDigit(c) || c is '_' or '.' or '@');

    private static void WriteRegion(SourceWriter writer, EmissionPlan plan, CSharpExpressionWriter expressions, Region region)
    {
        foreach (var id in plan.LocalsIn(region))
        {
            var node = plan.Model.Nodes[id];
            var type = OperationTable.Get(node.Operation).IsBoolean ? "bool " : "double ";
            var name = plan.Names[id];
            if (node.Operation == Operation.CallGradient)
            {
                foreach (var statement in expressions.CallStatements(id))
                {
                    writer.Line(statement);
                }

                continue;
            }

            if (!plan.IsStructured[id])
            {
                writer.Line(type + name + " = " + expressions.WriteDefinition(id) + ";");
                continue;
            }

            writer.Line(type + name + ";");
            writer.Open("if (" + expressions.Write(node.Operand0) + ")");
            WriteRegion(writer, plan, expressions, plan.Branch(id, true));
            writer.Line(name + " = " + expressions.Write(node.Operand1) + ";");
            writer.Close();
            writer.Open("else");
            WriteRegion(writer, plan, expressions, plan.Branch(id, false));
            writer.Line(name + " = " + expressions.Write(node.Operand2) + ";");
            writer.Close();
        }
    }
}
