namespace SymDiff.CodeFixes;

/// <summary>
/// The IDs these fixes answer. The generator reports the SD IDs (DiagnosticDescriptors there); this assembly does
/// not reference the generator, so they are repeated here. The code fix tests take the diagnostics from the running
/// generator, so an ID that no longer matches fails them.
/// </summary>
internal static class DiagnosticIds
{
    public const string MethodMustBeStatic = "SD1001";
    public const string ContainingTypeMustBePartial = "SD1002";
    public const string CallNotDifferentiable = "SD2002";

    /// <summary>The compiler's "type or namespace name not found" (an attribute without <c>using SymDiff;</c>).</summary>
    public const string TypeOrNamespaceNotFound = "CS0246";

    /// <summary>The compiler's "name does not exist in the current context" (<c>DerivativeModes</c>, <c>Derivatives</c>).</summary>
    public const string NameNotFound = "CS0103";
}
