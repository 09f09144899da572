namespace SymDiff.Generator;

/// <summary>Names of the tracked pipeline steps, asserted by the caching tests.</summary>
internal static class TrackingNames
{
    public const string MethodModels = nameof(MethodModels);
    public const string Derivatives = nameof(Derivatives);
    public const string TypeModels = nameof(TypeModels);
    public const string Diagnostics = nameof(Diagnostics);
    public const string CustomDerivatives = nameof(CustomDerivatives);
    public const string Recursion = nameof(Recursion);
    public const string PendingDiagnostics = nameof(PendingDiagnostics);
    public const string RecursionDiagnostics = nameof(RecursionDiagnostics);
}
