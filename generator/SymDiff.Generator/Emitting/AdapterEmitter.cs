namespace SymDiff.Generator.Emitting;

/// <summary>
/// Writes the struct that hands a method to the runtime's layers and losses: <c>NameFunction</c>, an
/// <c>IScalarFunction</c>, for a method of one double (an activation: <c>ActivationFunction.Of&lt;SwishFunction&gt;()</c>);
/// <c>NameLoss</c>, an <c>ILossFunction</c>, for a method of (prediction, target) (<c>ElementwiseLoss&lt;LogCoshLoss&gt;</c>).
/// Its members call the method and its gradient; the JIT inlines both into the layer's loops.
/// </summary>
internal static class AdapterEmitter
{
    private const string Inline = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";

    public static void Write(SourceWriter writer, DerivativesModel model)
    {
        var method = model.Method;
        if (model.Gradient is null || method.HasOwnAdapter || method.AdapterSuffix is not { } suffix)
        {
            return;
        }

        var loss = suffix == "Loss";
        var cref = DocumentationWriter.Cref(method);
        DocumentationWriter.Summary(writer, loss
            ? "<see cref=\"" + cref + "\"/> and its derivative by the prediction as an <see cref=\"global::SymDiff.Functions.ILossFunction\"/>, for <c>ElementwiseLoss&lt;" + method.Name + "Loss&gt;</c>."
            : "<see cref=\"" + cref + "\"/> and its derivative as an <see cref=\"global::SymDiff.Functions.IScalarFunction\"/>, for <c>ActivationFunction.Of&lt;" + method.Name + "Function&gt;()</c> and <c>Activation&lt;" + method.Name + "Function&gt;</c>.");
        writer.Line(TypeEmitter.GeneratedCodeAttribute);
        writer.Open(method.Accessibility + " readonly struct " + method.Name + suffix + " : global::SymDiff.Functions." + (loss ? "ILossFunction" : "IScalarFunction"));
        // Qualified: inside the struct, a method named Value or Derivative would be the struct's own.
        var owner = method.Type.Reference + ".";
        var parameters = loss ? "double prediction, double target" : "double x";
        var arguments = loss ? "prediction, target" : "x";
        writer.Line("/// <inheritdoc/>");
        writer.Line(Inline);
        writer.Line("public static double Value(" + parameters + ") => " + owner + Identifier.Escape(method.Name) + "(" + arguments + ");");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line(Inline);
        writer.Open("public static double Derivative(" + parameters + ")");
        writer.Line(owner + method.Name + "Gradient(" + arguments + (loss ? ", out var derivative, out _);" : ", out var derivative);"));
        writer.Line("return derivative;");
        writer.Close();
        writer.Close();
    }
}
