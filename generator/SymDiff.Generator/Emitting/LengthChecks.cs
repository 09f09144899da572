namespace SymDiff.Generator.Emitting;

/// <summary>The guards at the top of generated methods: a span of the wrong length throws <c>ArgumentException</c> naming it.</summary>
internal static class LengthChecks
{
    /// <summary>Unless <paramref name="span"/> has exactly <paramref name="length"/> elements.</summary>
    public static void Exactly(SourceWriter writer, string methodName, string span, int length)
    {
        writer.Open("if (" + span + ".Length != " + length + ")");
        writer.Line("throw new global::System.ArgumentException(\"" + methodName + " needs " + span + " of length " + length + ", not \" + " + span + ".Length + \".\", \"" + span.TrimStart('@') + "\");");
        writer.Close();
        writer.Line();
    }

    /// <summary>Unless <paramref name="span"/> has the length of <paramref name="vector"/>.</summary>
    public static void SameAs(SourceWriter writer, string methodName, string span, string vector)
    {
        writer.Open("if (" + span + ".Length != " + vector + ".Length)");
        writer.Line("throw new global::System.ArgumentException(\"" + methodName + " needs " + span + " of the length of " + vector + " (\" + " + vector + ".Length + \"), not \" + " + span + ".Length + \".\", \"" + span.TrimStart('@') + "\");");
        writer.Close();
        writer.Line();
    }
}
