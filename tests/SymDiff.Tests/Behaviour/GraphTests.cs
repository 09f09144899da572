using System.Text.RegularExpressions;
using SymDiff.Tests.Functions;
using SymDiff.Tests.Loops;

namespace SymDiff.Tests.Behaviour;

/// <summary>The generated Mermaid flowcharts (NameGraph) are well formed and draw what the source computes.</summary>
public sealed partial class GraphTests
{
    public static IEnumerable<object[]> Graphs() => new[]
    {
        new object[] { "Lecture.F", Lecture.FGraph },
        new object[] { "Vectors.Rosenbrock", Vectors.RosenbrockGraph },
        new object[] { "Vectors.Recurrence", Vectors.RecurrenceGraph },
        new object[] { "Layered.Layer", Layered.LayerGraph },
        new object[] { "Gmm.Objective", Gmm.ObjectiveGraph },
    };

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Flowchart_IsWellFormed(string name, string graph)
    {
        var lines = graph.TrimEnd('\n').Split('\n');
        Assert.Equal("flowchart TD", lines[0]);
        var declared = new HashSet<string>();
        var open = 0;
        foreach (var line in lines.Skip(1).Select(l => l.Trim()))
        {
            if (line.StartsWith("subgraph "))
            {
                open++;
                continue;
            }

            if (line == "end")
            {
                open--;
                Assert.True(open >= 0, name + ": 'end' without a subgraph");
                continue;
            }

            var edge = Edge().Match(line);
            if (edge.Success)
            {
                Assert.True(declared.Contains(edge.Groups[1].Value), $"{name}: edge from undeclared node {edge.Groups[1].Value}");
                Assert.True(declared.Contains(edge.Groups[2].Value) || edge.Groups[2].Value.StartsWith("out"), $"{name}: edge to undeclared node {edge.Groups[2].Value}");
                continue;
            }

            var node = Node().Match(line);
            Assert.True(node.Success, $"{name}: unexpected line '{line}'");
            Assert.True(declared.Add(node.Groups[1].Value), $"{name}: node {node.Groups[1].Value} declared twice");
            Assert.DoesNotContain("\"\"", line);
        }

        Assert.Equal(0, open);
        Assert.Contains(lines, l => l.Contains("--> out"));
    }

    [Fact]
    public void Loop_IsASubgraphWithItsCarriedValueAndElements()
    {
        var graph = Vectors.RosenbrockGraph;
        Assert.Contains("subgraph n2_loop [\"for i in [0, x.Length - 1)\"]", graph);
        Assert.Contains("[\"sum (carried)\"]", graph);
        Assert.Contains("[\"x[i + 1]\"]", graph);
        Assert.Contains("[\"a = −\"]", graph);
        Assert.Contains("[\"sum after the loop\"]", graph);
    }

    [GeneratedRegex("^([A-Za-z0-9_]+) --> ([A-Za-z0-9_]+)")]
    private static partial Regex Edge();

    [GeneratedRegex("^([A-Za-z0-9_]+)(\\(\\(|\\(\\[|\\[)\"[^\"]+\"(\\)\\)|\\]\\)|\\])$")]
    private static partial Regex Node();
}
