using System;

namespace SymDiff.Functions;

/// <summary>
/// The name messages and model files give a function's struct: its own, without the <c>Function</c> that the
/// generator's adapters add (<c>Activations.ReluFunction</c> is <c>Relu</c>, as <c>MyFunctions.SwishFunction</c> is <c>Swish</c>).
/// </summary>
internal static class FunctionName
{
    private const string AdapterSuffix = "Function";

    public static string Of(Type function)
        => function.Name.Length > AdapterSuffix.Length && function.Name.EndsWith(AdapterSuffix, StringComparison.Ordinal)
            ? function.Name[..^AdapterSuffix.Length]
            : function.Name;
}
