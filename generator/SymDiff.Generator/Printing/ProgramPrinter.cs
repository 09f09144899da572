using SymDiff.Generator.Emitting;
using SymDiff.Generator.Lowering;

namespace SymDiff.Generator.Printing;

/// <summary>Writes a lowered program as C# text, in one walk: it appends, and decides nothing.</summary>
internal static class ProgramPrinter
{
    /// <summary>The lines of <paramref name="statements"/>, unindented at their own level.</summary>
    public static IReadOnlyList<string> Lines(IEnumerable<Statement> statements)
    {
        var writer = new SourceWriter();
        foreach (var statement in statements)
        {
            Print(writer, statement);
        }

        return writer.ToString().TrimEnd('\n').Split('\n').Where(line => line.Length > 0).ToList();
    }

    public static void Print(SourceWriter writer, Statement statement)
    {
        switch (statement)
        {
            case Block block:
                foreach (var inner in block.Statements)
                {
                    Print(writer, inner);
                }

                break;
            case CodeLine line:
                writer.Line(line.Code.Text);
                break;
            case Separator:
                writer.Line();
                break;
            case Braced braced:
                writer.Open(braced.Header.Text);
                Print(writer, braced.Body);
                writer.Close();
                break;
            case If branch:
                writer.Open("if (" + branch.Condition.Text + ")");
                Print(writer, branch.Then);
                writer.Close();
                if (branch.Else is { } otherwise)
                {
                    writer.Open("else");
                    Print(writer, otherwise);
                    writer.Close();
                }

                break;
            case Store store:
                writer.Line(store.Target.Text + (store.Kind switch { StoreKind.Add => " += ", StoreKind.Subtract => " -= ", _ => " = " }) + store.Value.Text + ";");
                break;
            case Return result:
                writer.Line("return " + result.Value.Text + ";");
                break;
            case Let let:
                writer.Line(let.Type + " " + let.Name + (let.Value is null ? ";" : " = " + let.Value.Text + ";"));
                break;
            case Loop loop:
                writer.Open(Header(loop));
                Print(writer, loop.Body);
                writer.Close();
                break;
            case Rent rent when rent.Buffer.Count is { } count:
                writer.Line("int " + count + " = " + rent.Length + ";");
                writer.Line(rent.Buffer.ElementType + "[] " + rent.Buffer.Array + " = " + rent.Buffer.Pool + ".Rent(global::System.Math.Max(1, " + count + "));");
                break;
            case Rent rent:
                writer.Line(rent.Buffer.ElementType + "[] " + rent.Buffer.Array + " = " + rent.Buffer.Pool + ".Rent(global::System.Math.Max(1, " + rent.Length + "));");
                break;
            case Release release:
                writer.Line(release.Buffer.Pool + ".Return(" + release.Buffer.Array + ");");
                break;
            default:
                throw new InvalidOperationException("No printer for " + statement.GetType().Name + ".");
        }
    }

    private static string Header(Loop loop)
    {
        var i = loop.Index;
        return loop.Direction == LoopDirection.Ascending
            ? "for (int " + i + " = " + loop.Start + "; " + i + " < " + loop.End + "; " + i + "++)"
            : "for (int " + i + " = (" + loop.End + ") - 1; " + i + " >= " + loop.Start + "; " + i + "--)";
    }
}
